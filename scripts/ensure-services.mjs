// Makes sure the tests can have their own database servers: Debian's PostgreSQL server
// programs (initdb, postgres) and redis-server, installed with apt-get when missing, as
// ensure-chromium.mjs does for Chromium. Nothing is needed for a server given by URL
// (TEST_DATABASE_URL, TEST_REDIS_URL). The tests start private servers themselves
// (tests/fixtures/services.ts); this script only installs programs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { debianInstaller } from './lib/apt.mjs';

const debian = debianInstaller('ensure-services', "Install them by hand, or set TEST_DATABASE_URL / TEST_REDIS_URL to servers the tests may use.");
const { fail } = debian;

/** Debian keeps PostgreSQL's server programs off PATH, in /usr/lib/postgresql/<version>/bin. */
function havePostgres() {
  if (process.env.PG_BIN) return fs.existsSync(path.join(process.env.PG_BIN, 'initdb'));
  const root = '/usr/lib/postgresql';
  return fs.existsSync(root) && fs.readdirSync(root).some((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')));
}

const haveRedis = () => ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].some((p) => fs.existsSync(p));

if (process.env.PG_BIN && !havePostgres()) fail(`PG_BIN is set to ${process.env.PG_BIN}, which has no initdb.`);

const packages = [];
if (!process.env.TEST_DATABASE_URL && !havePostgres()) packages.push('postgresql');
if (!process.env.TEST_REDIS_URL && !haveRedis()) packages.push('redis-server');
if (packages.length === 0) process.exit(0);

console.log(`ensure-services: installing Debian's ${packages.join(' and ')} for the tests' private servers.`);
debian.install(packages);
if (packages.includes('postgresql') && !havePostgres()) fail('apt-get finished but no /usr/lib/postgresql/<version>/bin/initdb exists.');
if (packages.includes('redis-server') && !haveRedis()) fail('apt-get finished but redis-server still does not exist.');
// postgres refuses to run as root; the tests then run it as the package's "postgres" user.
if (debian.isRoot && packages.includes('postgresql') && spawnSync('id', ['-u', 'postgres']).status !== 0) {
  fail('PostgreSQL is installed but there is no "postgres" user to run private servers as.');
}
console.log(`ensure-services: installed ${packages.join(' and ')}.`);
