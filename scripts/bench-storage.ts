// What durability costs: leads written through the lowdb store with fsync (file and folder,
// the default) and without, one after another (each write waits for the previous: the
// latency a lone visitor sees) and 32 at a time (group commit shares one write among the
// waiting leads). Figures only, no assertions. The store's file grows during a run, as a
// real leads.json would, so later writes serialise more.
// PostgreSQL rows: the same leads through the PostgreSQL store, each acknowledged once
// committed (synchronous_commit on), on BENCH_DATABASE_URL or else a private server started
// for the run (tests/fixtures/services.ts), in a fresh schema dropped afterwards.
// Run: npm run bench:storage [-- --leads 500 --dir /path/on/the/data/disk] [--no-pg]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Lead } from '../shared/leads.ts';
import { openLowdbStorage } from '../server/storage/lowdbStorage.ts';
import { realDisk } from '../server/storage/lowdb/durableFile.ts';
import pg from 'pg';
import { openPostgresStorage } from '../server/storage/postgres/postgresStorage.ts';
import { startPostgres } from '../tests/fixtures/services.ts';
import { pct } from './lib/measure.ts';

const { values } = parseArgs({ options: { leads: { type: 'string', default: '500' }, dir: { type: 'string' }, 'no-pg': { type: 'boolean' } } });
const N = Number(values.leads);
const PARALLEL = 32;

let n = 0;
function lead(): Lead {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    exhibitorId: `exhibitor-${n % 50}`,
    createdAt: new Date().toISOString(),
    status: 'new',
    note: '',
    kind: 'callback',
    callback: { name: 'Иван Петров', phone: '+7 999 123-45-67', preferredTime: 'после 15:00', question: 'Есть ли места в 10 классе?' },
  };
}


async function run(fsync: boolean, parallel: number): Promise<string> {
  const base = values.dir ?? os.tmpdir();
  const dir = await fs.mkdtemp(path.join(base, 'expo-bench-storage-'));
  try {
    const storage = await openLowdbStorage(dir, { disk: realDisk({ fsync }) });
    const times: number[] = [];
    const t0 = performance.now();
    for (let done = 0; done < N; done += parallel) {
      const batch = Array.from({ length: Math.min(parallel, N - done) }, async () => {
        const t = performance.now();
        await storage.addLead(lead());
        times.push(performance.now() - t);
      });
      await Promise.all(batch);
    }
    const total = performance.now() - t0;
    await storage.close();
    times.sort((a, b) => a - b);
    const size = (await fs.stat(path.join(dir, 'leads.json'))).size;
    return `| ${fsync ? 'yes' : 'no'} | ${parallel} | ${N} | ${Math.round((N / total) * 1000)} | ${pct(times, 0.5).toFixed(2)} | ${pct(times, 0.99).toFixed(2)} | ${(size / 1024).toFixed(0)} |`;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

console.log(`leads.json writes on ${values.dir ?? os.tmpdir()} (${os.cpus().length} cores, Node ${process.version})`);
console.log('| fsync | in flight | leads | writes/s (leads acknowledged) | p50 ms | p99 ms | final file KB |');
console.log('|---|---|---|---|---|---|---|');
for (const parallel of [1, PARALLEL]) for (const fsync of [false, true]) console.log(await run(fsync, parallel));

/** Leads through the PostgreSQL store in a fresh schema; the row gives the leads table's size on disk. */
async function runPostgres(url: string, parallel: number): Promise<string> {
  const schema = `bench_${process.pid}_${parallel}`;
  const storage = await openPostgresStorage(url, { schema, poolSize: parallel + 1 });
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const times: number[] = [];
    const t0 = performance.now();
    for (let done = 0; done < N; done += parallel) {
      const batch = Array.from({ length: Math.min(parallel, N - done) }, async () => {
        const t = performance.now();
        await storage.addLead(lead());
        times.push(performance.now() - t);
      });
      await Promise.all(batch);
    }
    const total = performance.now() - t0;
    times.sort((a, b) => a - b);
    const { rows } = await admin.query<{ size: string }>('SELECT pg_total_relation_size($1::regclass)::text AS size', [`"${schema}".leads`]);
    return `| PostgreSQL | ${parallel} | ${N} | ${Math.round((N / total) * 1000)} | ${pct(times, 0.5).toFixed(2)} | ${pct(times, 0.99).toFixed(2)} | ${(Number(rows[0]?.size ?? 0) / 1024).toFixed(0)} |`;
  } finally {
    await storage.close();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

if (!values['no-pg']) {
  const given = process.env.BENCH_DATABASE_URL;
  const server = given ? undefined : await startPostgres();
  const url = given ?? server!.url;
  try {
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    const { rows } = await probe.query<{ v: string; sc: string; fs: string }>(
      "SELECT current_setting('server_version') AS v, current_setting('synchronous_commit') AS sc, current_setting('fsync') AS fs",
    );
    await probe.end();
    const r = rows[0]!;
    console.log(`\nPostgreSQL ${r.v} ${given ? '(BENCH_DATABASE_URL)' : `(private, in ${os.tmpdir()}, started in ${Math.round(server!.startedInMs)} ms)`}: synchronous_commit=${r.sc}, fsync=${r.fs}`);
    console.log('| store | in flight | leads | writes/s (leads acknowledged) | p50 ms | p99 ms | table KB |');
    console.log('|---|---|---|---|---|---|---|');
    for (const parallel of [1, PARALLEL]) console.log(await runPostgres(url, parallel));
  } finally {
    await server?.stop();
  }
}
