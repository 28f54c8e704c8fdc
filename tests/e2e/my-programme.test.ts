// "My programme" in real Chromium, with the fair clock shifted to a few seconds before the
// 10-minute reminder of the sample fair's first events (14 April, 10:00 Moscow): a visitor
// stars two events that overlap from the schedule, sees the clash (with the recording to
// watch instead) on /programme/my, and the in-page reminders appear when the fair clock
// reaches them; the hall shows them too, and a phone has no sideways scroll.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSuite } from './harness.ts';

const START = Date.parse('2026-04-14T10:00:00+03:00');
const DIGITAL = 'main-d1-digital-school-1'; // 10:00–10:45
const RURAL = 'main-d1-rural-school-1'; // 10:00–11:00
const LEAD_MS = 10 * 60_000;
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe findings (WCAG 2.1 A/AA) on the page as it is. */
async function audit(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  // Evaluated through DevTools, which the page's CSP does not govern (as in a11y.test.ts).
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  return found.filter((f) => f.impact === 'serious' || f.impact === 'critical').map(({ id, nodes }) => ({ id, nodes }));
}

let context: BrowserContext;

// The reminders (default lead: 10 minutes) fall due 8 s after the server starts.
const suite = useBrowserSuite(() => ({ fairClockOffsetMs: START - LEAD_MS - 8_000 - Date.now() }), 60_000);

beforeAll(async () => {
  context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Moscow', locale: 'ru-RU' });
}, 60_000);

async function open(path: string, ctx: BrowserContext = context): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(suite.url + path);
  return page;
}

/** Presses an event's star in the schedule and waits until the server has it. */
async function starInSchedule(page: Page, eventId: string): Promise<void> {
  const button = page.locator(`.prog-list > li[data-event="${eventId}"] button[data-star]`);
  await expect.poll(() => button.isEnabled(), { timeout: 15_000 }).toBe(true);
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
}

describe('my programme in the browser', () => {
  it('starring two clashing events shows the clash, and the reminders appear on the fair clock', async () => {
    const page = await open('/programme');
    await page.locator('.prog-list > li').first().waitFor();
    await starInSchedule(page, DIGITAL);
    await starInSchedule(page, RURAL);

    await page.locator('.prog-nav a[href="/programme/my"]').click();
    const items = page.locator('.my-list > li');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(2);
    const digital = page.locator(`.my-list > li[data-event="${DIGITAL}"]`);
    await expect.poll(() => digital.getAttribute('data-clash')).toBe(RURAL);
    await expect.poll(() => page.locator(`.my-list > li[data-event="${RURAL}"]`).getAttribute('data-clash')).toBe(DIGITAL);
    await expect(digital.locator('.my-clash').textContent()).resolves.toContain('Пересекается с');
    // Both are broadcast from our stages, so both will be recorded: either can be watched later.
    await expect(digital.locator('a.my-watch-later').getAttribute('href')).resolves.toBe(`/programme/${DIGITAL}`);

    // The fair clock reaches 09:50: one toast per starred event, linking to it.
    const toast = page.locator(`.reminder-toast[data-event="${DIGITAL}"]`);
    await toast.waitFor({ timeout: 30_000 });
    await expect(toast.textContent()).resolves.toMatch(/Через (10|9) минут/);
    await page.locator(`.reminder-toast[data-event="${RURAL}"]`).waitFor({ timeout: 5_000 });
    await expect(toast.locator('a').getAttribute('href')).resolves.toBe(`/programme/${DIGITAL}`);
    // Closed, it stays closed across a reload.
    await toast.locator('button').click();
    await expect.poll(() => toast.count()).toBe(0);
    await page.reload();
    await page.locator('.my-list > li').first().waitFor();
    await page.waitForTimeout(1_000);
    expect(await page.locator('.reminder-toast').count()).toBe(0);
    await page.close();
  }, 120_000);

  it('shows the reminders in the hall too', async () => {
    // A page that has not shown them yet (nothing remembered in this browser).
    const fresh = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Moscow', locale: 'ru-RU' });
    try {
      await fresh.addCookies(await context.cookies(suite.url));
      const hall = await open('/', fresh);
      await hall.locator(`.reminder-toast[data-event="${DIGITAL}"]`).waitFor({ timeout: 30_000 });
      await expect(hall.locator('.reminder-toast').count()).resolves.toBe(2);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('moves the programme to another browser by the transfer link', async () => {
    const page = await open('/programme/my');
    await page.locator('.my-list > li').first().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Получить код' }).click();
    const link = await page.locator('.my-made a').getAttribute('href');
    expect(link).toMatch(/^\/programme\/my\?transfer=[0-9A-Z]{10}$/);
    const other = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Moscow', locale: 'ru-RU' });
    try {
      const there = await open(link!, other);
      // Nothing moves until the visitor says so.
      await there.locator('[data-redeem-link]').click();
      await there.locator('.my-transfer-done').waitFor({ timeout: 15_000 });
      await expect.poll(() => there.locator('.my-list > li').count(), { timeout: 15_000 }).toBe(2);
      expect(new URL(there.url()).search).toBe('');
      // The other browser now carries the same signed visitor id.
      const id = (c: { name: string; value: string }[]) => c.find((x) => x.name === 'expo_vid')?.value;
      expect(id(await other.cookies(suite.url))).toBe(id(await context.cookies(suite.url)));
    } finally {
      await other.close();
      await page.close();
    }
  }, 60_000);

  it('fits a phone: no sideways scroll on /programme/my, and no serious axe findings', async () => {
    const phone = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'Europe/Moscow', locale: 'ru-RU', isMobile: true, hasTouch: true });
    try {
      await phone.addCookies(await context.cookies(suite.url));
      const page = await open('/programme/my', phone);
      await page.locator('.my-list > li').first().waitFor({ timeout: 20_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await audit(page)).toEqual([]);
    } finally {
      await phone.close();
    }
  }, 60_000);
});
