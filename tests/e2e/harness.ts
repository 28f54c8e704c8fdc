// Drivers for browser tests: boot the real server on 127.0.0.1 with a fresh data folder,
// open Debian's Chromium through playwright-core, and speak in visitor terms
// ("hover stand X", "open stand X") so tests read like user stories.
import { mkdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { API } from '../../shared/api.ts';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts.ts';
import { startServer, type RunningServer } from '../../server/app.ts';
import { ROOT, type ServerConfig } from '../../server/config.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// No --disable-gpu: WebGL runs on SwiftShader either way, but with that flag the page is
// composited in software, so Chromium reads every WebGL frame back ("GPU stall due to
// ReadPixels" warnings on the first hall page). Composited on SwiftShader nothing reads pixels;
// it costs a few seconds once per browser launch.
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export async function bootServer(
  opts: {
    levelsDir?: string;
    roomCapacity?: number;
    port?: number;
    dataDir?: string;
    /** The business programme's folder (default programme/) and the fair clock's shift. */
    programmeDir?: string;
    fairClockOffsetMs?: number;
    /** Move the sample programme to now, as `npm start` does (default: its own dates). */
    moveSampleProgramme?: boolean;
    /** Any other settings (SRT ports, watchers off): applied over the defaults above. */
    config?: Partial<ServerConfig>;
  } = {},
): Promise<RunningServer & { dataDir: string }> {
  const dataDir = opts.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'expo-e2e-')));
  const server = await startServer({
    port: opts.port ?? 0,
    host: '127.0.0.1',
    dataDir,
    levelsDir: opts.levelsDir ?? path.join(ROOT, 'levels'),
    assetsDir: path.join(ROOT, 'assets'),
    // A private copy of the build (E2E_CLIENT_DIR) while other work rebuilds dist/ meanwhile.
    clientDir: process.env.E2E_CLIENT_DIR ?? path.join(ROOT, 'dist', 'client'),
    seedFile: path.join(ROOT, 'assets', 'seed', 'exhibitors.json'),
    quiet: true,
    roomCapacity: opts.roomCapacity,
    programmeDir: opts.programmeDir,
    fairClockOffsetMs: opts.fairClockOffsetMs,
    moveSampleProgramme: opts.moveSampleProgramme,
    ...opts.config,
  });
  return {
    ...server,
    dataDir,
    async close() {
      await server.close();
      // A data folder the caller passed in is the caller's to remove (restart tests reuse it).
      if (!opts.dataDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A logged-in session cookie ("expo_session=…") of the first demo account with `role`. */
export async function demoCookie(url: string, role: 'moderator' | 'organiser'): Promise<string> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  const res = await fetch(url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('expo_session='));
  if (!cookie) throw new Error(`the demo ${role} could not log in: ${res.status}`);
  return cookie;
}

/**
 * Where a test's picture for the docs goes: tests/.artifacts/ on every run (so that `npm test`
 * leaves the tree clean), docs/ itself only with UPDATE_DOC_SHOTS=1.
 */
export function docShot(name: string): string {
  const dir = process.env.UPDATE_DOC_SHOTS === '1' ? path.join(ROOT, 'docs') : path.join(ROOT, 'tests', '.artifacts');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
}

export type BootOptions = NonNullable<Parameters<typeof bootServer>[0]>;
export type BootedServer = Awaited<ReturnType<typeof bootServer>>;

/** The server and browser a test file shares, readable once useBrowserSuite's beforeAll has run. */
export interface BrowserSuite {
  readonly server: BootedServer;
  readonly browser: Browser;
  /** The server's address, e.g. http://127.0.0.1:41234. */
  readonly url: string;
}

/**
 * One server and one browser for a whole test file: registers a beforeAll that boots the server
 * (with `boot`, or what a function returns when it runs, for options that depend on the hook's
 * moment or on set-up done first) and launches Chromium, and an afterAll that closes the browser,
 * then the server. Vitest runs beforeAll hooks in order and afterAll hooks in reverse, so a file's
 * hooks registered after this call set up with the suite up and tear down before it closes;
 * those registered before it run before it boots and after it has closed.
 */
export function useBrowserSuite(
  boot: BootOptions | (() => BootOptions | Promise<BootOptions>) = {},
  hookTimeout?: number,
): BrowserSuite {
  let server: BootedServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await bootServer(typeof boot === 'function' ? await boot() : boot);
    browser = await launchBrowser();
  }, hookTimeout);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  // Read at collection time (outside a test or hook) there is nothing yet: say so, not "undefined".
  const up = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`suite.${what} is read before useBrowserSuite's beforeAll has run`);
    return value;
  };
  return {
    get server() {
      return up(server, 'server');
    },
    get browser() {
      return up(browser, 'browser');
    },
    get url() {
      return up(server, 'url').url;
    },
  };
}

export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 800 },
  profile: { name: string; colour: number } | null = { name: 'Тестовый посетитель', colour: 0 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  // A returning visitor by default: the first-visit name dialog would cover the hall.
  if (profile) await page.addInitScript((p) => localStorage.setItem('expo.profile', JSON.stringify(p)), profile);
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(url);
  return page;
}

/** Waits until the floor is drawn and the camera has stopped moving. */
export async function hallSettled(page: Page, floorId?: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (floor) => {
      const h = window.__expo?.hall();
      return !!h && h.ready && h.settled() && h.shownFloor() !== null && (!floor || h.shownFloor() === floor);
    },
    floorId ?? null,
    { timeout },
  );
}

/** Page coordinates of a stand's centre. */
export async function standPoint(page: Page, standId: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((id) => window.__expo!.hall()!.standScreenPoint(id), standId);
  if (!p) throw new Error(`stand ${standId} is not on the floor shown`);
  const box = (await page.locator('#hall').boundingBox())!;
  return { x: box.x + p.x, y: box.y + p.y };
}

/** Brings a stand to the middle of the screen at a readable zoom. */
export async function showStand(page: Page, standId: string): Promise<void> {
  await page.evaluate((id) => window.__expo!.hall()!.flyToStand(id), standId);
  await hallSettled(page);
}

export async function hoverStand(page: Page, standId: string): Promise<void> {
  const p = await standPoint(page, standId);
  await page.mouse.move(p.x - 30, p.y - 30);
  await page.mouse.move(p.x, p.y, { steps: 3 });
}

export async function clickStand(page: Page, standId: string): Promise<void> {
  const p = await standPoint(page, standId);
  await page.mouse.click(p.x, p.y);
}

export function storeState<T>(page: Page, pick: string): Promise<T> {
  return page.evaluate((expr) => {
    const s = window.__expo!.store.getState() as unknown as Record<string, unknown>;
    return expr.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], s);
  }, pick) as Promise<T>;
}
