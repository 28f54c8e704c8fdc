// Makes sure Debian's ffmpeg exists for the stream hall (ingest, HLS packaging) and its tests:
// the npm binary packages (ffmpeg-static) download at install time and cannot work here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { debianInstaller } from './lib/apt.mjs';

const wanted = process.env.FFMPEG_PATH || '/usr/bin/ffmpeg';
const debian = debianInstaller('ensure-ffmpeg', 'Install Debian\'s "ffmpeg" package by hand, or set FFMPEG_PATH.');

/** The stream hall needs SRT (ingest) and libx264 (the sample source, the low rung). */
function check(binary) {
  const r = spawnSync(binary, ['-hide_banner', '-protocols'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) debian.fail(`${binary} does not run: ${r.error?.message ?? r.stderr}`);
  if (!/^\s*srt\s*$/m.test(r.stdout)) debian.fail(`${binary} has no SRT protocol; install Debian's ffmpeg (5.1 has it).`);
}

if (fs.existsSync(wanted)) {
  check(wanted);
  process.exit(0);
}
if (process.env.FFMPEG_PATH) debian.fail(`FFMPEG_PATH is set to ${process.env.FFMPEG_PATH}, which does not exist.`);

console.log(`ensure-ffmpeg: ${wanted} not found; installing Debian's ffmpeg package.`);
debian.install(['ffmpeg']);
check(wanted);
console.log(`ensure-ffmpeg: installed ${wanted}.`);
