// A page on another port of the same host (same site, so the browser sends the exhibitor's
// SameSite=Lax cookie along) can neither read the logged-in exhibitor's leads, account or live
// lead stream, nor frame the cabinet to clickjack it. Real Chromium, real server on 127.0.0.1.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts.ts';
import { useBrowserSuite } from './harness.ts';

const korablik = DEMO_ACCOUNTS.find((a) => a.id === 'korablik')!;

/** The other site's page: whatever HTML the test puts in `otherPage`. */
let other: http.Server;
let otherUrl = '';
let otherPage = '<!doctype html><title>other</title>';

// Registered before the suite: the other site is up before it boots and closed after it has.
beforeAll(async () => {
  other = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(otherPage));
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((r) => other?.close(r));
});

const suite = useBrowserSuite();

/** The exhibitor logs in to the cabinet on the app's own origin; the context keeps the cookie. */
async function exhibitorLoggedIn(): Promise<BrowserContext> {
  const ctx = await suite.browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${suite.url}/cabinet`);
  await page.getByLabel('Эл. почта').fill(korablik.email);
  await page.getByLabel('Пароль', { exact: true }).fill(korablik.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('tablist', { name: 'Разделы кабинета' }).waitFor();
  // The app itself reads them: the cookie is good.
  const own = await page.evaluate(async (url) => (await fetch(url)).status, apiPath(API.cabinetLeads, { exhibitorId: 'korablik' }));
  expect(own).toBe(200);
  await page.close();
  return ctx;
}

/** From the other origin: fetch with credentials; "blocked" unless the body could be read. */
async function readFrom(page: Page, url: string): Promise<string> {
  return page.evaluate(async (u) => {
    try {
      const res = await fetch(u, { credentials: 'include' });
      return `read ${res.status}: ${(await res.text()).slice(0, 80)}`;
    } catch {
      return 'blocked';
    }
  }, url);
}

describe('another origin on the same host', () => {
  it('cannot read the logged-in exhibitor’s leads, account or lead stream', async () => {
    const ctx = await exhibitorLoggedIn();
    otherPage = '<!doctype html><title>other</title>';
    const page = await ctx.newPage();
    await page.goto(otherUrl);

    expect(await readFrom(page, suite.url + apiPath(API.cabinetLeads, { exhibitorId: 'korablik' }))).toBe('blocked');
    expect(await readFrom(page, suite.url + API.me)).toBe('blocked');
    expect(await readFrom(page, suite.url + API.chatInbox)).toBe('blocked');

    // The live lead stream: EventSource with credentials gets no event and fails.
    const stream = await page.evaluate(
      (u) =>
        new Promise<string>((resolve) => {
          const es = new EventSource(u, { withCredentials: true });
          es.onopen = () => resolve('open');
          es.onmessage = () => resolve('message');
          es.onerror = () => {
            es.close();
            resolve('blocked');
          };
          setTimeout(() => resolve('no answer'), 5000);
        }),
      suite.url + API.cabinetEvents,
    );
    expect(stream).toBe('blocked');
    await ctx.close();
  });

  it('cannot frame the logged-in cabinet', async () => {
    const ctx = await exhibitorLoggedIn();
    otherPage = `<!doctype html><title>other</title><iframe id="f" src="${suite.url}/cabinet" width="800" height="600"></iframe>`;
    const page = await ctx.newPage();
    const refused = page
      .waitForEvent('console', { predicate: (m) => /frame-ancestors|X-Frame-Options/.test(m.text()), timeout: 10_000 })
      .then((m) => m.text())
      .catch(() => null);
    await page.goto(otherUrl);
    expect(await refused).toMatch(/frame-ancestors 'none'/);
    // The frame holds Chromium's error page, not the cabinet with the exhibitor's tabs.
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame?.url().startsWith(suite.url)).toBe(false);
    expect(await page.frameLocator('#f').getByRole('tablist').count()).toBe(0);
    await ctx.close();
  });
});
