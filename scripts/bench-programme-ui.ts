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

/**
 * A visitor's action done in the page with plain DOM calls: Playwright's own locators
 * (role and label queries over the whole document) run on the same main thread and would
 * be measured with it.
 */
type Action =
  | { kind: 'select'; field: string; value: string }
  | { kind: 'click'; selector: string; text?: string }
  | { kind: 'type'; value: string };

interface Sample {
  /** Main-thread CPU from the action to the frame after it. */
  cpuMs: number;
  /** In the page: the synchronous handler and React render, wall time (inflated on a loaded machine). */
  syncMs: number;
}

async function measure(page: Page, cdp: CDPSession, action: Action): Promise<Sample> {
  await afterFrame(page);
  await page.waitForTimeout(100);
  const before = await taskMs(cdp);
  const syncMs = await page.evaluate((a: Action) => {
    const t0 = performance.now();
    if (a.kind === 'select') {
      const el = document.querySelector<HTMLSelectElement>(`select[id$="-${a.field}"]`)!;
      el.value = a.value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (a.kind === 'click') {
      const els = [...document.querySelectorAll<HTMLElement>(a.selector)];
      const el = a.text ? els.find((e) => e.textContent?.trim() === a.text) : els[0];
      el!.click();
    } else {
      const el = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, a.value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
    return performance.now() - t0;
  }, action);
  await afterFrame(page);
  return { cpuMs: (await taskMs(cdp)) - before, syncMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const ACTIONS: [string, Action][] = [
  ['cluster: all → one', { kind: 'select', field: 'cluster', value: 'inclusion' }],
  ['cluster: one → all', { kind: 'select', field: 'cluster', value: '' }],
  ['format: → lecture', { kind: 'select', field: 'format', value: 'lecture' }],
  ['format: → all', { kind: 'select', field: 'format', value: '' }],
  ['live now: on', { kind: 'click', selector: 'input[type="checkbox"][id$="-live"]' }],
  ['live now: off', { kind: 'click', selector: 'input[type="checkbox"][id$="-live"]' }],
  ['search: "школ"', { kind: 'type', value: 'школ' }],
  ['search: cleared', { kind: 'type', value: '' }],
  ['day: all → 15 April', { kind: 'click', selector: '.prog-days a[href*="day=2026-04-15"]' }],
  ['day: 15 April → all', { kind: 'click', selector: '.prog-days a[href*="day=all"]' }],
  ['view: list → timeline (all days)', { kind: 'click', selector: '.prog-seg button', text: 'Таймлайн' }],
  ['timeline: cluster → one', { kind: 'select', field: 'cluster', value: 'inclusion' }],
  ['timeline: cluster → all', { kind: 'select', field: 'cluster', value: '' }],
  ['view: timeline → list', { kind: 'click', selector: '.prog-seg button', text: 'Список' }],
];

async function bench(label: string, programmeDir: string) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-bench-prog-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
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
    const changes: Record<string, Sample[]> = {};
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
      for (const [name, action] of ACTIONS) (changes[name] ??= []).push(await measure(page, cdp, action));
      await page.close();
    }
    console.log(`\n${label}: ${events} events (median of ${RUNS} runs, main-thread CPU time)`);
    console.log(`  first render, all days listed: ${median(first).toFixed(0)} ms main thread, list on screen ${median(firstWall).toFixed(0)} ms after navigation`);
    console.log(`  ${'filter change'.padEnd(34)} ${'CPU to next frame'.padStart(18)} ${'handler, wall'.padStart(14)}`);
    for (const [name, xs] of Object.entries(changes)) {
      const cpu = xs.map((x) => x.cpuMs);
      console.log(`  ${name.padEnd(34)} ${`${median(cpu).toFixed(1)} ms`.padStart(10)} (max ${Math.max(...cpu).toFixed(0).padStart(3)}) ${`${median(xs.map((x) => x.syncMs)).toFixed(1)} ms`.padStart(12)}`);
    }
  } finally {
    await browser.close();
    await server.close();
    await fs.rm(dataDir, { recursive: true, force: true });
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
