// Issue 5's story end to end, both people in real Chromium: a visitor at «Кораблик» plays the
// video, asks for a call back and swaps a business card for the materials, all through the
// stand page; the exhibitor, logged into the cabinet, sees both leads arrive live and finds
// them in the CSV export. (cabinet.test.ts covers editing the stand and the visitor seeing it.)
import fs from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts.ts';
import { hallSettled, useBrowserSuite } from './harness.ts';

const korablik = DEMO_ACCOUNTS.find((a) => a.id === 'korablik')!;

const contexts: BrowserContext[] = [];

const suite = useBrowserSuite();
// Registered after the suite, so it runs before the suite closes the browser.
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
});

async function person(withProfile: boolean): Promise<Page> {
  const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow', acceptDownloads: true });
  contexts.push(ctx);
  if (withProfile) await ctx.addInitScript(() => localStorage.setItem('expo.profile', JSON.stringify({ name: 'Посетитель', colour: 1 })));
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  return page;
}

it('a visitor leaves a callback request and a business card; the exhibitor sees both live and exports them', async () => {
  // The exhibitor is at work in the cabinet, on the leads tab.
  const staff = await person(false);
  await staff.goto(`${suite.url}/cabinet`);
  await staff.getByLabel('Эл. почта').fill(korablik.email);
  await staff.getByLabel('Пароль', { exact: true }).fill(korablik.password);
  await staff.getByRole('button', { name: 'Войти' }).click();
  await staff.getByRole('tablist', { name: 'Разделы кабинета' }).waitFor();
  await staff.goto(`${suite.url}/cabinet/korablik/leads`);
  await staff.locator('.cab-live--live').waitFor({ timeout: 20_000 });

  // The visitor opens the stand by its address and plays the video.
  const visitor = await person(true);
  await visitor.goto(`${suite.url}/floor/school/stand/sc-a11`);
  const dialog = visitor.getByRole('dialog', { name: /Кораблик/ });
  await dialog.waitFor();
  await dialog.locator('.stand-interior [aria-labelledby="stand-gallery-title"]').waitFor();
  await hallSettled(visitor);
  const video = dialog.locator('video');
  await video.focus();
  await visitor.keyboard.press('Space');
  await visitor.waitForFunction(() => ((document.querySelector('.stand-video video') as HTMLVideoElement | null)?.currentTime ?? 0) > 0.3, null, { timeout: 15_000 });

  // A call back, through the form.
  const callback = visitor.locator('section', { has: visitor.getByRole('heading', { name: 'Заказать обратный звонок' }) });
  await callback.getByLabel('Имя').fill('Светлана Орлова');
  await callback.getByLabel('Телефон').fill('+7 (903) 555-12-34');
  await callback.getByLabel('Когда удобно позвонить').fill('завтра с 10 до 12');
  await callback.getByLabel('Вопрос').fill('Сколько стоит группа полного дня?');
  await callback.getByLabel('Согласен(на) на обработку персональных данных').check();
  await callback.getByRole('button', { name: 'Перезвоните мне' }).click();
  await callback.getByRole('status').getByText(/Заявка отправлена/).waitFor();

  // The business card for the materials.
  const card = visitor.locator('.card-for-materials');
  await card.getByLabel('Имя').fill('Светлана Орлова');
  await card.getByLabel('Организация').fill('Детский сад № 12, Тверь');
  await card.getByLabel('Должность').fill('методист');
  await card.getByLabel('Эл. почта').fill('orlova@ds12.example.ru');
  await card.getByLabel('Согласен(на) на обработку персональных данных').check();
  await card.getByRole('button', { name: 'Получить материалы на почту' }).click();
  await card.getByRole('status').getByText(/orlova@ds12\.example\.ru/).waitFor();

  // The exhibitor sees both without reloading, the card with its e-mail state.
  const rows = staff.locator('tr.cab-lead', { hasText: 'Светлана Орлова' });
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
  await staff.locator('tr.cab-lead', { hasText: 'Детский сад № 12, Тверь' }).locator('.cab-mail--outbox').waitFor({ timeout: 15_000 });
  await staff.locator('tr.cab-lead', { hasText: '+7 (903) 555-12-34' }).waitFor();

  const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('link', { name: /Скачать CSV/ }).click()]);
  const csv = (await fs.readFile((await download.path())!)).toString('utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Детский сад № 12, Тверь');
  expect(csv).toContain('Сколько стоит группа полного дня?');

  // The stand counted the visit and the play.
  const stats = await suite.server.analytics.of('korablik');
  expect(stats.totals).toMatchObject({ visits: 1, videoPlays: 1, leads: 2 });
});
