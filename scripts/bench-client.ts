// Client benchmark: bundle size, time to the first drawn floor, per-frame CPU of the hall
// engine and JS heap, on the largest sample floor and on the 2000-stand stress floor, with
// and without 500 simulated visitors. Prints figures (no assertions); exits 1 only when the
// benchmark itself cannot run. Loopback only, bounded in time.
//
// Run: npm run bench [-- --build]   (--build rebuilds dist/client first)
//
// Chromium here renders WebGL in software (SwiftShader), so frame rate means nothing: the
// figure that matters is our own CPU per rendered frame, from `__expo.hall().stats()`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { startServer, type RunningServer } from '../server/app.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/harness.ts';
import { type BundleReport, measureBundle } from './bench/bundle.ts';

const ROOT = path.join(import.meta.dirname, '..');
const CLIENT_DIR = path.join(ROOT, 'dist', 'client');
const OUT_FILE = path.join(ROOT, 'data', 'bench-client.md');
const BIN = path.join(ROOT, 'node_modules', '.bin');

const HARD_TIMEOUT_MS = 240_000;
const VIEWPORT = { width: 1280, height: 800 };
const WALKERS = 500;
const WARMUP_MS = 500;
const MEASURE_MS = 6_000;
const PAN_EVERY_MS = 100;
/** Close-up zoom (px per metre): stand names and logos show. */
const CLOSE_ZOOM = 12;

const FLOORS = [
  { id: 'school', label: 'school (140 stands)' },
  { id: 'stress', label: 'stress (2000 stands)' },
] as const;

interface LoadRecord {
  drawnAt: number | null;
  error?: string;
}

declare global {
  interface Window {
    __bench?: LoadRecord;
  }
}

interface Row {
  floor: string;
  walkers: number;
  zoomName: 'overview' | 'close';
  pxPerM: number;
  frames: number;
  medianMs: number;
  p95Ms: number;
  updateP95Ms: number;
  displayObjects: number;
  firstDrawnMs: number;
  heapBytes: number;
  heapAfterGcBytes: number;
}

const rows: Row[] = [];
const problems: string[] = [];
let bundle: BundleReport | null = null;
let machine: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

// ---- helpers ---------------------------------------------------------------------------

function run(cmd: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: timeoutMs });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} ${args.join(' ')}: exit ${code ?? signal}`)),
    );
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n: number) => n.toFixed(2);
const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

const started = Date.now();
function log(line: string): void {
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);
}

// ---- page side -------------------------------------------------------------------------

/**
 * Installed before the app's scripts: after the rAF callbacks of every frame (a message
 * posted from rAF runs once that frame's callbacks, Pixi's ticker included, are done) it
 * compares the engine's rendered-frame count with the count seen after the previous frame.
 * The floor is set between two such checks, and Pixi renders only from its rAF ticker, so a
 * count that grew in the first check showing the floor is a frame drawn with the floor.
 */
function recordFirstDraw(floorId: string): void {
  // The engine marks `expo:floor-drawn` when the first frame of a floor has rendered; reading
  // the mark costs nothing, unlike polling stats() every frame (which slowed the very load
  // it was timing).
  const rec: LoadRecord = { drawnAt: null };
  window.__bench = rec;
  const check = () => {
    try {
      const mark = performance.getEntriesByName('expo:floor-drawn')[0];
      if (mark && window.__expo?.hall()?.shownFloor() === floorId) {
        rec.drawnAt = mark.startTime;
        return;
      }
    } catch (e) {
      rec.error = String(e);
    }
    setTimeout(check, 50);
  };
  check();
}

/** Current zoom in px per metre, read through the public API. */
async function zoomOf(page: Page): Promise<number> {
  return page.evaluate(() => {
    const h = window.__expo!.hall()!;
    return h.worldToScreen({ x: 1, y: 0 }).x - h.worldToScreen({ x: 0, y: 0 }).x;
  });
}

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const h = window.__expo?.hall();
      return !!h && h.ready && h.settled();
    },
    undefined,
    { polling: 50 },
  );
}

/**
 * Keeps the scene busy for `durationMs`: moves the camera every 100 ms along a path given in
 * floor fractions (a small circle round the centre for the overview, a diagonal sweep close up).
 */
async function drive(
  page: Page,
  opts: { mode: 'circle' | 'sweep'; durationMs: number; from: number; to: number; size: { width: number; height: number } },
): Promise<void> {
  await page.evaluate(
    ({ mode, durationMs, from, to, size, every }) =>
      new Promise<void>((resolve) => {
        const h = window.__expo!.hall()!;
        const at = (t: number) => {
          const u = from + (to - from) * t;
          if (mode === 'circle') {
            const a = u * Math.PI * 2;
            return { x: size.width * (0.5 + 0.04 * Math.cos(a)), y: size.height * (0.5 + 0.04 * Math.sin(a)) };
          }
          return { x: size.width * (0.2 + 0.6 * u), y: size.height * (0.35 + 0.3 * u) };
        };
        const t0 = performance.now();
        const id = setInterval(() => {
          const t = (performance.now() - t0) / durationMs;
          if (t >= 1) {
            clearInterval(id);
            resolve();
            return;
          }
          h.moveCameraTo(at(t));
        }, every);
      }),
    { ...opts, every: PAN_EVERY_MS },
  );
}

async function heap(page: Page, context: BrowserContext): Promise<{ used: number; afterGc: number }> {
  const used = await page.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN,
  );
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const afterGc = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    return { used, afterGc };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Moves the camera to the window's zoom and runs warm-up and the measured window. */
async function measure(
  page: Page,
  context: BrowserContext,
  base: Pick<Row, 'floor' | 'walkers' | 'firstDrawnMs'> & { zoomName: Row['zoomName'] },
  size: { width: number; height: number },
): Promise<void> {
  const { zoomName } = base;
  if (zoomName === 'overview') {
    await page.evaluate(() => window.__expo!.hall()!.fitFloor());
    await settle(page);
  } else {
    const z = await zoomOf(page);
    await page.evaluate(
      ({ factor, p }) => {
        const h = window.__expo!.hall()!;
        h.zoomBy(factor);
        h.moveCameraTo(p);
      },
      { factor: CLOSE_ZOOM / z, p: { x: size.width * 0.2, y: size.height * 0.35 } },
    );
  }
  const mode = zoomName === 'overview' ? 'circle' : 'sweep';
  // Warm-up over the start of the path (JIT, label and logo pools, logo textures)…
  await drive(page, { mode, durationMs: WARMUP_MS, from: 0, to: 0.05, size });
  await page.evaluate(() => window.__expo!.hall()!.resetStats());
  // …then the measured window over the rest.
  await drive(page, { mode, durationMs: MEASURE_MS, from: 0.05, to: 1, size });
  const stats = await page.evaluate(() => window.__expo!.hall()!.stats());
  const pxPerM = await zoomOf(page);
  log(`  ${base.walkers} walkers, ${zoomName}: ${stats.frames} frames`);
  const h = await heap(page, context);
  rows.push({ ...base, pxPerM, ...stats, heapBytes: h.used, heapAfterGcBytes: h.afterGc });
  if (stats.frames === 0) problems.push(`${base.floor}/${base.walkers}/${zoomName}: no frame rendered while panning`);
}

/** One page load per floor: first drawn floor, then the four windows (walkers 0 and 500, two zooms). */
async function benchFloor(browser: Browser, url: string, floor: (typeof FLOORS)[number]): Promise<void> {
  log(floor.id);
  // A fresh context per load: empty HTTP cache, nothing left over from the previous floor.
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on('pageerror', (e) => problems.push(`page error (${floor.id}): ${e.message}`));
    page.on('crash', () => problems.push(`renderer crashed (${floor.id})`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error (${floor.id}): ${m.text()}`);
    });
    // tsx compiles this file with esbuild's keepNames, which wraps named functions in
    // `__name(fn, "name")`; functions serialised into the page need that helper there.
    await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
    await page.addInitScript(recordFirstDraw, floor.id);
    await page.goto(`${url}/floor/${floor.id}`);
    try {
      await page.waitForFunction(() => window.__bench?.drawnAt != null, undefined, { timeout: 60_000, polling: 50 });
    } catch (e) {
      const state = await page
        .evaluate(() => {
          const h = window.__expo?.hall();
          return JSON.stringify({ bench: window.__bench, ready: h?.ready, shown: h?.shownFloor(), frames: h?.stats().frames });
        })
        .catch((err: unknown) => `unreadable: ${(err as Error).message}`);
      throw new Error(`first floor never drawn (${state})`, { cause: e });
    }
    const firstDrawnMs = await page.evaluate(() => window.__bench!.drawnAt!);
    log(`  first floor drawn at ${Math.round(firstDrawnMs)} ms`);
    const size = await page.evaluate((id) => {
      const level = window.__expo!.store.getState().levels[id];
      if (!level) throw new Error(`floor ${id} not in the store`);
      return level.size;
    }, floor.id);

    const base = { floor: floor.label, firstDrawnMs };
    await measure(page, context, { ...base, walkers: 0, zoomName: 'overview' }, size);
    await measure(page, context, { ...base, walkers: 0, zoomName: 'close' }, size);
    await page.evaluate((n) => window.__expo!.hall()!.spawnWalkers(n), WALKERS);
    await measure(page, context, { ...base, walkers: WALKERS, zoomName: 'close' }, size);
    await measure(page, context, { ...base, walkers: WALKERS, zoomName: 'overview' }, size);
  } finally {
    await context.close().catch(() => {});
  }
}

// ---- report ----------------------------------------------------------------------------

function report(partial: boolean): string {
  const out: string[] = [];
  out.push(`## Client benchmark${partial ? ' (INCOMPLETE)' : ''}`, '');
  out.push(...machine.map((l) => `- ${l}`), '');
  out.push(
    `Viewport ${VIEWPORT.width}×${VIEWPORT.height}. Each row: ${WARMUP_MS / 1000} s warm-up, then ${MEASURE_MS / 1000} s measured ` +
      `with the camera moved every ${PAN_EVERY_MS} ms (overview: small circle at fit zoom; close: diagonal sweep across the floor). ` +
      'Frame CPU = our update + Pixi render submission on the main thread, for frames that rendered (render on demand: ' +
      'with no walkers only camera moves cause frames). WebGL is SwiftShader (software), so frame rate is not reported. ' +
      'First floor drawn = ms from navigation start to the end of the first frame rendered with the floor (one page load per floor ' +
      'in a fresh browser context, loopback; the four windows of a floor then run in that page, walkers added for the last two). ' +
      'JS heap: `performance.memory.usedJSHeapSize` after the window / CDP `JSHeapUsedSize` after a forced GC.',
    '',
  );
  out.push(
    '| Scenario | Walkers | Zoom | px/m | Frames | Frame CPU median ms | Frame CPU p95 ms | Update p95 ms | Display objects | First floor drawn ms | JS heap MB (after GC) |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of rows) {
    out.push(
      `| ${r.floor} | ${r.walkers} | ${r.zoomName} | ${r.pxPerM.toFixed(1)} | ${r.frames} | ${ms(r.medianMs)} | ${ms(r.p95Ms)} | ` +
        `${ms(r.updateP95Ms)} | ${r.displayObjects} | ${Math.round(r.firstDrawnMs)} | ${mb(r.heapBytes)} (${mb(r.heapAfterGcBytes)}) |`,
    );
  }
  out.push('');
  const few = rows.filter((r) => r.frames < 20).length;
  if (few > 0) {
    out.push(
      `Note: ${few} window(s) rendered fewer than 20 frames: SwiftShader rasterisation in Chromium's GPU process paces ` +
        'requestAnimationFrame, not our frame CPU, so windows hold few samples and their p95 is close to the maximum.',
      '',
    );
  }
  if (bundle) {
    const b = bundle;
    out.push('### Bundle (dist/client/assets/*.js, gzip -9)', '');
    out.push('| Part | Files | Raw | Gzip |', '|---|---:|---:|---:|');
    out.push(`| Initial (entry + modulepreload + static imports) | ${b.initial.files} | ${kb(b.initial.raw)} | ${kb(b.initial.gzip)} |`);
    out.push(`| Lazy chunks | ${b.lazy.files} | ${kb(b.lazy.raw)} | ${kb(b.lazy.gzip)} |`);
    out.push(`| All JS | ${b.total.files} | ${kb(b.total.raw)} | ${kb(b.total.gzip)} |`, '');
    out.push('<details><summary>Chunks</summary>', '', '| Chunk | Initial | Raw | Gzip |', '|---|---|---:|---:|');
    for (const c of [...b.chunks].sort((x, y) => y.raw - x.raw)) {
      out.push(`| ${c.file} | ${c.initial ? 'yes' : ''} | ${kb(c.raw)} | ${kb(c.gzip)} |`);
    }
    out.push('', '</details>', '');
  }
  if (problems.length > 0) {
    out.push('### Problems seen', '', ...[...new Set(problems)].map((p) => `- ${p}`), '');
  }
  return out.join('\n');
}

function emit(partial: boolean): void {
  const md = report(partial);
  console.log(md);
  try {
    mkdirSync(path.dirname(OUT_FILE), { recursive: true });
    writeFileSync(OUT_FILE, md);
    log(`written to ${path.relative(ROOT, OUT_FILE)}`);
  } catch (e) {
    log(`could not write ${OUT_FILE}: ${(e as Error).message}`);
  }
}

async function cleanUp(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) {
    await Promise.race([c().catch((e: unknown) => log(`cleanup: ${(e as Error).message}`)), new Promise((r) => setTimeout(r, 10_000))]);
  }
}

// ---- main ------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (process.argv.includes('--build') || !existsSync(path.join(CLIENT_DIR, 'index.html'))) {
    log('building the client');
    await run(path.join(BIN, 'vite'), ['build', '--logLevel', 'warn'], 120_000);
  }
  bundle = measureBundle(CLIENT_DIR);

  const levelsDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-bench-levels-'));
  cleanups.push(() => fs.rm(levelsDir, { recursive: true, force: true }));
  log('generating the stress floor');
  await run(path.join(BIN, 'tsx'), [path.join('scripts', 'gen-stress-floor.ts'), levelsDir], 60_000);
  log('starting the server and Chromium');

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-bench-data-'));
  cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  const server: RunningServer = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    levelsDir,
    assetsDir: path.join(ROOT, 'assets'),
    clientDir: CLIENT_DIR,
    seedFile: path.join(ROOT, 'assets', 'seed', 'exhibitors.json'),
    quiet: true,
  });
  cleanups.push(() => server.close());

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
    timeout: 30_000,
  });
  cleanups.push(() => browser.close());

  const cpus = os.cpus();
  machine = [
    `CPU: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores; RAM ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB; ${os.type()} ${os.release()} ${os.arch()}`,
    `Node ${process.version}; Chromium ${browser.version()} (headless, SwiftShader WebGL)`,
    `Date: ${new Date().toISOString()}`,
  ];

  for (const floor of FLOORS) await benchFloor(browser, server.url, floor);
  log('done');
}

const hardTimeout = setTimeout(() => {
  log(`hard timeout after ${HARD_TIMEOUT_MS / 1000} s`);
  problems.push(`benchmark stopped by the ${HARD_TIMEOUT_MS / 1000} s hard timeout`);
  emit(true);
  void cleanUp().finally(() => process.exit(1));
}, HARD_TIMEOUT_MS);

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  log(`failed: ${(e as Error).stack ?? String(e)}`);
  problems.push(`benchmark failed: ${(e as Error).message.split('\n')[0]}`);
} finally {
  await cleanUp();
  clearTimeout(hardTimeout);
}
emit(failed);
process.exit(failed ? 1 : 0);
