// A newcomer opens the cabinet's login page and the first hall page with the console open:
// nothing there may look like a failure. Before, the cabinet's "am I logged in?" check logged
// a 401 as an error on every visit, and the hall logged "GPU stall due to ReadPixels".
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, hallSettled, launchBrowser } from './harness.ts';

let server: Awaited<ReturnType<typeof bootServer>>;

beforeAll(async () => {
  server = await bootServer();
});

afterAll(async () => {
  await server?.close();
});

/** Errors and warnings a page logs, with failed requests (the browser logs those as errors too). */
function noise(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) seen.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  return seen;
}

/** Opens a page in a fresh browser: driver warnings are printed once per browser, on its first page. */
async function firstVisit(run: (page: Page, seen: string[]) => Promise<void>): Promise<void> {
  const browser: Browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => localStorage.setItem('expo.profile', JSON.stringify({ name: 'Тестовый посетитель', colour: 0 })));
    await run(page, noise(page));
  } finally {
    await browser.close();
  }
}

describe('the console of a first visit', () => {
  it('is quiet on the cabinet login page before anyone logs in', async () => {
    await firstVisit(async (page, seen) => {
      await page.goto(`${server.url}/cabinet`);
      await page.getByRole('button', { name: 'Войти' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(seen).toEqual([]);
    });
  });

  it('is quiet on the first hall page, drawn with WebGL', async () => {
    await firstVisit(async (page, seen) => {
      await page.goto(`${server.url}/`);
      await hallSettled(page, 'school');
      // A few seconds of frames: the stall warnings came with the first ones.
      await page.waitForTimeout(2000);
      expect(seen).toEqual([]);
    });
  });
});
