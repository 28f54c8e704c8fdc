// `npm test`: every gate in order, stopping at the first failure. Extra arguments go to vitest
// (e.g. `npm test -- tests/unit`).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const node = process.execPath;

const steps = [
  { name: 'levels:check', cmd: npm, args: ['run', '-s', 'levels:check'] },
  { name: 'programme:check', cmd: npm, args: ['run', '-s', 'programme:check'] },
  { name: 'typecheck', cmd: npm, args: ['run', '-s', 'typecheck'] },
  { name: 'lint', cmd: npm, args: ['run', '-s', 'lint'] },
  { name: 'chromium', cmd: node, args: ['scripts/ensure-chromium.mjs'] },
  { name: 'ffmpeg', cmd: node, args: ['scripts/ensure-ffmpeg.mjs'] },
  { name: 'services', cmd: node, args: ['scripts/ensure-services.mjs'] },
  { name: 'nginx', cmd: node, args: ['scripts/ensure-nginx.mjs'] },
  { name: 'build', cmd: npm, args: ['run', '-s', 'build'] },
  { name: 'vitest', cmd: node, args: ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)] },
];

/** Runs one step with inherited stdio; resolves to its exit code. */
function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, { cwd: root, stdio: 'inherit' });
    child.on('error', (err) => {
      console.error(`[test] cannot start ${step.cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = performance.now();
const timings = [];
for (const step of steps) {
  console.log(`\n[test] ▶ ${step.name}: ${[path.basename(step.cmd), ...step.args].join(' ')}`);
  const t0 = performance.now();
  const code = await run(step);
  const took = performance.now() - t0;
  timings.push(`${step.name} ${seconds(took)}`);
  if (code !== 0) {
    console.error(`\n[test] ✖ ${step.name} failed (exit code ${code}) after ${seconds(took)}; later steps were not run.`);
    process.exit(code);
  }
  console.log(`[test] ✔ ${step.name} (${seconds(took)})`);
}
console.log(`\n[test] all passed in ${seconds(performance.now() - started)}: ${timings.join(', ')}`);
