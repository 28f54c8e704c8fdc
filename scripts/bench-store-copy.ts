// `npm run bench:store-copy [-- --scale 1]`: how long `npm run store:copy` takes for a fair's
// worth of data. Fills an embedded store in a temporary folder through the Storage API (leads,
// chat messages, analytics days, visitors' programmes, Q&A votes; counts below times --scale),
// then copies it into a fresh database of a private PostgreSQL (or TEST_DATABASE_URL) and
// reports the time of reading the files, of the copy itself, and rows per second.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Lead } from '../shared/leads.ts';
import { openLowdbStorage } from '../server/storage/lowdbStorage.ts';
import { exportLowdb } from '../server/storage/lowdb/export.ts';
import { copyStore } from '../server/storage/storeCopy.ts';
import type { Storage } from '../server/storage/storage.ts';
import { freshDatabase, startPostgres } from '../tests/fixtures/services.ts';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
const scale = Number(values.scale);
if (!(scale > 0)) throw new Error('--scale must be a positive number');
const n = (base: number) => Math.max(1, Math.round(base * scale));

const SIZES = { exhibitors: n(300), leads: n(20_000), stands: n(50), messagesPerStand: 400, visitors: n(10_000), starsPerVisitor: 5, events: n(20), votesPerEvent: 500 };

/** Runs writes `width` at a time: lowdb shares one file write among the writes waiting for it. */
async function inBatches(count: number, width: number, write: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < count; i += width) await Promise.all(Array.from({ length: Math.min(width, count - i) }, (_, k) => write(i + k)));
}

async function fill(s: Storage): Promise<void> {
  const ids = Array.from({ length: SIZES.exhibitors }, (_, i) => `ex-${i}`);
  await s.upsertExhibitors(ids.map((id) => ({ id, name: id, category: 'school', colour: '#2f6fd6', logo: `logos/${id}.svg`, short: 's', description: 'd', contacts: {} }) as never));
  const T0 = Date.UTC(2026, 3, 14, 9);
  await inBatches(SIZES.leads, 500, (i) => {
    const lead: Lead = {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      exhibitorId: ids[i % ids.length]!,
      createdAt: new Date(T0 + i * 1000).toISOString(),
      status: 'new',
      note: '',
      kind: 'callback',
      callback: { name: 'Иван Петров', phone: '+7 999 123-45-67', preferredTime: '', question: `question ${i}` },
    };
    return s.addLead(lead);
  });
  await inBatches(SIZES.stands * SIZES.messagesPerStand, 500, (i) =>
    s.addChatMessage({ standId: `stand-${i % SIZES.stands}`, thread: null, author: { kind: 'visitor', ref: 'REFAAAAAAAAAAAAA', name: 'Guest' }, text: `message ${i}`, at: T0 + i }),
  );
  await inBatches(SIZES.exhibitors * 3, 500, (i) => s.countStandEvent(ids[i % ids.length]!, `2026-04-1${4 + (i % 3)}`, 'visits', `key-${i}`));
  await inBatches(SIZES.visitors * SIZES.starsPerVisitor, 500, (i) =>
    s.setStarred(`visitor${String(Math.floor(i / SIZES.starsPerVisitor)).padStart(15, '0')}`, `event-${i % SIZES.starsPerVisitor}`, true, T0 + i, 100),
  );
  for (let e = 0; e < SIZES.events; e++) {
    const eventId = `event-${e}`;
    const q = await s.addQaQuestion({ eventId, askerRef: 'askerAAAAAAAAAAA', text: 'Вопрос', name: null, anonymous: true, status: 'approved', pinnedAt: null, askedAt: T0, answeredAt: null, answer: null, mergedInto: null, merged: 0 });
    await inBatches(SIZES.votesPerEvent, 500, (v) => s.addQaVote(eventId, q.id, `voter-${v}`));
  }
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-bench-store-copy-'));
const given = process.env.TEST_DATABASE_URL;
const server = given ? undefined : await startPostgres();
try {
  let t = performance.now();
  const lowdb = await openLowdbStorage(dataDir);
  await fill(lowdb);
  await lowdb.close();
  const fillMs = performance.now() - t;

  t = performance.now();
  await exportLowdb(dataDir);
  const readMs = performance.now() - t;

  const db = await freshDatabase(given ?? server!.url, 'expo_bench_copy');
  try {
    t = performance.now();
    const report = await copyStore({ dataDir, databaseUrl: db.url });
    const copyMs = performance.now() - t;
    const rows = report.domains.reduce((a, d) => a + Object.values(d.target).reduce((x, y) => x + y, 0), 0);
    t = performance.now();
    await copyStore({ dataDir, databaseUrl: db.url, replace: true });
    const replaceMs = performance.now() - t;
    const files = (await fs.readdir(dataDir, { recursive: true })).length;
    console.log(`store: ${JSON.stringify(SIZES)} (${files} files; filled in ${(fillMs / 1000).toFixed(1)} s)`);
    for (const d of report.domains) console.log(`  ${d.domain}: ${Object.entries(d.target).map(([k, v]) => `${v} ${k}`).join(', ')}`);
    console.log(`reading and checking every file: ${readMs.toFixed(0)} ms`);
    console.log(`store:copy into an empty database (read, migrate, copy, verify): ${copyMs.toFixed(0)} ms, ${rows} rows, ${Math.round(rows / (copyMs / 1000))} rows/s`);
    console.log(`store:copy --replace onto the copy: ${replaceMs.toFixed(0)} ms`);
  } finally {
    await db.drop();
  }
} finally {
  await server?.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
