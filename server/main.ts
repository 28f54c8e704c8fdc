// Entry point of `npm start`: serve the exhibition until asked to stop.
import path from 'node:path';
import { startServer } from './app.ts';
import { DEMO_ACCOUNTS_FILE, configFromEnv, seedPaths } from './config.ts';
import { startBanner } from './startBanner.ts';
import { StorageFileError } from './storage/lowdb/durableFile.ts';

const config = configFromEnv();
const server = await startServer(config).catch((e: unknown) => {
  // A damaged data file: its one message says which file and what to do; a stack adds nothing.
  if (e instanceof StorageFileError) {
    console.error(`virtual-expo did not start: ${e.message}`);
    process.exit(1);
  }
  throw e;
});
if (!config.quiet) {
  const relative = path.relative(process.cwd(), config.dataDir);
  const banner = startBanner({
    url: server.url,
    floors: server.levels.list().length,
    demoAccounts: path.resolve(seedPaths(config).accounts) === DEMO_ACCOUNTS_FILE,
    smtpUrl: config.smtpUrl,
    publicUrl: config.publicUrl,
    dataDir: relative && !relative.startsWith('..') ? `${relative}/` : config.dataDir,
  });
  console.log(banner.join('\n'));
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
