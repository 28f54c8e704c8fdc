// Programme UI benchmark: first render and filter-change main-thread time of /programme in
// headless Chromium, for the sample programme (268 events) and a 2 000-event stress programme
// (the sample's events repeated into copies of its clusters, written to a temp folder).
// Main-thread time is the renderer main thread's CPU time (CDP Performance metrics, ThreadTime)
// around the action, up to the frame after it; every event is on screen ("all days") so the worst case
// is what is measured. Prints figures (no assertions); exits 1 only when it cannot run.
//
// Run: npm run bench:programme-ui [-- --build]   (--build rebuilds dist/client first)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type CDPSession, type Page, chromium } from 'playwright-core';
import { startServer } from '../server/app.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/harness.ts';

const ROOT = path.join(import.meta.dirname, '..');
const CLIENT_DIR = path.join(ROOT, 'dist', 'client');
const SAMPLE_DIR = path.join(ROOT, 'programme');
/** Day 2 of the sample fair, midday: events live, ended and upcoming. */
const FAIR_NOW = '2026-04-15T12:10:00+03:00';
const STRESS_EVENTS = 2000;
const RUNS = 5;

interface Named<T> {
  id: string;
  [k: string]: unknown;
  cluster?: string;
  __t?: T;
}

/** Copies the sample and repeats its events into copies of its clusters up to `total`. */
async function stressProgramme(total: number): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-prog-stress-'));
  await fs.mkdir(path.join(dir, 'events'));
  for (const f of ['programme.json', 'speakers.json']) await fs.copyFile(path.join(SAMPLE_DIR, f), path.join(dir, f));
  const clusters = JSON.parse(await fs.readFile(path.join(SAMPLE_DIR, 'clusters.json'), 'utf8')) as { clusters: (Named<never> & { title: { ru: string; en?: string } })[] };
  const events: Named<never>[] = [];
  for (const f of (await fs.readdir(path.join(SAMPLE_DIR, 'events'))).filter((n) => n.endsWith('.json')).sort()) {
    events.push(...(JSON.parse(await fs.readFile(path.join(SAMPLE_DIR, 'events', f), 'utf8')) as { events: Named<never>[] }).events);
  }
  const copies = Math.ceil(total / events.length);
  const allClusters = [];
  const allEvents = [];
  for (let k = 0; k < copies; k++) {
    const suffix = k === 0 ? '' : `-x${k}`;
    // A copy of each cluster runs the same timetable: no cluster has two events at once.
    allClusters.push(
      ...clusters.clusters.map((c) => ({ ...c, id: c.id + suffix, title: { ru: `${c.title.ru}${k ? ` ${k + 1}` : ''}`, ...(c.title.en ? { en: `${c.title.en}${k ? ` ${k + 1}` : ''}` } : {}) } })),
    );
    allEvents.push(...events.map((e) => ({ ...e, id: e.id + suffix, cluster: e.cluster + suffix })));
  }
  await fs.writeFile(path.join(dir, 'clusters.json'), JSON.stringify({ clusters: allClusters }));
  await fs.writeFile(path.join(dir, 'events', 'stress.json'), JSON.stringify({ events: allEvents.slice(0, total) }));
  return dir;
}

/**
 * The renderer main thread's CPU time (CDP "ThreadTime"), in ms. CPU time, not the wall time
 * of its tasks (TaskDuration): on a shared, loaded machine the wall time mostly measures the
 * other processes.
 */
async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
}

/** Waits for the frame after the change to be produced (rAF, then a task after it). */
const afterFrame = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0))));

async function measure(page: Page, cdp: CDPSession, action: () => Promise<void>): Promise<number> {
  await afterFrame(page);
  await page.waitForTimeout(100);
  const before = await taskMs(cdp);
  await action();
  await afterFrame(page);
  return (await taskMs(cdp)) - before;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Changes a <select> the way a visitor does (React listens to "change"). */
function selectIn(page: Page, label: string, value: string) {
  return async () => {
    await page.getByLabel(label, { exact: true }).selectOption(value);
  };
}

async function bench(label: string, programmeDir: string) {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: await fs.mkdtemp(path.join(os.tmpdir(), 'expo-bench-prog-')),
    levelsDir: path.join(ROOT, 'levels'),
    assetsDir: path.join(ROOT, 'assets'),
    clientDir: CLIENT_DIR,
    seedFile: path.join(ROOT, 'assets', 'seed', 'exhibitors.json'),
    quiet: true,
    programmeDir,
    watchProgramme: false,
    fairClockOffsetMs: Date.parse(FAIR_NOW) - Date.now(),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
  try {
    const events = server.programme.store.programme?.events.length ?? 0;
    const first: number[] = [];
    const firstWall: number[] = [];
    const changes: Record<string, number[]> = {};
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Moscow' });
      await page.addInitScript(() => localStorage.setItem('expo.lang', 'ru'));
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(`${server.url}/programme?day=all`);
      await page.locator('.prog-list > li').first().waitFor({ timeout: 30_000 });
      await afterFrame(page);
      first.push(await taskMs(cdp));
      firstWall.push(await page.evaluate(() => performance.now()));
      const add = (name: string, ms: number) => (changes[name] ??= []).push(ms);
      add('cluster: all → one', await measure(page, cdp, selectIn(page, 'Кластер', 'inclusion')));
      add('cluster: one → all', await measure(page, cdp, selectIn(page, 'Кластер', '')));
      add('format: → lecture', await measure(page, cdp, selectIn(page, 'Формат', 'lecture')));
      add('format: → all', await measure(page, cdp, selectIn(page, 'Формат', '')));
      add('live now: on', await measure(page, cdp, () => page.getByLabel('Только идущие сейчас').check()));
      add('live now: off', await measure(page, cdp, () => page.getByLabel('Только идущие сейчас').uncheck()));
      add('search: "школ"', await measure(page, cdp, () => page.getByLabel('Поиск', { exact: true }).fill('школ')));
      add('search: cleared', await measure(page, cdp, () => page.getByLabel('Поиск', { exact: true }).fill('')));
      add('day: all → one day', await measure(page, cdp, () => page.getByRole('link', { name: /15 апр/ }).click({ timeout: 120_000 })));
      add('view: list → timeline (one day)', await measure(page, cdp, () => page.getByRole('button', { name: 'Таймлайн' }).click()));
      add('timeline: cluster → one', await measure(page, cdp, selectIn(page, 'Кластер', 'inclusion')));
      add('timeline: cluster → all', await measure(page, cdp, selectIn(page, 'Кластер', '')));
      await page.close();
    }
    console.log(`\n${label}: ${events} events (median of ${RUNS} runs, main-thread CPU time)`);
    console.log(`  first render, all days listed: ${median(first).toFixed(0)} ms main thread, list on screen ${median(firstWall).toFixed(0)} ms after navigation`);
    for (const [name, xs] of Object.entries(changes)) console.log(`  ${name.padEnd(34)} ${median(xs).toFixed(1).padStart(7)} ms (max ${Math.max(...xs).toFixed(1)})`);
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main() {
  if (process.argv.includes('--build')) {
    const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'vite'), ['build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  if (!existsSync(path.join(CLIENT_DIR, 'index.html'))) throw new Error('no built client in dist/client: run `npm run build` (or pass --build)');
  const stress = await stressProgramme(STRESS_EVENTS);
  try {
    await bench('sample', SAMPLE_DIR);
    await bench('stress', stress);
  } finally {
    await fs.rm(stress, { recursive: true, force: true });
  }
}

const hard = setTimeout(() => {
  console.error('bench-programme-ui: gave up after 8 minutes');
  process.exit(1);
}, 480_000);
hard.unref();
main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
