// Installing a Debian package the tests need (Chromium, ffmpeg, PostgreSQL, Redis, nginx) when
// it is missing: apt-get as root, or through password-less sudo; one clear message otherwise.
// The ensure-*.mjs scripts say what they need; this says how it is installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** An installer whose messages start with `tag`; `hint` says what to do by hand. */
export function debianInstaller(tag, hint) {
  const fail = (message) => {
    console.error(`${tag}: ${message}`);
    process.exit(1);
  };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

  const apt = (args) => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    console.log(`${tag}: ${[cmd, ...rest].join(' ')}`);
    const r = spawnSync(cmd, rest, { stdio: 'inherit', env });
    if (r.error) fail(`cannot run ${cmd}: ${r.error.message}`);
    if (r.status !== 0) {
      fail(`"${[cmd, ...rest].join(' ')}" failed with exit code ${r.status}.` + (isRoot ? '' : ' Installing needs root or password-less sudo.') + ` ${hint}`);
    }
  };

  return {
    fail,
    isRoot,
    /** Installs the packages (without recommends), or exits with a message naming `hint`. */
    install(packages) {
      if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/apt-get')) fail(`missing ${packages.join(' and ')}, and no apt-get to install it. ${hint}`);
      apt(['update']);
      // Another install (Chromium, PostgreSQL) may hold the dpkg lock: wait for it rather than fail.
      apt(['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '--no-install-recommends', ...packages]);
    },
  };
}
