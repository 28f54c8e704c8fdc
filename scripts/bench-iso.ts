// Benchmark of the hall's two views (plan and 3D) on the school floor and the 2 000-stand
// stress floor with 500 simulated visitors: first floor drawn, our per-frame CPU (median and
// p95 of update + Pixi's submission, from `__expo.hall().stats()`), WebGL draw calls per
// frame, display objects, plan labels placed, JS heap. Prints a table; no assertions. With
// --shots it instead writes the README screenshots docs/hall-3d-*.png (both views, overview
// and close-up) and docs/hall-plan-*.png (the plan's labels: overview, mid zoom, phone).
//
// Run: npx tsx scripts/bench-iso.ts [--shots]   (needs a built client: npm run build)
// SwiftShader renders WebGL in software here, so frame rate means nothing; CPU per frame does.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Page, chromium } from 'playwright-core';
import { startServer } from '../server/app.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/harness.ts';

const ROOT = path.join(import.meta.dirname, '..');
const VIEWPORT = { width: 1280, height: 800 };
const MEASURE_MS = 5_000;

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', timeout: 60_000 });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd}: exit ${code}`))));
  });
}

/** Counts WebGL draw calls; `window.__draws` is read and reset per frame window. */
function countDraws(): void {
  const w = window as unknown as { __draws: number };
  w.__draws = 0;
  for (const proto of [WebGL2RenderingContext.prototype, WebGLRenderingContext.prototype] as unknown as Record<string, (...a: unknown[]) => unknown>[]) {
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced']) {
      const orig = proto[name];
      if (!orig) continue;
      proto[name] = function (this: unknown, ...a: unknown[]) {
        w.__draws++;
        return orig.apply(this, a);
      };
    }
  }
}

async function ready(page: Page, floor: string): Promise<void> {
  await page.waitForFunction(
    (f) => {
      const h = window.__expo?.hall();
      return !!h && h.ready && h.settled() && h.shownFloor() === f;
    },
    floor,
    { timeout: 30_000, polling: 50 },
  );
}

async function open(browser: Awaited<ReturnType<typeof chromium.launch>>, url: string, floor: string, view: string): Promise<{ page: Page; drawnMs: number }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript(() => localStorage.setItem('expo.profile', JSON.stringify({ name: 'Бенчмарк', colour: 1 })));
  await page.addInitScript(countDraws);
  // Everything drawn (SwiftShader would otherwise turn on light mode, which hides logos).
  await page.addInitScript(() => localStorage.setItem('expo.lightMode', 'off'));
  await page.goto(`${url}/floor/${floor}?view=${view}`);
  await ready(page, floor);
  await page.waitForFunction(() => performance.getEntriesByName('expo:floor-drawn').length > 0, undefined, { timeout: 30_000 });
  const drawnMs = await page.evaluate(() => performance.getEntriesByName('expo:floor-drawn')[0]!.startTime);
  return { page, drawnMs };
}

/** Pans the camera in a small circle for `ms` and reports frame figures. */
async function measure(page: Page, zoom: 'overview' | 'close', size: { width: number; height: number }) {
  await page.evaluate(
    ({ zoom, size }) => {
      const h = window.__expo!.hall()!;
      h.fitFloor();
      if (zoom === 'close') h.moveCameraTo({ x: size.width * 0.45, y: size.height * 0.45 });
      if (zoom === 'close') for (let i = 0; i < 6; i++) h.zoomBy(1.4);
    },
    { zoom, size },
  );
  await page.waitForTimeout(1200);
  await page.evaluate(() => {
    window.__expo!.hall()!.resetStats();
    (window as unknown as { __draws: number }).__draws = 0;
  });
  await page.evaluate(
    ({ ms, size }) =>
      new Promise<void>((resolve) => {
        const h = window.__expo!.hall()!;
        const c = h.avatarPosition();
        void c;
        const t0 = performance.now();
        const id = setInterval(() => {
          const t = (performance.now() - t0) / ms;
          if (t >= 1) {
            clearInterval(id);
            resolve();
            return;
          }
          const a = t * Math.PI * 2;
          h.moveCameraTo({ x: size.width * (0.45 + 0.04 * Math.cos(a)), y: size.height * (0.45 + 0.04 * Math.sin(a)) });
        }, 100);
      }),
    { ms: MEASURE_MS, size },
  );
  return page.evaluate(() => {
    const s = window.__expo!.hall()!.stats();
    const draws = (window as unknown as { __draws: number }).__draws;
    const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
    return { ...s, drawsPerFrame: s.frames ? draws / s.frames : 0, heapMB: heap / 1024 ** 2, labels: window.__expo!.hall()!.planLabels().length };
  });
}

/** Waits until labels, logos and 3D names the view wants are all built (they come a few per frame). */
async function built(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const h = window.__expo!.hall() as unknown as Record<string, { pending?: boolean } | null>;
        return h.settled && !h.labels?.pending && !h.logos?.pending && !h.iso?.pending;
      },
      undefined,
      { timeout: 60_000, polling: 250 },
    )
    .catch(() => console.warn('labels still pending; shot taken anyway'));
  await page.waitForTimeout(500);
}

async function shots(browser: Awaited<ReturnType<typeof chromium.launch>>, url: string): Promise<void> {
  for (const view of ['plan', '3d'] as const) {
    const { page } = await open(browser, url, 'school', view);
    await built(page);
    await page.screenshot({ path: path.join(ROOT, 'docs', `hall-3d-${view}-overview.png`) });
    if (view === 'plan') await page.screenshot({ path: path.join(ROOT, 'docs', 'hall-plan-overview.png') });
    for (const [name, steps] of [['mid', 2], ['close', 5]] as const) {
      if (view === '3d' && name === 'mid') continue;
      await page.evaluate((n) => {
        const h = window.__expo!.hall()!;
        h.fitFloor();
        h.moveCameraTo({ x: 52, y: 30 });
        for (let i = 0; i < n; i++) h.zoomBy(1.4);
      }, steps);
      await page.waitForTimeout(800);
      await built(page);
      if (name === 'close') await page.screenshot({ path: path.join(ROOT, 'docs', `hall-3d-${view}-close.png`) });
      if (view === 'plan') await page.screenshot({ path: path.join(ROOT, 'docs', `hall-plan-${name}.png`) });
    }
    await page.close();
  }
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.addInitScript(() => localStorage.setItem('expo.profile', JSON.stringify({ name: 'Гость', colour: 1 })));
  await phone.addInitScript(() => localStorage.setItem('expo.lightMode', 'off'));
  await phone.goto(`${url}/floor/school?view=plan`);
  await ready(phone, 'school');
  await phone.evaluate(() => {
    const h = window.__expo!.hall()!;
    h.moveCameraTo({ x: 52, y: 30 });
    h.zoomBy(1.6);
  });
  await phone.waitForTimeout(800);
  await built(phone);
  await phone.screenshot({ path: path.join(ROOT, 'docs', 'hall-plan-phone.png') });
  await phone.close();
}

async function main(): Promise<void> {
  const levelsDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-iso-levels-'));
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-iso-data-'));
  const doShots = process.argv.includes('--shots');
  if (doShots) for (const f of await fs.readdir(path.join(ROOT, 'levels'))) await fs.copyFile(path.join(ROOT, 'levels', f), path.join(levelsDir, f));
  else await run(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join('scripts', 'gen-stress-floor.ts'), levelsDir]);
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    levelsDir,
    assetsDir: path.join(ROOT, 'assets'),
    // CLIENT_DIR: a build of one's own, when others rebuild dist/ meanwhile.
    clientDir: process.env.CLIENT_DIR ?? path.join(ROOT, 'dist', 'client'),
    seedFile: path.join(ROOT, 'assets', 'seed', 'exhibitors.json'),
    quiet: true,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'], timeout: 30_000 });
  try {
    if (doShots) return await shots(browser, server.url);
    // The largest sample floor and the 2 000-stand stress floor.
    const floors = (await fs.readdir(levelsDir)).filter((f) => f === 'school.json' || f.startsWith('stress'));
    const lines = ['| Floor | View | Walkers | Zoom | First drawn ms | Frames | CPU median ms | CPU p95 ms | Draw calls/frame | Objects | Plan labels | JS heap MB |', '|---|---|---|---|---|---|---|---|---|---|---|---|'];
    for (const file of floors) {
      const level = JSON.parse(await fs.readFile(path.join(levelsDir, file), 'utf8')) as { id: string; size: { width: number; height: number } };
      for (const view of ['plan', '3d']) {
        const { page, drawnMs } = await open(browser, server.url, level.id, view);
        for (const walkers of [0, 500]) {
          if (walkers) await page.evaluate((n) => window.__expo!.hall()!.spawnWalkers(n), walkers);
          for (const zoom of ['overview', 'close'] as const) {
            const r = await measure(page, zoom, level.size);
            lines.push(
              `| ${level.id} | ${view} | ${walkers} | ${zoom} | ${Math.round(drawnMs)} | ${r.frames} | ${r.medianMs.toFixed(2)} | ${r.p95Ms.toFixed(2)} | ${r.drawsPerFrame.toFixed(0)} | ${r.displayObjects} | ${r.labels} | ${r.heapMB.toFixed(0)} |`,
            );
            console.log(lines[lines.length - 1]);
          }
        }
        await page.close();
      }
    }
    console.log(`\n${lines.join('\n')}`);
  } finally {
    await browser.close();
    await server.close();
    await fs.rm(levelsDir, { recursive: true, force: true });
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
