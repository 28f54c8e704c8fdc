// The business programme's visitor pages in real Chromium, under a fixed fair clock (day 2 of
// the sample fair, 12:10 Moscow) and a visitor in Yekaterinburg (two hours ahead): states on
// the schedule match the server's, filters change the list and the address (back/forward and
// reload keep them), event and speaker pages link each other, the library plays a recording,
// nothing scrolls sideways on a phone, and axe finds no serious problem.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeView } from '../../shared/programme/views.ts';
import { useBrowserSuite } from './harness.ts';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FAIR_NOW = '2026-04-15T12:10:00+03:00';
const EVENT = 'main-d2-higher-education-1'; // 10:00–10:45 Moscow, recording 10 min after
const MODERATOR = 'zhuravleva-nadezhda';

let context: BrowserContext;

const suite = useBrowserSuite(() => ({ fairClockOffsetMs: Date.parse(FAIR_NOW) - Date.now() }));

beforeAll(async () => {
  context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Yekaterinburg', locale: 'ru-RU' });
});

async function open(path: string, ctx: BrowserContext = context): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(suite.url + path);
  return page;
}

const rows = (page: Page) => page.locator('.prog-list > li');
const rowIds = (page: Page) => rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-event')));

async function audit(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  return found.filter((f) => f.impact === 'serious' || f.impact === 'critical').map(({ id, nodes }) => ({ id, nodes }));
}

describe('the programme for visitors', () => {
  it('the schedule shows each event in its state at the fair clock, times in the visitor’s zone', async () => {
    const page = await open('/programme');
    await rows(page).first().waitFor();
    const view = (await (await fetch(`${suite.url}/api/programme`)).json()) as ProgrammeView;
    const expected = new Map(view.events.map((e) => [e.id, e.state]));
    const shown = await rows(page).evaluateAll((els) => els.map((el) => [el.getAttribute('data-event')!, el.getAttribute('data-state')!] as const));
    // Today (15 April) is shown, and every event in the state the server computes.
    expect(shown.length).toBeGreaterThan(20);
    for (const [id, state] of shown) expect([id, state]).toEqual([id, expected.get(id)]);
    const states = new Set(shown.map(([, s]) => s));
    expect(states).toEqual(new Set(['recording-ready', 'live', 'upcoming', ...(states.has('ended') ? ['ended'] : [])]));
    // 10:00 Moscow is 12:00 in Yekaterinburg, and the page names the zone.
    const row = page.locator(`[data-event="${EVENT}"]`);
    await expect(row.locator('.prog-item__time').textContent()).resolves.toBe('12:00–12:45');
    await expect(row.getByText('Есть запись').count()).resolves.toBe(1);
    await expect(page.getByText(/Время указано в поясе: Екатеринбург/).count()).resolves.toBe(1);
    // The fair's zone on request.
    await page.getByRole('button', { name: 'Выставки' }).click();
    await page.waitForURL(/tz=fair/);
    await expect(row.locator('.prog-item__time').textContent()).resolves.toBe('10:00–10:45');
    await page.close();
  });

  it('filters change the list and the address; back, forward and reload keep them', async () => {
    const page = await open('/programme');
    await rows(page).first().waitFor();
    const all = await rowIds(page);
    await page.getByLabel('Кластер').selectOption('inclusion');
    await page.waitForURL(/[?&]cluster=inclusion/);
    const inclusion = await rowIds(page);
    expect(inclusion.length).toBeGreaterThan(0);
    expect(inclusion.length).toBeLessThan(all.length);
    expect(inclusion.every((id) => id!.includes('-inclusion-'))).toBe(true);

    await page.getByLabel('Кластер').selectOption('');
    await page.getByLabel('Только идущие сейчас').check();
    await page.waitForURL(/[?&]live=1/);
    const live = await rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-state')));
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((s) => s === 'live')).toBe(true);

    await page.getByLabel('Поиск', { exact: true }).fill('инклюзи');
    await page.waitForURL(/[?&]q=/);

    await page.goBack(); // the search replaced its entry: back undoes "live now"
    await page.waitForURL((u) => !u.search.includes('live=1'));
    await expect(page.getByLabel('Только идущие сейчас').isChecked()).resolves.toBe(false);
    expect(await rowIds(page)).toEqual(all);
    await page.goForward();
    await page.waitForURL(/live=1/);
    await page.reload();
    await page.getByText(/^Найден/).waitFor();
    await expect(page.getByLabel('Только идущие сейчас').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Поиск', { exact: true }).inputValue()).resolves.toBe('инклюзи');
    const after = await rows(page).evaluateAll((els) => els.map((el) => [el.getAttribute('data-state'), el.textContent!.toLowerCase()]));
    expect(after.every(([state, text]) => state === 'live' && text!.includes('инклюзи'))).toBe(true);

    // The timeline has its address too, with clusters as rows.
    await page.goto(`${suite.url}/programme?view=timeline&day=2026-04-15`);
    await page.locator('.prog-tl__row').first().waitFor();
    expect(await page.locator('.prog-tl__row').count()).toBeGreaterThan(5);
    await expect(page.locator(`.prog-tile[data-event="${EVENT}"]`).getAttribute('data-state')).resolves.toBe('recording-ready');
    await page.close();
  });

  it('an event page links its speakers, a speaker page links back, and the .ics is there', async () => {
    const page = await open(`/programme/${EVENT}`);
    await page.getByRole('heading', { level: 1, name: 'Онлайн-курсы в учебном плане: опыт регионов' }).waitFor();
    await page.getByRole('heading', { name: 'Далее в этом кластере' }).waitFor();
    const people = page.locator('.prog-people a');
    expect(await people.count()).toBe(4); // the moderator and three speakers
    await page.getByRole('link', { name: 'Надежда Журавлёва' }).click();
    await page.waitForURL(`**/speakers/${MODERATOR}`);
    await page.getByRole('heading', { level: 1, name: 'Надежда Журавлёва' }).waitFor();
    await page.getByRole('link', { name: 'Онлайн-курсы в учебном плане: опыт регионов' }).click();
    await page.waitForURL(`**/programme/${EVENT}`);
    await page.getByRole('heading', { level: 1, name: 'Онлайн-курсы в учебном плане: опыт регионов' }).waitFor();
    await page.goBack();
    await page.waitForURL(`**/speakers/${MODERATOR}`);

    const ics = await fetch(`${suite.url}/api/programme/events/${EVENT}.ics`);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await ics.text();
    expect(text).toContain(`UID:${EVENT}@expo.example.org`);
    expect(text).toContain('DTSTART:20260415T070000Z');
    expect((await fetch(`${suite.url}/api/programme/events/nope.ics`)).status).toBe(404);
    await page.close();
  });

  it('the library lists recordings and one plays on its event page', async () => {
    const page = await open('/programme/library');
    const first = page.locator('.prog-card').first();
    await first.waitFor();
    const view = (await (await fetch(`${suite.url}/api/programme`)).json()) as ProgrammeView;
    const ready = view.events.filter((e) => e.state === 'recording-ready').length;
    expect(await page.locator('.prog-card').count()).toBe(ready);
    await page.getByLabel('Кластер').selectOption('inclusion');
    await page.waitForURL(/cluster=inclusion/);
    const ids = await page.locator('.prog-card').evaluateAll((els) => els.map((el) => el.getAttribute('data-event')!));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.includes('-inclusion-'))).toBe(true);

    await page.locator('.prog-card a').first().click();
    await page.waitForURL(/\/programme\/main-.*#recording$/);
    const video = page.locator('video#recording');
    await video.waitFor();
    await expect(page.getByText(/^Образец\./).count()).resolves.toBe(1);
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('video#recording')?.currentTime ?? 0) > 0.5, null, { timeout: 15_000 });
    await page.close();
  });

  it('an event not over yet shows the places for the player and the Q&A, not a recording', async () => {
    const view = (await (await fetch(`${suite.url}/api/programme`)).json()) as ProgrammeView;
    const upcoming = view.events.find((e) => e.state === 'upcoming')!;
    const page = await open(`/programme/${upcoming.id}`);
    await page.getByRole('heading', { name: 'Трансляция' }).waitFor();
    // Filled by whatever registers for the slots (the stream player, the Q&A), else marked empty.
    expect(await page.locator('[data-slot-host="player"]').count()).toBe(1);
    expect(await page.locator('[data-slot-host="qa"]').count()).toBe(1);
    expect(await page.locator('video#recording').count()).toBe(0);
    await page.close();
  });

  it('the hall links to the programme and the programme back to the exhibition', async () => {
    const page = await open('/programme');
    await page.getByRole('link', { name: 'Вернуться на выставку' }).waitFor();
    expect(await page.getByRole('link', { name: 'Вернуться на выставку' }).getAttribute('href')).toBe('/');
    // The programme never downloads the hall's Pixi chunk.
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(scripts.some((s) => /HallCanvas/.test(s))).toBe(false);
    // A returning visitor: the first-visit name dialog would cover the top bar.
    await page.evaluate(() => localStorage.setItem('expo.profile', JSON.stringify({ name: 'Тестовый посетитель', colour: 0 })));
    await page.goto(suite.url + '/floor/school');
    await page.getByRole('link', { name: 'Деловая программа' }).click();
    await page.waitForURL('**/programme');
    await rows(page).first().waitFor();
    await page.close();
  });

  it('English is complete and the one language switch changes it', async () => {
    const page = await open(`/programme/${EVENT}`);
    await page.getByRole('heading', { name: 'Модератор и спикеры' }).waitFor();
    await page.getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('heading', { name: 'Moderator and speakers' }).waitFor();
    await page.getByRole('link', { name: 'Schedule', exact: true }).click();
    await page.getByText(/events found/).waitFor();
    await page.getByRole('button', { name: /^RU/ }).click();
    await page.close();
  });

  it('no sideways scrolling on a 390×844 phone, and no serious axe findings', { timeout: 120_000 }, async () => {
    // bypassCSP: only so that axe's script can be injected; the pages run under the real CSP elsewhere.
    const phone = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: 'Asia/Yekaterinburg', locale: 'ru-RU', bypassCSP: true });
    for (const [path, ready] of [
      ['/programme', '.prog-list > li'],
      ['/programme?view=timeline', '.prog-tl__row'],
      [`/programme/${EVENT}`, 'video#recording'],
      [`/speakers/${MODERATOR}`, '.prog-speaker h1'],
      ['/programme/library', '.prog-card'],
    ] as const) {
      const page = await open(path, phone);
      await page.locator(ready).first().waitFor();
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect([path, scroll]).toEqual([path, client]);
      expect([path, await audit(page)]).toEqual([path, []]);
      await page.close();
    }
    await phone.close();
  });
});
