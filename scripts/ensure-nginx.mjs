// Makes sure Debian's nginx exists for the cluster test (tests/cluster), which runs the sample
// configuration docs/deploy/nginx.conf in front of several server processes. NGINX_PATH names
// another binary; otherwise apt-get installs nginx-light when /usr/sbin/nginx is missing.
import fs from 'node:fs';
import { debianInstaller } from './lib/apt.mjs';

const wanted = process.env.NGINX_PATH || '/usr/sbin/nginx';
const debian = debianInstaller('ensure-nginx', 'Install nginx by hand and set NGINX_PATH to its binary.');

if (fs.existsSync(wanted)) process.exit(0);
if (process.env.NGINX_PATH) debian.fail(`NGINX_PATH is set to ${process.env.NGINX_PATH}, which does not exist.`);

console.log(`ensure-nginx: ${wanted} not found; installing Debian's nginx-light package.`);
debian.install(['nginx-light']);
if (!fs.existsSync(wanted)) debian.fail(`apt-get finished but ${wanted} still does not exist.`);
console.log(`ensure-nginx: installed ${wanted}.`);
