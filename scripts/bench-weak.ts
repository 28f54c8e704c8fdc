// Weak computers and slow links (issue 15): the hall in headless Chromium, whose WebGL is
// SwiftShader (software, no GPU), as on an old laptop without a graphics driver.
//  - weak computer: light mode forced off (the full drawing) against "auto" (chosen by the
//    renderer check), at 1280×800 and 1920×1080: first floor drawn, long tasks after it, time
//    to the first hover the hall answers, frames per second while the avatar walks;
//  - slow link: 1.5 Mbit/s down, 300 ms latency (Chromium's network emulation over CDP), a
//    fresh context (empty cache): bytes transferred before the first hover, hall drawn, first hover.
// Prints a Markdown table; no assertions. Loopback only, bounded in time.
//
// Run: npm run bench:weak [-- --build] [-- --client DIR]   (--build rebuilds dist/client first)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type CDPSession, type Page, chromium } from 'playwright-core';
import { startServer } from '../server/app.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/harness.ts';

const ROOT = path.join(import.meta.dirname, '..');
// --client DIR measures another build (e.g. a copy of dist/client from before a change).
const clientArg = process.argv.indexOf('--client');
const CLIENT_DIR = clientArg > 0 && process.argv[clientArg + 1] ? path.resolve(process.argv[clientArg + 1]!) : path.join(ROOT, 'dist', 'client');
const FLOOR = 'school';
const HARD_TIMEOUT_MS = 420_000;
const WALK_MS = 4_000;
/** Long tasks are watched this long after the first draw. */
const WATCH_MS = 8_000;
const SLOW_LINK = { latency: 300, downloadThroughput: (1.5e6 / 8) | 0, uploadThroughput: (0.75e6 / 8) | 0 };

type Mode = 'off' | 'auto';

interface PageRecord {
  longTasks: { start: number; duration: number }[];
  hoverAt: number | null;
  /** The first pointer move the page handled over the hall: when it was sent and when it ran. */
  firstMove: { sent: number; handled: number } | null;
}

declare global {
  interface Window {
    __weak?: PageRecord;
  }
}

function log(line: string): void {
  console.error(`[bench:weak] ${line}`);
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: timeoutMs });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd}: exit ${code}`))));
  });
}

/**
 * Installed before the app: collects long tasks and the moment the store first holds a hovered
 * stand (the hall answered a pointer), caught by a setter on `window.__expo` so nothing polls.
 */
function recorder(): void {
  const rec: PageRecord = { longTasks: [], hoverAt: null, firstMove: null };
  addEventListener(
    'pointermove',
    (e) => {
      if (!rec.firstMove && (e.target as Element | null)?.closest?.('#hall')) rec.firstMove = { sent: e.timeStamp, handled: performance.now() };
    },
    { capture: true },
  );
  window.__weak = rec;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  let handle: Window['__expo'];
  Object.defineProperty(window, '__expo', {
    configurable: true,
    get: () => handle,
    set(v: Window['__expo']) {
      handle = v;
      const unsub = v!.store.subscribe((s) => {
        if (s.hoveredStandId && rec.hoverAt === null) {
          rec.hoverAt = performance.now();
          unsub();
        }
      });
    },
  });
}

/** Moves the mouse over the stand nearest the hall's centre until the hall answers; resolves with the hover time. */
async function firstHover(page: Page, timeoutMs: number): Promise<number | null> {
  await page.waitForFunction(() => !!window.__expo?.hall()?.shownFloor(), undefined, { timeout: timeoutMs, polling: 50 });
  const box = (await page.locator('#hall').boundingBox())!;
  const deadline = Date.now() + timeoutMs;
  let i = 0;
  while (Date.now() < deadline) {
    const at = await page.evaluate(() => window.__weak!.hoverAt);
    if (at !== null) return at;
    const p = await page.evaluate(
      ({ w, h }) => {
        const api = window.__expo!.hall()!;
        const s = window.__expo!.store.getState();
        const level = s.floorId ? s.levels[s.floorId] : undefined;
        let best: { x: number; y: number } | null = null;
        let bestD = Infinity;
        for (const st of level?.stands ?? []) {
          const q = api.standScreenPoint(st.id);
          if (!q) continue;
          const d = Math.hypot(q.x - w / 2, q.y - h / 2);
          if (d < bestD) [best, bestD] = [q, d];
        }
        return best;
      },
      { w: box.width, h: box.height },
    );
    if (p) await page.mouse.move(box.x + p.x + (i++ % 2), box.y + p.y);
    await page.waitForTimeout(50);
  }
  return null;
}

function longTaskFigures(tasks: { start: number; duration: number }[], from: number, to: number) {
  const inside = tasks.filter((t) => t.start >= from - 1 && t.start < to);
  let run = 0;
  let longest = 0;
  let prevEnd = -Infinity;
  for (const t of inside) {
    // Back to back: less than 50 ms of free main thread between two long tasks.
    run = t.start - prevEnd < 50 ? run + t.duration : t.duration;
    longest = Math.max(longest, run);
    prevEnd = t.start + t.duration;
  }
  return {
    count: inside.length,
    totalMs: inside.reduce((a, t) => a + t.duration, 0),
    maxMs: inside.reduce((a, t) => Math.max(a, t.duration), 0),
    longestRunMs: longest,
  };
}

interface WeakRow {
  mode: Mode;
  viewport: string;
  light: boolean | null;
  drawnMs: number;
  hoverMs: number | null;
  /** How long the first pointer move over the hall waited for the main thread. */
  inputDelayMs: number | null;
  lt: ReturnType<typeof longTaskFigures>;
  fps: number;
}

async function newPage(browser: Browser, viewport: { width: number; height: number }, mode: Mode) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await page.addInitScript(
    (m) => {
      localStorage.setItem('expo.profile', JSON.stringify({ name: 'Бенчмарк', colour: 1 }));
      if (m === 'off') localStorage.setItem('expo.lightMode', 'off');
    },
    mode,
  );
  await page.addInitScript(recorder);
  return { context, page };
}

async function drawnAt(page: Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('expo:floor-drawn').length > 0, undefined, { timeout: 60_000, polling: 50 });
  return page.evaluate(() => performance.getEntriesByName('expo:floor-drawn')[0]!.startTime);
}

/** Frames per second while the avatar walks across the floor (each step is a rendered frame). */
async function walkFps(page: Page): Promise<number> {
  await page.waitForFunction(() => window.__expo!.hall()!.settled(), undefined, { polling: 100 });
  return page.evaluate(async (ms) => {
    const h = window.__expo!.hall()!;
    const s = window.__expo!.store.getState();
    const level = s.levels[s.floorId!]!;
    const me = h.avatarPosition();
    // The far end of the floor: a long walk along the alleys.
    h.walkToPoint({ x: me.x < level.size.width / 2 ? level.size.width - 3 : 3, y: me.y < level.size.height / 2 ? level.size.height - 3 : 3 });
    await new Promise((r) => setTimeout(r, 300));
    h.resetStats();
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, ms));
    const frames = h.stats().frames;
    return (frames * 1000) / (performance.now() - t0);
  }, WALK_MS);
}

async function weakRow(browser: Browser, url: string, viewport: { width: number; height: number }, mode: Mode): Promise<WeakRow> {
  const { context, page } = await newPage(browser, viewport, mode);
  try {
    await page.goto(`${url}/floor/${FLOOR}`);
    const hoverMs = await firstHover(page, 30_000);
    const drawnMs = await drawnAt(page);
    const waitUntil = drawnMs + WATCH_MS;
    const now = await page.evaluate(() => performance.now());
    if (now < waitUntil) await page.waitForTimeout(waitUntil - now);
    const tasks = await page.evaluate(() => window.__weak!.longTasks);
    const light = await page.evaluate(() => {
      const v = document.documentElement.dataset.light;
      return v === undefined ? null : v === 'on';
    });
    const move = await page.evaluate(() => window.__weak!.firstMove);
    const fps = await walkFps(page);
    return { mode, viewport: `${viewport.width}×${viewport.height}`, light, drawnMs, hoverMs, inputDelayMs: move && move.handled - move.sent, lt: longTaskFigures(tasks, drawnMs, drawnMs + WATCH_MS), fps };
  } finally {
    await context.close();
  }
}

interface SlowRow {
  mode: Mode;
  drawnMs: number;
  hoverMs: number | null;
  inputDelayMs: number | null;
  bytesBeforeHover: number;
  bytesTotal: number;
  byType: Record<string, number>;
}

async function slowRow(browser: Browser, url: string, mode: Mode): Promise<SlowRow> {
  const { context, page } = await newPage(browser, { width: 1280, height: 800 }, mode);
  try {
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_LINK });
    const types = new Map<string, string>();
    const urls = new Map<string, string>();
    const done: { ts: number; bytes: number; type: string; url: string }[] = [];
    let clock: { ts: number; wall: number } | null = null;
    cdp.on('Network.requestWillBeSent', (e) => {
      clock ??= { ts: e.timestamp, wall: e.wallTime * 1000 };
      types.set(e.requestId, e.type ?? 'Other');
      urls.set(e.requestId, e.request.url);
    });
    cdp.on('Network.loadingFinished', (e) =>
      done.push({ ts: e.timestamp, bytes: e.encodedDataLength, type: types.get(e.requestId) ?? 'Other', url: urls.get(e.requestId) ?? '' }),
    );
    await page.goto(`${url}/floor/${FLOOR}`, { timeout: 60_000 });
    const hoverMs = await firstHover(page, 60_000);
    const drawnMs = await drawnAt(page);
    if (process.argv.includes('--verbose'))
      log(`  marks ${JSON.stringify(await page.evaluate(() => [performance.getEntriesByType('mark').map((m) => `${m.name} ${Math.round(m.startTime)}`), window.__weak!.firstMove, window.__weak!.hoverAt]))}`);
    const origin = await page.evaluate(() => performance.timeOrigin);
    const move = await page.evaluate(() => window.__weak!.firstMove);
    await page.waitForTimeout(2000);
    const c = clock as { ts: number; wall: number } | null;
    const pageTime = (ts: number) => (c ? c.wall + (ts - c.ts) * 1000 - origin : 0);
    const before = done.filter((d) => hoverMs !== null && pageTime(d.ts) <= hoverMs);
    // --verbose: every request, when it finished (page time) and its bytes as sent.
    if (process.argv.includes('--verbose'))
      for (const d of done) log(`  ${s(pageTime(d.ts))} s ${kb(d.bytes).padStart(4)} KB ${d.type} ${d.url.replace(url, '')}`);
    const byType: Record<string, number> = {};
    for (const d of before) byType[d.type] = (byType[d.type] ?? 0) + d.bytes;
    return {
      mode,
      drawnMs,
      hoverMs,
      inputDelayMs: move && move.handled - move.sent,
      bytesBeforeHover: before.reduce((a, d) => a + d.bytes, 0),
      bytesTotal: done.reduce((a, d) => a + d.bytes, 0),
      byType,
    };
  } finally {
    await context.close();
  }
}

const s = (ms: number | null) => (ms === null ? '—' : (ms / 1000).toFixed(2));
const kb = (n: number) => (n / 1024).toFixed(0);

async function main(): Promise<void> {
  if (process.argv.includes('--build') || !existsSync(path.join(CLIENT_DIR, 'index.html'))) {
    log('building the client');
    await run(path.join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], 180_000);
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-weak-data-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    levelsDir: path.join(ROOT, 'levels'),
    assetsDir: path.join(ROOT, 'assets'),
    clientDir: CLIENT_DIR,
    seedFile: path.join(ROOT, 'assets', 'seed', 'exhibitors.json'),
    quiet: true,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
  const out: string[] = [];
  try {
    const cpus = os.cpus();
    out.push(
      `- ${cpus[0]?.model.trim() ?? 'CPU'}, ${cpus.length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start; ` +
        `Chromium ${browser.version()} headless (SwiftShader WebGL); ${new Date().toISOString()}`,
      '',
      `Weak computer (floor ${FLOOR}, loopback): times from navigation start; the mouse is moved over the stand nearest the ` +
        'centre every 50 ms from the moment the floor is shown; "first move waited" = from the first such event to its handler ' +
        `(main thread busy); long tasks over ${WATCH_MS / 1000} s after the first draw, "longest run" = long tasks back to back ` +
        `(< 50 ms free between them); fps = frames rendered per second while the avatar walks (${WALK_MS / 1000} s).`,
      '',
      '| Light mode | Viewport | Light on | Floor drawn s | First hover s | First move waited ms | Long tasks | Long task ms total / max / longest run | Walking fps |',
      '|---|---|---|---:|---:|---:|---:|---|---:|',
    );
    // A warm-up load: the first page of a browser pays for shader compilation caches and the like.
    await weakRow(browser, server.url, { width: 1280, height: 800 }, 'auto').catch(() => null);
    // --slow-link: only the slow-link rows (after the warm-up).
    for (const viewport of process.argv.includes('--slow-link') ? [] : [
      { width: 1280, height: 800 },
      { width: 1920, height: 1080 },
    ]) {
      for (const mode of ['off', 'auto'] as const) {
        log(`weak ${mode} ${viewport.width}×${viewport.height}`);
        const r = await weakRow(browser, server.url, viewport, mode);
        out.push(
          `| ${r.mode} | ${r.viewport} | ${r.light === null ? '—' : r.light ? 'yes' : 'no'} | ${s(r.drawnMs)} | ${s(r.hoverMs)} | ${r.inputDelayMs === null ? '—' : r.inputDelayMs.toFixed(0)} | ${r.lt.count} | ` +
            `${r.lt.totalMs.toFixed(0)} / ${r.lt.maxMs.toFixed(0)} / ${r.lt.longestRunMs.toFixed(0)} | ${r.fps.toFixed(1)} |`,
        );
        log(out[out.length - 1]!);
      }
    }
    out.push(
      '',
      `Slow link: ${SLOW_LINK.downloadThroughput * 8e-6} Mbit/s down, ${SLOW_LINK.latency} ms latency (CDP Network.emulateNetworkConditions), ` +
        'fresh context, 1280×800; bytes = encoded (as sent, after compression) for requests finished before the first hover.',
      '',
      '| Light mode | Floor drawn s | First hover s | First move waited ms | KB before first hover | of which script / css / fetch / other | KB in the first 2 s after |',
      '|---|---:|---:|---:|---:|---|---:|',
    );
    for (const mode of ['off', 'auto'] as const) {
      log(`slow link ${mode}`);
      const r = await slowRow(browser, server.url, mode);
      const t = r.byType;
      const other = r.bytesBeforeHover - (t.Script ?? 0) - (t.Stylesheet ?? 0) - (t.Fetch ?? 0) - (t.XHR ?? 0);
      out.push(
        `| ${r.mode} | ${s(r.drawnMs)} | ${s(r.hoverMs)} | ${r.inputDelayMs === null ? '—' : r.inputDelayMs.toFixed(0)} | ${kb(r.bytesBeforeHover)} | ${kb(t.Script ?? 0)} / ${kb(t.Stylesheet ?? 0)} / ${kb((t.Fetch ?? 0) + (t.XHR ?? 0))} / ${kb(other)} | ${kb(r.bytesTotal - r.bytesBeforeHover)} |`,
      );
      log(out[out.length - 1]!);
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close().catch(() => {});
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  console.log(out.join('\n'));
}

const hard = setTimeout(() => {
  log(`hard timeout after ${HARD_TIMEOUT_MS / 1000} s`);
  process.exit(1);
}, HARD_TIMEOUT_MS);
hard.unref();
try {
  await main();
  process.exit(0);
} catch (e) {
  log(`failed: ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
}
