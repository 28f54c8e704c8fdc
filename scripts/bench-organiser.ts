// bench:organiser — what counting the fair costs (issue 17): 250 000 simulated visitors join
// and leave floors (25 000 at once at the peak), visit stands and leave cards, all through the
// aggregator the server runs (server/organiser/fairCounters.ts), on a real lowdb store in a
// temp folder. Reports events per second the aggregator takes, memory for the day's unique
// set, the cost of one flush to storage, and the time of a dashboard read (days + top stands).
// Usage: npm run bench:organiser [-- visitors=250000 concurrent=25000]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FairCounters } from '../server/organiser/fairCounters.ts';
import { openLowdbStorage } from '../server/storage/lowdbStorage.ts';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=') as [string, string]));
const VISITORS = Number(args.visitors ?? 250_000);
const CONCURRENT = Number(args.concurrent ?? 25_000);
const FLOORS = ['school', 'higher', 'edtech', 'equipment'];
const EXHIBITORS = Array.from({ length: 300 }, (_, i) => `exhibitor-${i}`);

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-organiser-'));
  const storage = await openLowdbStorage(dir);
  const counters = new FairCounters({ store: storage, flushMs: 0 });
  const ids = Array.from({ length: VISITORS }, (_, i) => `v${i.toString(36).padStart(8, '0')}-${(i * 2654435761) >>> 0}`);
  // Memory: what a day's unique set and the floor counts hold for VISITORS distinct visitors.
  const probe = new FairCounters({ store: storage, flushMs: 0 });
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < VISITORS; i++) probe.visitorJoined(FLOORS[i % FLOORS.length]!, ids[i]!);
  global.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  if (probe.visitorsNow().total !== VISITORS) throw new Error('probe miscounted');

  // Joins and leaves keep CONCURRENT visitors on the floors; every visitor visits 4 stands,
  // one in ten leaves a card: ~ 250 000 × (2 + 4 + 0.1) events.
  let events = 0;
  const t0 = performance.now();
  for (let i = 0; i < VISITORS; i++) {
    const floor = FLOORS[i % FLOORS.length]!;
    counters.visitorJoined(floor, ids[i]!);
    for (let k = 0; k < 4; k++) counters.standVisit(EXHIBITORS[(i * 7 + k * 31) % EXHIBITORS.length]!);
    if (i % 10 === 0) counters.lead(EXHIBITORS[i % EXHIBITORS.length]!);
    events += i % 10 === 0 ? 6 : 5;
    if (i >= CONCURRENT) {
      counters.visitorLeft(FLOORS[(i - CONCURRENT) % FLOORS.length]!);
      events++;
    }
  }
  // Returning visitors (a second tab, a reconnect): joins that must not count as new uniques.
  for (let i = 0; i < VISITORS; i += 2) {
    counters.visitorJoined(FLOORS[i % FLOORS.length]!, ids[i]!);
    counters.visitorLeft(FLOORS[i % FLOORS.length]!);
    events += 2;
  }
  const countMs = performance.now() - t0;

  const f0 = performance.now();
  await counters.flush();
  const flushMs = performance.now() - f0;

  const reads: number[] = [];
  for (let i = 0; i < 20; i++) {
    const r0 = performance.now();
    await counters.days();
    reads.push(performance.now() - r0);
  }
  reads.sort((a, b) => a - b);
  const { days, stands } = await counters.days();
  const today = days.at(-1)!;

  console.log(`bench:organiser — ${VISITORS.toLocaleString('en')} visitors, ${CONCURRENT.toLocaleString('en')} at once, ${EXHIBITORS.length} stands`);
  console.log(`events counted           ${events.toLocaleString('en')} in ${countMs.toFixed(0)} ms = ${Math.round(events / (countMs / 1000)).toLocaleString('en')} events/s (${((countMs * 1e6) / events).toFixed(0)} ns per event)`);
  console.log(`heap for the day's sets  ${mb(heapAfter - heapBefore)} (${global.gc ? 'after gc' : 'run with --expose-gc for exact numbers'})`);
  console.log(`uniques / peak / now     ${today.uniqueVisitors.toLocaleString('en')} / ${today.peakConcurrent.toLocaleString('en')} / ${counters.visitorsNow().total.toLocaleString('en')}`);
  console.log(`stands counted           ${stands.size}; visits ${today.visits.toLocaleString('en')}, leads ${today.leads.toLocaleString('en')}`);
  console.log(`one flush (lowdb write)  ${flushMs.toFixed(1)} ms`);
  console.log(`dashboard read (days)    median ${reads[10]!.toFixed(2)} ms, max ${reads.at(-1)!.toFixed(2)} ms`);
  console.log(`rss                      ${mb(process.memoryUsage().rss)}`);
  if (today.uniqueVisitors !== VISITORS) throw new Error(`uniques ${today.uniqueVisitors} ≠ ${VISITORS}`);
  await counters.close();
  await storage.close();
  await fs.rm(dir, { recursive: true, force: true });
}

await main();
