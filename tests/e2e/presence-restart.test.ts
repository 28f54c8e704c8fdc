// After the server restarts, an open page rejoins its floor by itself: the badge goes
// "reconnecting" then "live", and a newcomer sees the visitor once, not twice. The server
// chooses where a joining visitor appears and keeps last positions in memory only, so after
// a restart the visitor arrives at the floor's arrival point (before a restart, a rejoin puts
// them back where they stood: tests/rooms/presence.test.ts).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bootServer, hallSettled, launchBrowser, openPage } from './harness.ts';
import { freePort } from '../../scripts/lib/measure.ts';

let browser: Browser;
let dataDir: string;
const servers: { close(): Promise<void> }[] = [];


beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-e2e-restart-'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close().catch(() => {});
  await fs.rm(dataDir, { recursive: true, force: true });
});

it('rejoins after a server restart without a duplicate avatar', async () => {
  const port = await freePort();
  const first = await bootServer({ port, dataDir });
  const page = await openPage(browser, `${first.url}/floor/edtech`, undefined, { name: 'Вера', colour: 2 });
  await hallSettled(page);
  await page.locator('.live-badge[data-status="live"]').waitFor();

  // The server goes away; the data folder is ours and stays for the second boot.
  await first.close();
  await page.locator('.live-badge[data-status="reconnecting"], .live-badge[data-status="connecting"]').first().waitFor({ timeout: 10_000 });

  const second = await bootServer({ port, dataDir });
  servers.push(second);
  await page.locator('.live-badge[data-status="live"]').waitFor({ timeout: 30_000 });

  const other = await openPage(browser, `${second.url}/floor/edtech`, undefined, { name: 'Глеб', colour: 4 });
  await hallSettled(other);
  await other.waitForFunction(() => window.__expo!.hall()!.peopleSnapshot().some((p) => p.name === 'Вера'), undefined, { timeout: 15_000 });
  // Give any stray second seat time to show up before counting.
  await other.waitForTimeout(1500);
  const veras = await other.evaluate(() => window.__expo!.hall()!.peopleSnapshot().filter((p) => p.name === 'Вера').length);
  expect(veras).toBe(1);
  await page.close();
  await other.close();
});
