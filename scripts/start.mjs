// `npm start`: build the client if it is missing or older than its sources, then serve
// everything on one port. Runs on the project's own Node 22 (node_modules/.bin/node).
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function newest(dir) {
  let t = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

const built = path.join(root, 'dist', 'client', 'index.html');
const sourcesTime = Math.max(newest(path.join(root, 'client')), newest(path.join(root, 'shared')));
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sourcesTime) {
  console.log('Building the client…');
  const r = spawnSync(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, [bin('tsx'), path.join(root, 'server', 'main.ts')], { cwd: root, stdio: 'inherit' });
const live = startSampleLive();
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => {
  live?.kill('SIGINT');
  child.kill(sig);
});
child.on('exit', (code) => {
  live?.kill('SIGINT');
  process.exit(code ?? 0);
});

/**
 * With the sample programme (no PROGRAMME_DIR) something is on air: once the server answers,
 * `npm run stream:sample` pushes the test pattern into a stage of an event live now.
 * SAMPLE_LIVE=0 turns it off; without ffmpeg it says so and the rest runs on.
 */
function startSampleLive() {
  if (process.env.SAMPLE_LIVE === '0' || process.env.PROGRAMME_DIR) return null;
  const url = `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  let sender = null;
  let stopped = false;
  const tryStart = async (attempt) => {
    if (stopped) return;
    const ready = await fetch(`${url}/api/ready`).then((r) => r.ok, () => false);
    if (!ready) {
      if (attempt < 60) setTimeout(() => void tryStart(attempt + 1), 1000);
      return;
    }
    console.log('[sample] a test pattern goes on air (npm run stream:sample; SAMPLE_LIVE=0 turns it off)');
    sender = spawn(process.execPath, [bin('tsx'), path.join(root, 'scripts', 'sample-live.ts'), '--url', url], { cwd: root, stdio: 'inherit' });
    sender.on('exit', (code) => {
      if (!stopped && code) console.log(`[sample] the sample live source stopped (exit ${code}); the rest runs on`);
    });
  };
  setTimeout(() => void tryStart(0), 1000);
  return {
    kill(sig) {
      stopped = true;
      sender?.kill(sig);
    },
  };
}
