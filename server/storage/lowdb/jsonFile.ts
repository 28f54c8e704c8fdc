// One lowdb JSON file per domain (exhibitors, accounts, leads, ...): a write rewrites only its
// own file. lowdb writes through steno (temp file + rename), so a crash leaves the old or the
// new file, never half of one; writes are awaited before a request is acknowledged.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

/** Opens (or creates from `seed`) a JSON file. `seed` runs only when the file does not exist. */
export async function openJsonFile<T extends object>(file: string, empty: T, seed?: () => Promise<T>): Promise<Low<T>> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const exists = await fs
    .stat(file)
    .then(() => true)
    .catch(() => false);
  const db = new Low<T>(new JSONFile<T>(file), structuredClone(empty));
  if (exists) {
    await db.read();
  } else {
    db.data = seed ? await seed() : structuredClone(empty);
    await db.write();
  }
  return db;
}
