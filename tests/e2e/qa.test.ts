// The moderated Q&A in real Chromium against the real server: a visitor asks on the event
// page and sees their question pending; the moderator (logged in, on a phone-sized screen)
// sees it in the live queue and approves it; two other visitors then see it and up-vote it,
// once each, and everyone sees the count. The overlay page shows the question once pinned.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/api.ts';
import { bootServer, launchBrowser } from './harness.ts';

// Day 2 of the sample fair, before the event starts: its page shows the Q&A.
const FAIR_NOW = '2026-04-15T09:30:00+03:00';
const EVENT = 'main-d2-higher-education-1';
const QUESTION = 'Какие направления открываются в этом году?';

let server: Awaited<ReturnType<typeof bootServer>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await bootServer({ fairClockOffsetMs: Date.parse(FAIR_NOW) - Date.now() });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.close();
});

async function visitorPage(name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  contexts.push(context);
  await context.addInitScript((n) => localStorage.setItem('expo.profile', JSON.stringify({ name: n, colour: 0 })), name);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[visitor page error]', e.message));
  await page.goto(`${server.url}/programme/${EVENT}`);
  await page.locator('[data-qa-panel]').waitFor({ timeout: 20_000 });
  return page;
}

async function moderatorPage(path: string): Promise<Page> {
  const res = await fetch(server.url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'moderator@expo.local', password: 'expo-demo-moderator' }),
  });
  expect(res.status).toBe(200);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('expo_session=')) ?? '';
  const [name, value] = session.split('=') as [string, string];
  // The moderator works from a phone.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ru-RU', isMobile: true, hasTouch: true });
  contexts.push(context);
  await context.addCookies([{ name, value, url: server.url }]);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[moderator page error]', e.message));
  await page.goto(server.url + path);
  return page;
}

const approvedItem = (page: Page) => page.locator('[data-approved] li[data-status="approved"]', { hasText: QUESTION });

describe('moderated Q&A in the browser', () => {
  it('a visitor asks, the moderator approves, two other visitors see it and vote', async () => {
    const asker = await visitorPage('Анна Спрашивающая');
    const other1 = await visitorPage('Борис');
    const other2 = await visitorPage('Вера');
    const mod = await moderatorPage(`/moderate/${EVENT}`);

    await asker.locator('#qa-ask-text').fill(QUESTION);
    await asker.getByRole('button', { name: 'Спросить', exact: true }).click();
    const mine = asker.locator('li[data-status="pending"]', { hasText: QUESTION });
    await mine.waitFor();
    expect(await mine.textContent()).toContain('на модерации');

    // Live in the moderator's queue; nowhere yet for the others.
    const queued = mod.locator('[data-queue] li', { hasText: QUESTION });
    await queued.waitFor({ timeout: 15_000 });
    expect(await queued.textContent()).toContain('Анна Спрашивающая');
    expect(await other1.getByText(QUESTION).count()).toBe(0);
    // The page names the event by its title, as the broadcast page does, not by its id.
    const { event } = (await (await fetch(`${server.url}/api/programme/events/${EVENT}`)).json()) as { event: { title: { ru: string } } };
    await expect.poll(() => mod.locator('h1.qa-mod-title').textContent()).toBe(`Модерация: ${event.title.ru}`);
    // The moderator's phone view does not scroll sideways.
    expect(await mod.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await queued.locator('[data-action="approve"]').click();
    await mod.locator('[data-published] li', { hasText: QUESTION }).waitFor();
    await approvedItem(other1).waitFor();
    await approvedItem(other2).waitFor();

    await approvedItem(other1).locator('[data-vote]').click();
    await approvedItem(other2).locator('[data-vote]').click();
    for (const page of [other1, other2, asker]) {
      await page.waitForFunction((text) => {
        const li = [...document.querySelectorAll('[data-approved] li')].find((el) => el.textContent?.includes(text));
        return li?.querySelector('.qa-vote-count')?.textContent === '2';
      }, QUESTION);
    }
    // Once each: the button is spent, and a reload remembers it (the signed visitor cookie).
    expect(await approvedItem(other1).locator('[data-vote]').isDisabled()).toBe(true);
    await other1.reload();
    await approvedItem(other1).waitFor({ timeout: 20_000 });
    expect(await approvedItem(other1).locator('[data-vote]').isDisabled()).toBe(true);
    expect(await approvedItem(other1).locator('.qa-vote-count').textContent()).toBe('2');
    await mod.locator('[data-published] li', { hasText: QUESTION }).locator('.qa-vote-count', { hasText: '2' }).waitFor();

    // Pinned, it is what the broadcast overlay shows.
    const overlay = await (await browser.newContext()).newPage();
    await overlay.goto(`${server.url}/overlay/${EVENT}`);
    await mod.locator('[data-published] li', { hasText: QUESTION }).locator('[data-action="pin"]').click();
    await overlay.locator('.qa-overlay-card', { hasText: QUESTION }).waitFor({ timeout: 15_000 });
    expect(await overlay.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    await overlay.context().close();
  });
});
