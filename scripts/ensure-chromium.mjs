// Makes sure a headless Chromium exists for the e2e tests: Debian's `chromium` package, driven
// by playwright-core (whose own browser download cannot work on these machines).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

if (fs.existsSync(wanted)) {
  process.exit(0);
}
if (process.env.CHROMIUM_PATH) {
  fail(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
}
if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/apt-get')) {
  fail('no /usr/bin/chromium and no apt-get to install it. Install Chromium and set CHROMIUM_PATH to its binary.');
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = isRoot ? [] : ['sudo', '-n'];
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

function apt(args) {
  const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
  console.log(`ensure-chromium: ${[cmd, ...rest].join(' ')}`);
  const r = spawnSync(cmd, rest, { stdio: 'inherit', env });
  if (r.error) fail(`cannot run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) {
    fail(
      `"${[cmd, ...rest].join(' ')}" failed with exit code ${r.status}.` +
        (isRoot ? '' : ' Installing needs root or password-less sudo.') +
        ' Install Debian\'s "chromium" package by hand, or set CHROMIUM_PATH.',
    );
  }
}

console.log(`ensure-chromium: ${wanted} not found; installing Debian's chromium package.`);
apt(['update']);
apt(['install', '-y', 'chromium']);
if (!fs.existsSync(wanted)) fail(`apt-get finished but ${wanted} still does not exist.`);
console.log(`ensure-chromium: installed ${wanted}.`);
