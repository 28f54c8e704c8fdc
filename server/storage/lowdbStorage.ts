// The embedded store: one JSON file under data/, written atomically by lowdb (temp file +
// rename), so a crash leaves either the old or the new file, never half of one.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { type Exhibitor, ExhibitorList } from '../../shared/exhibitor.ts';
import type { Storage } from './storage.ts';

interface Data {
  schema: 1;
  exhibitors: Record<string, Exhibitor>;
}

export async function openLowdbStorage(dataDir: string, seedFile: string): Promise<Storage> {
  await fs.mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, 'db.json');
  const db = new Low<Data>(new JSONFile<Data>(file), { schema: 1, exhibitors: {} });
  await db.read();

  const seeded = await fs
    .stat(file)
    .then(() => true)
    .catch(() => false);
  if (!seeded) {
    const seed = ExhibitorList.parse(JSON.parse(await fs.readFile(seedFile, 'utf8')));
    db.data.exhibitors = Object.fromEntries(seed.map((e) => [e.id, e]));
    await db.write();
  }

  return {
    async listExhibitors() {
      return Object.values(db.data.exhibitors);
    },
    async getExhibitor(id) {
      return Object.hasOwn(db.data.exhibitors, id) ? db.data.exhibitors[id] : undefined;
    },
    async upsertExhibitors(items) {
      const valid = ExhibitorList.parse(items);
      await db.update((data) => {
        for (const e of valid) data.exhibitors[e.id] = e;
      });
    },
    async close() {},
  };
}
