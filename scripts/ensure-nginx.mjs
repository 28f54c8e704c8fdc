// Makes sure Debian's nginx exists for the cluster test (tests/cluster), which runs the sample
// configuration docs/deploy/nginx.conf in front of several server processes. NGINX_PATH names
// another binary; otherwise apt-get installs nginx-light when /usr/sbin/nginx is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const wanted = process.env.NGINX_PATH || '/usr/sbin/nginx';

function fail(message) {
  console.error(`ensure-nginx: ${message}`);
  process.exit(1);
}

if (fs.existsSync(wanted)) process.exit(0);
if (process.env.NGINX_PATH) fail(`NGINX_PATH is set to ${process.env.NGINX_PATH}, which does not exist.`);
if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/apt-get')) {
  fail('no /usr/sbin/nginx and no apt-get to install it. Install nginx and set NGINX_PATH to its binary.');
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = isRoot ? [] : ['sudo', '-n'];
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

function apt(args) {
  const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
  console.log(`ensure-nginx: ${[cmd, ...rest].join(' ')}`);
  const r = spawnSync(cmd, rest, { stdio: 'inherit', env });
  if (r.error) fail(`cannot run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) {
    fail(`"${[cmd, ...rest].join(' ')}" failed with exit code ${r.status}.` + (isRoot ? '' : ' Installing needs root or password-less sudo.'));
  }
}

console.log(`ensure-nginx: ${wanted} not found; installing Debian's nginx-light package.`);
apt(['update']);
apt(['install', '-y', 'nginx-light']);
if (!fs.existsSync(wanted)) fail(`apt-get finished but ${wanted} still does not exist.`);
console.log(`ensure-nginx: installed ${wanted}.`);
