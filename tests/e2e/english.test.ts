// Exhibitor content in English, in real headless Chromium against the real server with the
// sample exhibition: an English visitor reads a university's stand in English and a school's
// in Russian marked lang="ru"; the exhibitor writes English in the cabinet's English tab and
// the visitor sees it; the cabinet's date filter speaks English on a Russian computer.
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, DirectoryEntry, apiPath } from '../../shared/api.ts';
import { type Exhibitor, ExhibitorList } from '../../shared/exhibitor.ts';
import { StandContent } from '../../shared/standContent.ts';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts.ts';
import { ROOT } from '../../server/config.ts';
import { useBrowserSuite } from './harness.ts';

const SHOTS = path.join(ROOT, 'tests', '.artifacts', 'english');
const korablik = DEMO_ACCOUNTS.find((a) => a.id === 'korablik')!;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const suite = useBrowserSuite();
let directory: DirectoryEntry[];
let exhibitors: Exhibitor[];

beforeAll(async () => {
  await fs.mkdir(SHOTS, { recursive: true });
  directory = DirectoryEntry.array().parse(await (await fetch(suite.url + API.directory)).json());
  exhibitors = ExhibitorList.parse(JSON.parse(await fs.readFile(path.join(ROOT, 'assets', 'seed', 'exhibitors.json'), 'utf8')));
});

// Drivers, in the words of the people doing it.

/** A visitor whose computer is Russian but who reads the fair in English. */
async function englishVisitor(url: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await suite.browser.newPage({ viewport, locale: 'ru-RU' });
  await page.addInitScript(() => {
    localStorage.setItem('expo.lang', 'en');
    localStorage.setItem('expo.profile', JSON.stringify({ name: 'Test visitor', colour: 0 }));
  });
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(url);
  return page;
}

function placeOf(exhibitorId: string): DirectoryEntry {
  const entry = directory.find((d) => d.exhibitor === exhibitorId);
  if (!entry) throw new Error(`exhibitor ${exhibitorId} has no stand`);
  return entry;
}

async function openStand(page: Page, exhibitorId: string): Promise<void> {
  const place = placeOf(exhibitorId);
  await page.goto(`${suite.url}/floor/${place.floor}/stand/${place.stand}`);
  await page.locator('#stand-short').waitFor({ timeout: 30_000 });
}

/** Serious and critical axe-core findings (WCAG 2.1 AA) inside `scope`; as tests/e2e/a11y.test.ts. */
async function audit(page: Page, scope: string): Promise<{ id: string; nodes: string[] }[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const res = await axe.run({ include: [sel] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  }, scope);
}

async function logIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('tablist', { name: 'Cabinet sections' }).waitFor();
}

describe('exhibitor content in English', () => {
  it('shows a stand’s English, and the Russian marked lang="ru" where there is none', async () => {
    const translated = exhibitors.find((e) => e.en?.short && e.category === 'higher')!;
    const content = StandContent.parse(await (await fetch(suite.url + apiPath(API.standContent, { exhibitorId: translated.id }))).json());
    const page = await englishVisitor(suite.url);

    await openStand(page, translated.id);
    const short = page.locator('#stand-short');
    await expect(short.textContent()).resolves.toBe(translated.en!.short);
    // English on an English page needs no lang of its own.
    await expect(short.getAttribute('lang')).resolves.toBeNull();
    await expect(page.locator('.stand-about__text').textContent()).resolves.toBe(translated.en!.description);
    const webinar = content.webinars[0];
    if (webinar) await page.locator('.webinar__title', { hasText: webinar.en!.title! }).first().waitFor();
    const item = content.gallery[0];
    if (item) await expect(page.locator('.gallery-card__title').first().textContent()).resolves.toBe(item.en!.title);
    // The name is the brand, as written: Russian, and marked so.
    await expect(page.locator('#stand-title').getAttribute('lang')).resolves.toBe('ru');
    await page.screenshot({ path: path.join(SHOTS, 'stand-en-1280.png') });

    // A school without English: the Russian text, which a screen reader must read as Russian.
    const school = exhibitors.find((e) => e.id === 'korablik')!;
    expect(school.en).toBeUndefined();
    await page.keyboard.press('Escape');
    await openStand(page, school.id);
    await expect(short.textContent()).resolves.toBe(school.short);
    await expect(short.getAttribute('lang')).resolves.toBe('ru');
    await expect(page.locator('.stand-about__text').getAttribute('lang')).resolves.toBe('ru');
    // The interface around it stays English.
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('#stand-about').textContent()).resolves.toBe('About');
    await page.screenshot({ path: path.join(SHOTS, 'stand-fallback-1280.png') });
    expect(await audit(page, '.stand-dialog')).toEqual([]);
    await page.close();
  });

  it('the exhibitor writes English in the cabinet’s English tab, and the English visitor reads it', async () => {
    const page = await englishVisitor(`${suite.url}/cabinet/korablik/stand`);
    await logIn(page, korablik);
    await page.waitForURL(/\/cabinet\/korablik\/stand$/);

    const tabs = page.getByRole('tablist', { name: 'Language of the stand texts' });
    await tabs.waitFor();
    await expect(page.getByRole('tab', { name: 'Русский' }).getAttribute('aria-selected')).resolves.toBe('true');
    // Keyboard: the arrow moves to English, as in any tab list.
    await page.getByRole('tab', { name: 'Русский' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'English' }).getAttribute('aria-selected')).resolves.toBe('true');

    // The English field shows the Russian original to translate from.
    const field = page.getByLabel('In one sentence');
    await expect(field.inputValue()).resolves.toBe('');
    await expect(field.getAttribute('lang')).resolves.toBe('en');
    const school = exhibitors.find((e) => e.id === 'korablik')!;
    await page.locator('.cab-lang-original', { hasText: school.short.slice(0, 20) }).first().waitFor();
    await field.fill('Children’s centre with groups for every age.');
    // The preview follows the language being written.
    await page.locator('.cab-preview__body #stand-short', { hasText: 'Children’s centre' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'cabinet-english-tab-1280.png') });
    expect(await audit(page, '.cab-editor__form')).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Stand saved. Visitors see the changes now.').waitFor();

    // The Russian stays as it was.
    await page.getByRole('tab', { name: 'Русский' }).click();
    await expect(page.getByLabel('In one sentence').inputValue()).resolves.toBe(school.short);

    const visitor = await englishVisitor(suite.url);
    await openStand(visitor, 'korablik');
    await expect(visitor.locator('#stand-short').textContent()).resolves.toBe('Children’s centre with groups for every age.');
    await expect(visitor.locator('#stand-short').getAttribute('lang')).resolves.toBeNull();
    // Only the short text was translated: the description still falls back.
    await expect(visitor.locator('.stand-about__text').getAttribute('lang')).resolves.toBe('ru');
    await visitor.close();
    await page.close();
  });

  it('the cabinet’s date filter writes English month and weekday names on a Russian computer', async () => {
    const page = await englishVisitor(`${suite.url}/cabinet/korablik/leads`);
    await logIn(page, korablik);
    await page.waitForURL(/\/cabinet\/korablik\/leads$/);

    const from = page.locator('#cab-f-from');
    await expect(from.textContent()).resolves.toBe('Any date▾');
    await from.click();
    const calendar = page.getByRole('dialog', { name: 'Calendar: From' });
    await calendar.waitFor();
    const title = (await calendar.locator('.cab-date__title').textContent())!;
    expect(title).toMatch(new RegExp(`^(${MONTHS.join('|')}) \\d{4}$`));
    await expect(calendar.locator('th').allTextContents()).resolves.toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    await page.screenshot({ path: path.join(SHOTS, 'cabinet-date-filter-en-1280.png') });
    expect(await audit(page, '.cab-filters')).toEqual([]);

    // The keyboard picks a day: the focused day is today; PageUp goes a month back.
    await page.keyboard.press('PageUp');
    const back = (await calendar.locator('.cab-date__title').textContent())!;
    expect(back).not.toBe(title);
    expect(MONTHS.some((m) => back.startsWith(m))).toBe(true);
    const picked = (await page.evaluate(() => (document.activeElement as HTMLElement).dataset.day))!;
    expect(picked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.keyboard.press('Enter');
    await expect(calendar.count()).resolves.toBe(0);
    // Back on the field's button, which now names the day in English.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('cab-f-from');
    const [y, m, d] = picked.split('-').map(Number) as [number, number, number];
    // ("Sep" or "Sept": ICU versions differ for en-GB.)
    expect(await from.textContent()).toMatch(new RegExp(`^${d} ${MONTHS[m - 1]!.slice(0, 3)}t? ${y}▾$`));
    // The filter is the store's: the "reset" link appears, and × clears the day.
    await page.getByRole('button', { name: 'Clear: From' }).click();
    await expect(from.textContent()).resolves.toBe('Any date▾');

    // Escape closes the calendar and gives the focus back.
    await from.click();
    await calendar.waitFor();
    await page.keyboard.press('Escape');
    await expect(calendar.count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('cab-f-from');

    // On a phone the calendar stays on the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('#cab-f-to').click();
    const box = (await page.getByRole('dialog', { name: 'Calendar: To' }).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'cabinet-date-filter-en-390.png') });
    await page.close();
  });
});
