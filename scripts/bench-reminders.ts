// `npm run bench:reminders`: reminder scheduling for BENCH_STARS starred events in one process
// (default 10 000: 1 000 visitors × 10 stars over the sample programme's events), without a
// timer per reminder. Reports, in this process:
//  - the scheduler alone (ReminderScheduler over a heap): heap memory per reminder, the cost of
//    scheduling all, of one change, of re-timing all (a programme reload) and of handing out all
//    at once; and how many timers are armed (one at a time, whatever the count);
//  - the whole e-mail reminder service on a real lowdb store in a temp folder: loading every
//    visitor with an address at start, then the fair clock moved past every reminder time and
//    every reminder delivered (storage read, sent mark written durably, message composed,
//    handed to a mailer that counts instead of sending: SMTP is not what is measured).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../server/config.ts';
import { EmailReminders } from '../server/programme/emailReminders.ts';
import { ProgrammeStore } from '../server/programme/programmeStore.ts';
import { ReminderScheduler, type Timers } from '../server/programme/reminderScheduler.ts';
import { openLowdbStorage } from '../server/storage/lowdbStorage.ts';
import { windowOf } from '../shared/programme/time.ts';

const STARS = Number(process.env.BENCH_STARS ?? 10_000);
const PER_VISITOR = 10;
const VISITORS = Math.ceil(STARS / PER_VISITOR);
const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const ms = (t0: number) => performance.now() - t0;
const fmt = (n: number, d = 1) => n.toFixed(d);

/** Timers that count how many are live at once and fire only when told (the fair clock is the bench's). */
function countingTimers(): Timers & { live: number; maxLive: number; set_: number; fireNext(): void } {
  const live = new Map<number, () => void>();
  let next = 1;
  const t = {
    live: 0,
    maxLive: 0,
    set_: 0,
    fireNext() {
      const [h, fn] = [...live][0] ?? [];
      if (h === undefined || !fn) return;
      live.delete(h);
      t.live = live.size;
      fn();
    },
    set(fn: () => void, _ms: number) {
      const h = next++;
      live.set(h, fn);
      t.set_++;
      t.live = live.size;
      t.maxLive = Math.max(t.maxLive, live.size);
      return h;
    },
    clear(h: unknown) {
      live.delete(h as number);
      t.live = live.size;
    },
  };
  return t;
}

async function main(): Promise<void> {
  if (!gc) console.log('(run with node --expose-gc for memory figures: npm run bench:reminders does)');
  const programme = new ProgrammeStore(path.join(ROOT, 'programme'), () => {});
  await programme.load();
  const events = programme.programme!.events;
  const first = windowOf(events[0]!).start;
  const visitorIds = Array.from({ length: VISITORS }, (_, i) => `bench${String(i).padStart(17, '0')}`);
  const starsOf = (v: number) => Array.from({ length: PER_VISITOR }, (_, k) => events[(v * 7 + k * 13) % events.length]!);
  console.log(`${STARS} starred events: ${VISITORS} visitors × ${PER_VISITOR}, over ${events.length} programme events; node ${process.version}, ${os.cpus().length} cores`);

  // --- the scheduler alone -------------------------------------------------------------------
  let now = first - 24 * 3600_000;
  const timers = countingTimers();
  let handed = 0;
  const before = heapMb();
  const s = new ReminderScheduler({ now: () => now }, (due) => (handed += due.length), timers);
  let t0 = performance.now();
  const entries: [string, number][] = [];
  for (let v = 0; v < VISITORS; v++) for (const e of starsOf(v)) entries.push([`${visitorIds[v]}\n${e.id}`, windowOf(e).start - 10 * 60_000]);
  s.setMany(entries);
  const scheduleAll = ms(t0);
  const heapAfter = heapMb();
  t0 = performance.now();
  for (let i = 0; i < 1000; i++) s.set(entries[i * 7 % entries.length]![0], entries[i]![1] + 60_000);
  const oneChangeUs = (ms(t0) / 1000) * 1000;
  t0 = performance.now();
  s.setMany(entries.map(([k, at]) => [k, at + 15 * 60_000] as const));
  const retimeAll = ms(t0);
  // Every reminder due: one fire hands them all over.
  now = first + 30 * 24 * 3600_000;
  const live = s.size;
  const fireAt = performance.now();
  timers.fireNext();
  const fireAll = ms(fireAt);
  console.log('\nscheduler (ReminderScheduler: one heap, one timer)');
  console.log(`  scheduled:           ${live} reminders; ${handed} handed out by one timer firing`);
  console.log(`  heap memory:         ${fmt(heapAfter - before, 2)} MB for ${STARS} (${fmt(((heapAfter - before) * 1024 * 1024) / STARS, 0)} B per reminder, keys included)`);
  console.log(`  schedule all:        ${fmt(scheduleAll)} ms (${fmt((scheduleAll * 1000) / STARS, 2)} µs each)`);
  console.log(`  one change:          ${fmt(oneChangeUs, 2)} µs (mean of 1 000)`);
  console.log(`  re-time all:         ${fmt(retimeAll)} ms (a programme reload moving every event)`);
  console.log(`  hand out all due:    ${fmt(fireAll)} ms`);
  console.log(`  timers:              ${timers.maxLive} live at most, ${timers.set_} armed in all`);
  s.close();

  // --- the e-mail reminder service on a real store -----------------------------------------
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-reminders-'));
  try {
    const storage = await openLowdbStorage(dir);
    t0 = performance.now();
    await Promise.all(
      visitorIds.map(async (id, v) => {
        await storage.setReminderSettings(id, { leadMinutes: 10, email: `${id}@school.test`, consentAt: 1 });
        for (const e of starsOf(v)) await storage.setStarred(id, e.id, true, 1, 500);
      }),
    );
    const fill = ms(t0);
    let sent = 0;
    let fairNow = first - 24 * 3600_000;
    const svcTimers = countingTimers();
    const heap0 = heapMb();
    const svc = new EmailReminders({
      storage,
      programme: { event: (id) => programme.event(id), clusterTitle: (id) => id, timeZone: () => 'Europe/Moscow' },
      clock: { now: () => fairNow, offsetMs: 0 },
      mailer: {
        sendNotice: async () => {
          sent++;
          return 'sent' as const;
        },
      },
      eventUrl: (id) => `https://expo.example.org/programme/${id}`,
      myProgrammeUrl: () => 'https://expo.example.org/programme/my',
      log: () => {},
      timers: svcTimers,
    });
    t0 = performance.now();
    await svc.start();
    const load = ms(t0);
    const loaded = svc.scheduled;
    const heap1 = heapMb();
    // Just before the first event: every reminder of it (and none of later ones) is due.
    fairNow = first - 60_000;
    t0 = performance.now();
    svcTimers.fireNext();
    await svc.idle();
    const firstBatch = ms(t0);
    const firstSent = sent;
    // Then the rest, each just before its own event.
    const starts = [...new Set(events.map((e) => windowOf(e).start))].sort((a, b) => a - b).slice(1);
    t0 = performance.now();
    for (const at of starts) {
      fairNow = at - 60_000;
      svcTimers.fireNext();
      await svc.idle();
    }
    const rest = ms(t0);
    console.log('\ne-mail reminders (EmailReminders over lowdb, real fsync)');
    console.log(`  store filled:        ${fmt(fill / 1000, 1)} s (${VISITORS} addresses, ${STARS} stars; setup, not measured further)`);
    console.log(`  load at start:       ${fmt(load)} ms for ${loaded} reminders; heap +${fmt(heap1 - heap0, 2)} MB`);
    console.log(`  first start's batch: ${firstSent} delivered in ${fmt(firstBatch)} ms (${fmt(firstBatch / Math.max(1, firstSent), 2)} ms each: read, durable sent mark, compose)`);
    console.log(`  all the rest:        ${sent - firstSent} delivered over ${starts.length} later start times in ${fmt(rest / 1000, 1)} s`);
    console.log(`  delivered:           ${sent} of ${STARS}; timers live at most ${svcTimers.maxLive}`);
    await svc.close();
    await storage.close();
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
