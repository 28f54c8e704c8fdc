// Makes sure Debian's ffmpeg exists for the stream hall (ingest, HLS packaging) and its tests:
// the npm binary packages (ffmpeg-static) download at install time and cannot work here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const wanted = process.env.FFMPEG_PATH || '/usr/bin/ffmpeg';

function fail(message) {
  console.error(`ensure-ffmpeg: ${message}`);
  process.exit(1);
}

/** The stream hall needs SRT (ingest) and libx264 (the sample source, the low rung). */
function check(binary) {
  const r = spawnSync(binary, ['-hide_banner', '-protocols'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) fail(`${binary} does not run: ${r.error?.message ?? r.stderr}`);
  if (!/^\s*srt\s*$/m.test(r.stdout)) fail(`${binary} has no SRT protocol; install Debian's ffmpeg (5.1 has it).`);
}

if (fs.existsSync(wanted)) {
  check(wanted);
  process.exit(0);
}
if (process.env.FFMPEG_PATH) {
  fail(`FFMPEG_PATH is set to ${process.env.FFMPEG_PATH}, which does not exist.`);
}
if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/apt-get')) {
  fail('no /usr/bin/ffmpeg and no apt-get to install it. Install ffmpeg (with SRT) and set FFMPEG_PATH to its binary.');
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = isRoot ? [] : ['sudo', '-n'];
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

function apt(args) {
  const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
  console.log(`ensure-ffmpeg: ${[cmd, ...rest].join(' ')}`);
  const r = spawnSync(cmd, rest, { stdio: 'inherit', env });
  if (r.error) fail(`cannot run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) {
    fail(
      `"${[cmd, ...rest].join(' ')}" failed with exit code ${r.status}.` +
        (isRoot ? '' : ' Installing needs root or password-less sudo.') +
        ' Install Debian\'s "ffmpeg" package by hand, or set FFMPEG_PATH.',
    );
  }
}

console.log(`ensure-ffmpeg: ${wanted} not found; installing Debian's ffmpeg package.`);
apt(['update']);
// Another install (Chromium, PostgreSQL) may hold the dpkg lock: wait for it rather than fail.
apt(['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '--no-install-recommends', 'ffmpeg']);
if (!fs.existsSync(wanted)) fail(`apt-get finished but ${wanted} still does not exist.`);
check(wanted);
console.log(`ensure-ffmpeg: installed ${wanted}.`);
