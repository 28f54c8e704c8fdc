// Learning tracks in real Chromium under a fixed fair clock (day 2 of the sample fair): a
// teacher picks topics and a level and gets a track of recordings, upcoming events, webinars
// and stands; ticks a step and moves another with the keyboard (focus stays on it); the share
// link opens the track read-only in a second browser (another visitor), whose "make it mine"
// gives them their own unticked copy; the owner's ticks survive a reload. Stage two shows
// webinars beside an event on its page.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSuite } from './harness.ts';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FAIR_NOW = '2026-04-15T12:10:00+03:00';
const SHOTS = process.env.TRACK_SHOTS; // a folder: pictures of the pages for a human to look at

let teacher: BrowserContext;
let colleague: BrowserContext;

const suite = useBrowserSuite(() => ({ fairClockOffsetMs: Date.parse(FAIR_NOW) - Date.now() }));

beforeAll(async () => {
  const options = { viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Moscow', locale: 'ru-RU' };
  // bypassCSP only so that axe's script can be injected into the teacher's pages; the
  // colleague's run under the real CSP.
  teacher = await suite.browser.newContext({ ...options, bypassCSP: true });
  colleague = await suite.browser.newContext(options);
});

async function open(ctx: BrowserContext, path: string): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(suite.url + path);
  return page;
}

const items = (page: Page) => page.locator('.trk-list:not(.trk-list--suggest) > li');
const keys = (page: Page) => items(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-key')!));
/** Serious and critical WCAG 2.1 AA problems axe finds on the page. */
async function audit(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  return found.filter((f) => f.impact === 'serious' || f.impact === 'critical').map(({ id, nodes }) => ({ id, nodes }));
}

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

describe('learning tracks', () => {
  let shareUrl = '';
  let order: string[] = [];

  it('builds a track from topics and a level, ticks a step and moves another by keyboard', async () => {
    const page = await open(teacher, '/programme/tracks');
    await page.getByRole('heading', { level: 1, name: 'Треки профессионального роста' }).waitFor();
    await page.getByText('Треков пока нет').waitFor();
    await page.getByRole('checkbox', { name: 'чтение', exact: true }).check();
    await page.getByRole('checkbox', { name: 'грамотность', exact: true }).check();
    await page.getByRole('radio', { name: /Практик/ }).check();
    await shot(page, 'builder');
    expect(await audit(page)).toEqual([]);
    await page.getByRole('button', { name: 'Собрать трек' }).click();
    await page.waitForURL(/\/programme\/tracks\/[A-Za-z0-9_-]{16}$/);
    await items(page).first().waitFor();
    expect(await page.locator('.trk-page').getAttribute('data-mine')).toBe('yes');
    const kinds = await items(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    const rank = ['recording', 'event', 'webinar', 'stand'];
    expect(new Set(kinds)).toEqual(new Set(rank));
    expect(kinds.map((k) => rank.indexOf(k!))).toEqual([...kinds.map((k) => rank.indexOf(k!))].sort((a, b) => a - b));
    const total = kinds.length;
    await page.getByText(`Пройдено 0 из ${total}`).waitFor();

    // Tick the first step: the progress counts it, and the server has it.
    const first = (await keys(page))[0]!;
    await items(page).first().getByRole('checkbox').check();
    await page.getByText(`Пройдено 1 из ${total}`).waitFor();

    // Move the first step down with the keyboard; focus stays on its "down" button.
    const before = await keys(page);
    await items(page).first().locator('[data-action="down"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => keys(page)).toEqual([before[1], before[0], ...before.slice(2)]);
    const focused = await page.evaluate(() => [document.activeElement?.getAttribute('data-action'), document.activeElement?.closest('li')?.getAttribute('data-key')]);
    expect(focused).toEqual(['down', first]);
    await page.keyboard.press('Enter');
    await expect.poll(() => keys(page)).toEqual([before[1], before[2], before[0], ...before.slice(3)]);
    order = await keys(page);

    // Saved on the server for this visitor (the page's own cookie).
    const trackId = new URL(page.url()).pathname.split('/').pop()!;
    await expect
      .poll(async () => {
        const body = await page.evaluate(async (id) => (await fetch(`/api/programme/tracks/${id}`)).json(), trackId);
        return (body as { track: { items: { done: boolean }[] } }).track.items.map((i) => i.done);
      })
      .toEqual(order.map((k) => k === first));
    shareUrl = await page.locator('.trk-share__url').inputValue();
    expect(shareUrl).toBe(`${suite.url}/programme/tracks/${trackId}`);
    await shot(page, 'track');
    expect(await audit(page)).toEqual([]);
    // On a phone nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'track-phone');
    await page.close();
  });

  it('the shared link opens the track read-only for another visitor, who can make it theirs', async () => {
    const page = await colleague.newPage();
    page.on('pageerror', (e) => console.error('[page error]', e.message));
    await page.goto(shareUrl);
    await items(page).first().waitFor();
    expect(await page.locator('.trk-page').getAttribute('data-mine')).toBe('no');
    expect(await keys(page)).toEqual(order);
    await page.getByText('Это чужой трек').waitFor();
    // The owner's tick shows, but nothing can be changed here.
    const ticks = items(page).getByRole('checkbox');
    expect(await ticks.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).checked).filter(Boolean).length)).toBe(1);
    expect(await ticks.evaluateAll((els) => els.every((el) => (el as HTMLInputElement).disabled))).toBe(true);
    expect(await page.locator('[data-action="down"], [data-action="remove"], .trk-share__url').count()).toBe(0);
    await shot(page, 'shared');

    await page.getByRole('button', { name: 'Сделать своим' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/programme/tracks/') && u.toString() !== shareUrl);
    await page.locator('.trk-page[data-mine="yes"]').waitFor();
    expect(await keys(page)).toEqual(order);
    await page.getByText(`Пройдено 0 из ${order.length}`).waitFor();
    await page.goto(`${suite.url}/programme/tracks`);
    await page.locator('.trk-mine li').first().waitFor();
    expect(await page.locator('.trk-mine li').count()).toBe(1);
    await page.close();
  });

  it('the owner’s ticks and order survive a reload', async () => {
    const page = await open(teacher, new URL(shareUrl).pathname);
    await items(page).first().waitFor();
    expect(await keys(page)).toEqual(order);
    await page.getByText(`Пройдено 1 из ${order.length}`).waitFor();
    await page.close();
  });

  it('an event page shows exhibitors’ webinars on its topics, with links to their stands', async () => {
    const page = await open(teacher, '/programme/main-d2-reading-and-languages-1');
    const beside = page.locator('[data-beside="event"]');
    await beside.locator('.trk-webinar').first().waitFor();
    const stand = await beside.locator('.trk-webinar a[href^="/floor/"]').first().getAttribute('href');
    expect(stand).toMatch(/^\/floor\/[a-z0-9-]+\/stand\/[a-z0-9-]+$/);
    await page.close();
  });
});
