// Copies an embedded store (a data folder of lowdb files) into PostgreSQL, for a fair that
// grows from one process to several (`npm run store:copy`, docs/SCALING.md). Every file is
// read and checked before anything is written; a target that already holds data is refused
// unless `replace` (then each domain's tables are emptied in the transaction that fills them);
// each domain is one transaction; at the end the counts are read back and compared with what
// was read, and a difference is an error. `check` reads both sides and writes nothing.
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { exportLowdb, STORE_FILES } from './lowdb/export.ts';
import { Db } from './postgres/db.ts';
import { DOMAIN_TABLES, clearDomain, domainCounts, importDomain } from './postgres/import.ts';
import { migrate, quoteIdent } from './postgres/migrations.ts';
import { DOMAINS, type DomainCounts, type DomainName, type StoreDump, dumpCounts } from './transfer.ts';

export interface StoreCopyOptions {
  dataDir: string;
  databaseUrl: string;
  /** Tables in this schema instead of the first on the search path (as PostgresOptions.schema). */
  schema?: string;
  /** Empty the target's store tables first instead of refusing a target that holds data. */
  replace?: boolean;
  /** Read both sides and say what would be copied; write nothing. */
  check?: boolean;
  log?: (line: string) => void;
}

export interface DomainReport {
  domain: DomainName;
  /** Rows read from the embedded store. */
  source: DomainCounts;
  /** Rows the target held before (check) or holds after the copy (verified equal to source). */
  target: DomainCounts;
}

export interface StoreCopyReport {
  domains: DomainReport[];
  /** Whether the target held any store data before. */
  targetHadData: boolean;
  /** False for a check. */
  copied: boolean;
}

/** A copy refused or failed for a reason the operator can fix; nothing of it was written. */
export class StoreCopyError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreCopyError';
  }
}

/** The address without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not an address)';
  }
}

async function checkSource(dataDir: string): Promise<void> {
  const stat = await fs.stat(dataDir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new StoreCopyError(`there is no embedded store at ${dataDir} (set DATA_DIR to the server's data folder)`);
  const present = await Promise.all(STORE_FILES.map((f) => fs.stat(path.join(dataDir, f)).then(() => true, () => false)));
  if (!present.some(Boolean)) throw new StoreCopyError(`${dataDir} holds none of the store's files (${STORE_FILES.join(', ')}); is DATA_DIR right?`);
}

function total(counts: DomainCounts): number {
  return Object.values(counts).reduce((a, n) => a + n, 0);
}

/** The target's counts, or zeros for domains whose tables do not exist yet (an unmigrated database). */
async function targetCounts(db: Db, migrated: boolean): Promise<Record<DomainName, DomainCounts>> {
  const out = {} as Record<DomainName, DomainCounts>;
  for (const domain of DOMAINS) {
    let present = migrated;
    if (!present) {
      const { rows } = await db.query<{ missing: boolean }>('SELECT bool_or(to_regclass(t) IS NULL) AS missing FROM unnest($1::text[]) AS t', [DOMAIN_TABLES[domain]]);
      present = rows[0]?.missing === false;
    }
    out[domain] = present ? await domainCounts(db, domain) : {};
  }
  return out;
}

export async function copyStore(options: StoreCopyOptions): Promise<StoreCopyReport> {
  const log = options.log ?? (() => {});
  const url = URL.canParse(options.databaseUrl) ? new URL(options.databaseUrl) : null;
  if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
    throw new StoreCopyError(`DATABASE_URL must be a PostgreSQL address like postgres://user@host:5432/expo, got "${url ? url.protocol : 'not an address'}"`);
  }
  await checkSource(options.dataDir);
  // Everything is read (and every file checked) before the database is touched.
  const dump: StoreDump = await exportLowdb(options.dataDir);
  const source = dumpCounts(dump);

  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 2,
    application_name: 'virtual-expo store:copy',
    connectionTimeoutMillis: 10_000,
    ...(options.schema !== undefined ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  pool.on('error', (e) => log(`[store:copy] PostgreSQL connection lost: ${e.message}`));
  const db = new Db(pool);
  try {
    try {
      await db.query('SELECT 1');
    } catch (e) {
      throw new StoreCopyError(`cannot reach PostgreSQL at ${redactUrl(options.databaseUrl)}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }

    if (options.check) {
      const before = await targetCounts(db, false);
      const targetHadData = DOMAINS.some((d) => total(before[d]) > 0);
      return { domains: DOMAINS.map((domain) => ({ domain, source: source[domain], target: before[domain] })), targetHadData, copied: false };
    }

    await migrate(db, options.schema, log);
    const before = await targetCounts(db, true);
    const holding = DOMAINS.filter((d) => total(before[d]) > 0);
    if (holding.length > 0 && !options.replace) {
      const what = holding.map((d) => `${d}: ${total(before[d])} rows`).join(', ');
      throw new StoreCopyError(`the target database already holds store data (${what}); run with --replace to overwrite it, or --check to compare`);
    }
    for (const domain of DOMAINS) {
      await db.tx(async (q) => {
        if (options.replace) await clearDomain(q, domain);
        try {
          await importDomain(q, domain, dump[domain]);
        } catch (e) {
          const why = e instanceof Error ? e.message : String(e);
          throw new StoreCopyError(`copying ${domain} failed, so it was left as it was (domains before it are copied; run again with --replace): ${why}`, { cause: e });
        }
      });
      log(`[store:copy] ${domain}: copied`);
    }
    const after = await targetCounts(db, true);
    const wrong = DOMAINS.filter((d) => Object.entries(source[d]).some(([k, n]) => after[d][k] !== n));
    if (wrong.length > 0) {
      throw new StoreCopyError(
        `read-back differs for ${wrong.map((d) => `${d} (read ${describeCounts(source[d])}; database holds ${describeCounts(after[d])})`).join('; ')}`,
      );
    }
    return { domains: DOMAINS.map((domain) => ({ domain, source: source[domain], target: after[domain] })), targetHadData: holding.length > 0, copied: true };
  } finally {
    await db.end();
  }
}

export function describeCounts(counts: DomainCounts): string {
  const parts = Object.entries(counts).map(([k, n]) => `${n} ${k}`);
  return parts.length > 0 ? parts.join(', ') : 'no tables yet';
}
