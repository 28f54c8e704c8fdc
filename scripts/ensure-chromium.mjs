// Makes sure a headless Chromium exists for the e2e tests: Debian's `chromium` package, driven
// by playwright-core (whose own browser download cannot work on these machines).
import fs from 'node:fs';
import { debianInstaller } from './lib/apt.mjs';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const debian = debianInstaller('ensure-chromium', 'Install Debian\'s "chromium" package by hand, or set CHROMIUM_PATH.');

if (fs.existsSync(wanted)) process.exit(0);
if (process.env.CHROMIUM_PATH) debian.fail(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);

console.log(`ensure-chromium: ${wanted} not found; installing Debian's chromium package.`);
debian.install(['chromium']);
if (!fs.existsSync(wanted)) debian.fail(`apt-get finished but ${wanted} still does not exist.`);
console.log(`ensure-chromium: installed ${wanted}.`);
