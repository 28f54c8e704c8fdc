// Opens the store the config asks for and seeds it: PostgreSQL when DATABASE_URL is set (the
// shared store of several processes), else the embedded lowdb files in dataDir. Seeding goes
// through the Storage interface (seed.ts), so both backends start from the same files; on
// PostgreSQL it runs under a database lock, so processes starting at once seed it once.
import { sampleWebinarShift } from '../fairStart.ts';
import { type ServerConfig, seedPaths } from '../config.ts';
import { openLowdbStorage } from './lowdbStorage.ts';
import { openPostgresStorage } from './postgres/postgresStorage.ts';
import { seedStorage } from './seed.ts';
import type { Storage } from './storage.ts';

export async function openStorage(config: ServerConfig, log: (line: string) => void): Promise<Storage> {
  const seeds = seedPaths(config);
  // The sample's webinars are dated around one moment; at first seed it becomes now (fairStart.ts).
  const webinarShiftMs = sampleWebinarShift(config, seeds.content);
  const seed = (storage: Storage) =>
    seedStorage(storage, { exhibitors: config.seedFile, content: seeds.content, webinarShiftMs, accounts: seeds.accounts }, log);

  if (config.databaseUrl) {
    const storage = await openPostgresStorage(config.databaseUrl, { log });
    try {
      await storage.exclusively('seed', () => seed(storage));
    } catch (e) {
      await storage.close();
      throw e;
    }
    return storage;
  }
  // A damaged data file rejects here with a StorageFileError naming it; nothing is written.
  const storage = await openLowdbStorage(config.dataDir, { log });
  await seed(storage);
  return storage;
}
