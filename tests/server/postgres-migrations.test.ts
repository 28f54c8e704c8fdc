// Schema migrations on real PostgreSQL: a fresh database gets every one; a database that
// missed one (a migration landed after a later one had been applied) gets just that one; a
// database with a migration this server does not know is refused with a sentence.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Db } from '../../server/storage/postgres/db.ts';
import { MIGRATIONS, migrate } from '../../server/storage/postgres/migrations.ts';
import { freshDatabase } from '../fixtures/services.ts';

let db: { url: string; drop(): Promise<void> };
let pool: pg.Pool;
let store: Db;
const applied = async () => (await store.query<{ version: number }>('SELECT version FROM expo_migrations ORDER BY version')).rows.map((r) => r.version);

beforeAll(async () => {
  db = await freshDatabase(inject('databaseUrl'));
  pool = new pg.Pool({ connectionString: db.url, max: 2 });
  store = new Db(pool);
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('PostgreSQL migrations', () => {
  it('applies every migration, then one that was missed, and refuses an unknown one', async () => {
    const lines: string[] = [];
    await migrate(store, undefined, (l) => lines.push(l));
    const all = MIGRATIONS.map((m) => m.version).sort((a, b) => a - b);
    expect(await applied()).toEqual(all);
    expect(lines).toHaveLength(all.length);

    // As if the tracks migration (5) had landed after 6 was applied.
    await store.query('DROP TABLE tracks');
    await store.query('DELETE FROM expo_migrations WHERE version = 5');
    lines.length = 0;
    await migrate(store, undefined, (l) => lines.push(l));
    expect(lines).toEqual(['[storage] PostgreSQL: applied migration 5 (tracks)']);
    expect(await applied()).toEqual(all);
    await store.query('SELECT count(*) FROM tracks');

    // Again: nothing to do.
    lines.length = 0;
    await migrate(store, undefined, (l) => lines.push(l));
    expect(lines).toEqual([]);

    await store.query("INSERT INTO expo_migrations (version, name) VALUES (999, 'from the future')");
    await expect(migrate(store, undefined, () => {})).rejects.toThrow(/migration 999, which this server does not know .*upgrade the server/);
  });
});
