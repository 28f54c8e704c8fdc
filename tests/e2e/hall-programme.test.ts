// The programme reached from the hall, in real Chromium, with a small programme written around
// the real clock: on the school floor (main stage) one main-stage event is live and ends a few
// seconds into the test, the next starts then. The floor announces the live event and follows
// the change; Enter on the stage opens its live event; a floor with nothing live shows no banner
// and its stage opens the schedule filtered to its cluster; on a phone the banner leaves the
// hall controls free; with reduced motion the live dot does not pulse.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT } from '../../server/config.ts';
import { hallSettled, openPage, useBrowserSuite } from './harness.ts';

const MIN = 60_000;
/** The first live event ends this long after the server starts (room for a slow first hall). */
const FIRST_ENDS_IN_MS = 45_000;

let dir: string;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function event(id: string, title: string, cluster: string, stage: 'main' | 'continuation', start: number, minutes: number) {
  return { id, title: { ru: title }, start: iso(start), duration: minutes, format: 'lecture', language: 'ru', cluster, stage };
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-hall-programme-'));
  const prog = path.join(dir, 'programme');
  await fs.mkdir(path.join(prog, 'events'), { recursive: true });
  for (const f of ['programme.json', 'clusters.json', 'speakers.json']) await fs.copyFile(path.join(ROOT, 'programme', f), path.join(prog, f));
  // Whole seconds: the end is then a whole second too.
  const now = Math.ceil(Date.now() / 1000) * 1000;
  const firstEnds = now + FIRST_ENDS_IN_MS;
  const events = [
    event('hp-first', 'Цифровая школа: итоги года', 'digital-school', 'main', firstEnds - 30 * MIN, 30),
    event('hp-second', 'Инклюзия в каждой школе', 'inclusion', 'main', firstEnds, 45),
    // Live all along, but on the continuation stage: not the school floor's main stage.
    event('hp-higher', 'Вузы и работодатели: открытый разговор', 'higher-education', 'continuation', now - 10 * MIN, 60),
    event('hp-later', 'Учитель будущего: вечерняя сессия', 'teacher-of-the-future', 'main', now + 3 * 60 * MIN, 60),
  ];
  await fs.writeFile(path.join(prog, 'events', 'hall.json'), JSON.stringify({ events }, null, 2));
});
// Registered before the suite: the programme is written before it boots, removed after it has closed.
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});
const suite = useBrowserSuite(() => ({ programmeDir: path.join(dir, 'programme') }));

const banner = (page: Page) => page.locator('.on-air');
const stage = (page: Page) => page.locator('.prog-mark[data-landmark="programme"]');

it('the school floor announces its live event, follows the clock, and its stage opens the event', async () => {
  const page = await openPage(suite.browser, `${suite.url}/floor/school`);
  await hallSettled(page, 'school', 40_000);
  await banner(page).waitFor({ timeout: 15_000 });
  await expect(banner(page).textContent()).resolves.toMatch(/^Сейчас в эфире: Цифровая школа: итоги года · Цифровая школа$/);
  // The continuation stage's event is not this floor's.
  await expect(banner(page).textContent()).resolves.not.toContain('Вузы');
  await expect(banner(page).getByRole('link', { name: 'Цифровая школа: итоги года' }).getAttribute('href')).resolves.toBe('/programme/hp-first');

  // The stage in the hall is a button: visible over the landmark, live, and named for screen readers.
  await expect.poll(() => stage(page).evaluate((el) => getComputedStyle(el).visibility), { timeout: 10_000 }).toBe('visible');
  await expect(stage(page).textContent()).resolves.toBe(
    'Сцена · в эфире — Деловая программа: главная сцена. Сейчас в эфире: Цифровая школа: итоги года. Открыть трансляцию',
  );
  await page.screenshot({ path: '/tmp/f1-hall-programme-1280.png' });

  // The event ends; the next one starts at that moment and the banner says so without a reload.
  await banner(page).getByText('Инклюзия в каждой школе').waitFor({ timeout: FIRST_ENDS_IN_MS + 20_000 });
  await expect(banner(page).textContent()).resolves.not.toContain('итоги года');

  // Enter on the stage opens its live event.
  await stage(page).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/programme\/hp-second$/, { timeout: 15_000 });
  await page.getByRole('heading', { name: 'Инклюзия в каждой школе' }).waitFor({ timeout: 15_000 });
  await page.close();
}, 120_000);

it('a floor with nothing live on its stage has no banner; its stage opens the schedule of its cluster', async () => {
  const page = await openPage(suite.browser, `${suite.url}/floor/equipment`);
  await hallSettled(page, 'equipment', 40_000);
  await expect.poll(() => stage(page).evaluate((el) => getComputedStyle(el).visibility), { timeout: 10_000 }).toBe('visible');
  await expect(stage(page).getAttribute('data-live')).resolves.toBe('0');
  await expect(banner(page).count()).resolves.toBe(0);
  await stage(page).click();
  await page.waitForURL(/\/programme\?cluster=school-architecture$/, { timeout: 15_000 });
  await page.close();

  // The higher floor's stage is its cluster's, on either stage: its event is live there.
  const higher = await openPage(suite.browser, `${suite.url}/floor/higher`);
  await hallSettled(higher, 'higher', 40_000);
  await banner(higher).getByText('Вузы и работодатели: открытый разговор').waitFor({ timeout: 15_000 });
  await higher.close();
}, 120_000);

it('on a phone the banner sits under the live strip, clear of the hall controls; reduced motion stops the pulse', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  await context.addInitScript(() => localStorage.setItem('expo.profile', JSON.stringify({ name: 'Тестовый посетитель', colour: 0 })));
  const page = await context.newPage();
  await page.goto(`${suite.url}/floor/school`);
  await hallSettled(page, 'school', 40_000);
  await banner(page).waitFor({ timeout: 15_000 });
  const b = (await banner(page).boundingBox())!;
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width).toBeLessThanOrEqual(390);
  const overlaps = async (selector: string) => {
    const boxes = await page.locator(selector).evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    return boxes.some((r) => r.width > 0 && r.left < b.x + b.width && b.x < r.right && r.top < b.y + b.height && b.y < r.bottom);
  };
  for (const controls of ['.zoom-controls', '.view-switch', '.topbar', '.live-bar > button']) {
    expect(await overlaps(controls), `the banner covers ${controls}`).toBe(false);
  }
  await expect(banner(page).locator('.on-air__dot').evaluate((el) => getComputedStyle(el).animationName)).resolves.toBe('none');
  await page.screenshot({ path: '/tmp/f1-hall-programme-390.png' });
  await context.close();
}, 120_000);
