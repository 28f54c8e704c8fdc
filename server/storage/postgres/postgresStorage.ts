// The shared store: every domain in PostgreSQL (server/storage/postgres/*), composed into one
// Storage, for several server processes on one database. A write resolves once PostgreSQL has
// committed it (synchronous_commit, the server's default: on disk before the answer). Opening
// applies the migrations (migrations.ts); several processes may open at once.
import pg from 'pg';
import type { Storage } from '../storage.ts';
import { pgAccounts } from './accounts.ts';
import { pgAnalytics } from './analytics.ts';
import { pgChat } from './chat.ts';
import { pgContent } from './content.ts';
import { type Connector, Db } from './db.ts';
import { pgExhibitors } from './exhibitors.ts';
import { pgLeads } from './leads.ts';
import { pgOrganiser } from './organiser.ts';
import { pgQa } from './qa.ts';
import { pgTracks } from './tracks.ts';
import { pgVisitorProgramme } from './visitorProgramme.ts';
import { migrate, quoteIdent } from './migrations.ts';

export interface PostgresOptions {
  log?: (line: string) => void;
  /** Keep the tables in this schema (created if missing) instead of the first on the search path. */
  schema?: string;
  /** Connections per process (default 10). */
  poolSize?: number;
  /** Tests wrap the pool (to make the database refuse writes); the store only ever calls connect(). */
  wrapPool?: (pool: pg.Pool) => Connector;
}

export interface PostgresStorage extends Storage {
  /**
   * Runs `work` while holding a database-wide lock of this name (a session advisory lock), so
   * that of several processes starting at once only one seeds an empty store at a time.
   */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;
}

/** Key class of the advisory locks taken by exclusively() (migrations use their own). */
const TASK_LOCK = 0x45787031;

export async function openPostgresStorage(url: string, options: PostgresOptions = {}): Promise<PostgresStorage> {
  const log = options.log ?? (() => {});
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: 'virtual-expo',
    ...(options.schema !== undefined ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  // A connection that breaks while idle (database restarted) is dropped from the pool; without
  // a listener its error would end the process.
  pool.on('error', (e) => log(`[storage] PostgreSQL connection lost: ${e.message}`));
  const db = new Db(options.wrapPool ? options.wrapPool(pool) : pool);
  try {
    await migrate(db, options.schema, log);
  } catch (e) {
    await db.end();
    throw e;
  }

  return {
    ...pgExhibitors(db),
    ...pgContent(db),
    ...pgAccounts(db),
    ...pgLeads(db),
    ...pgAnalytics(db),
    ...pgChat(db),
    ...pgOrganiser(db),
    ...pgQa(db),
    ...pgTracks(db),
    ...pgVisitorProgramme(db),
    async ping() {
      // A real write, committed: fails when the database is read-only, full or gone.
      await db.query('INSERT INTO storage_health (id, at) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET at = excluded.at');
    },
    async exclusively(name, work) {
      return db.session(async (q) => {
        // Per schema (search path), so stores side by side in one database do not wait for each other.
        const key = [TASK_LOCK, name, 'search_path'];
        await q.query('SELECT pg_advisory_lock($1, hashtext(current_setting($3) || $2))', key);
        try {
          return await work();
        } finally {
          await q.query('SELECT pg_advisory_unlock($1, hashtext(current_setting($3) || $2))', key);
        }
      });
    },
    async close() {
      await db.end();
    },
  };
}
