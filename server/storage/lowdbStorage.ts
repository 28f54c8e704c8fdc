// The embedded store: lowdb files under data/, one per domain, composed into one Storage.
import path from 'node:path';
import type { Storage } from './storage.ts';
import { openExhibitors } from './lowdb/exhibitors.ts';

export interface SeedFiles {
  exhibitors: string;
}

export async function openLowdbStorage(dataDir: string, seed: SeedFiles): Promise<Storage> {
  const exhibitors = await openExhibitors(path.join(dataDir, 'db.json'), seed.exhibitors);
  return {
    ...exhibitors,
    async close() {},
  };
}
