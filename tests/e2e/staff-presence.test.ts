// Staff presence from any cabinet tab, in two real Chromium pages: the «Кораблик» exhibitor
// works in the stand editor (not the Chats tab), a visitor at the stand sees the staff
// online and asks; the cabinet shows the question in a toast, in the Chats tab's unread badge
// and in the browser tab's title; the toast opens the conversation. With no input for the
// away time (the page's clock run forward) the visitor sees "away"; input brings "online" back.
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { API } from '../../shared/api.ts';
import { STAFF_AWAY_AFTER_MS } from '../../shared/staffPresence.ts';
import { openPage, useBrowserSuite } from './harness.ts';

const POLL = { timeout: 15_000, interval: 100 };

const suite = useBrowserSuite();

/** The exhibitor's cabinet, logged in through the API, with a clock the test can run forward. */
async function openCabinet(email: string, password: string, path: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; context: BrowserContext }> {
  const res = await fetch(suite.url + API.login, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('expo_session=')) ?? '';
  const [name, value] = session.split('=') as [string, string];
  const context = await suite.browser.newContext({ viewport });
  await context.addCookies([{ name, value, url: suite.url }]);
  // Time flows as usual until the test jumps it forward (the away check reads this clock).
  await context.clock.install();
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[cabinet page error]', e.message));
  await page.goto(suite.url + path);
  return { page, context };
}

it('an exhibitor in the stand editor is online for visitors, hears questions, and goes away when idle', async () => {
  const { page: staff, context } = await openCabinet('korablik@expo.local', 'expo-demo-korablik', '/cabinet/korablik/stand');
  await staff.locator('.cab-editor__form').waitFor({ timeout: 20_000 });

  const visitor = await openPage(suite.browser, `${suite.url}/floor/school/stand/sc-a11`, undefined, { name: 'Мария', colour: 2 });
  const presence = visitor.locator('.stand-chat__staff');
  await presence.waitFor({ timeout: 20_000 });
  // Not in the Chats tab, yet online: the cabinet itself is connected.
  await visitor.locator('.stand-chat__staff[data-staff="online"]', { hasText: 'На связи: Анна Смирнова' }).waitFor({ timeout: 20_000 });

  const box = visitor.locator('.stand-chat textarea');
  await box.fill('Здравствуйте! Есть ли группы для детей 6 лет?');
  await box.press('Enter');
  await expect.poll(() => box.inputValue(), POLL).toBe('');

  // The editor stays where it was; the question comes to it.
  const toast = staff.locator('.q-toast', { hasText: 'Есть ли группы для детей 6 лет?' });
  await toast.waitFor({ timeout: 15_000 });
  await expect(toast.textContent()).resolves.toContain('Мария');
  const badge = staff.locator('#cab-tab-chats .cab-tab__count');
  await expect.poll(() => badge.textContent(), POLL).toMatch(/^1\b/);
  await expect(badge.textContent()).resolves.toContain('непрочитанное сообщение');
  await expect.poll(() => staff.title(), POLL).toMatch(/^\(1\) Кабинет экспонента/);
  expect(staff.url()).toMatch(/\/cabinet\/korablik\/stand$/);
  await staff.screenshot({ path: '/tmp/f1-toast-1280.png' });

  // The toast opens the conversation in the Chats tab; reading it clears the counts.
  await toast.getByRole('button', { name: 'Открыть' }).click();
  await staff.waitForURL(/\/cabinet\/korablik\/chats$/);
  await staff.locator('.inbox-conv .chat-msg', { hasText: 'Есть ли группы для детей 6 лет?' }).waitFor({ timeout: 15_000 });
  await expect.poll(() => badge.count(), POLL).toBe(0);
  await expect.poll(() => staff.title(), POLL).toMatch(/^Кабинет экспонента/);
  await expect(staff.locator('.q-toast').count()).resolves.toBe(0);

  // Back to the stand editor, then nobody touches the page for longer than the away time.
  await staff.getByRole('tab', { name: /^Стенд/ }).click();
  await staff.locator('.cab-editor__form').waitFor();
  await context.clock.fastForward(STAFF_AWAY_AFTER_MS + 60_000);
  await visitor.locator('.stand-chat__staff[data-staff="away"]', { hasText: 'Сотрудники отошли: Анна Смирнова' }).waitFor({ timeout: 15_000 });
  await visitor.locator('.stand-chat').screenshot({ path: '/tmp/f1-away-chat.png' });

  // The exhibitor moves the mouse: online again.
  await staff.mouse.move(200, 200);
  await staff.mouse.move(240, 260, { steps: 3 });
  await visitor.locator('.stand-chat__staff[data-staff="online"]').waitFor({ timeout: 15_000 });

  // A hidden tab counts as away at once (the browser says so through visibilitychange).
  await staff.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await visitor.locator('.stand-chat__staff[data-staff="away"]').waitFor({ timeout: 15_000 });

  // The cabinet closed: offline.
  await context.close();
  await visitor.locator('.stand-chat__staff[data-staff="offline"]').waitFor({ timeout: 40_000 });
  await visitor.close();
});

it('on a phone the toast sits across the bottom and does not hide the tabs', async () => {
  const { page: staff, context } = await openCabinet('korablik@expo.local', 'expo-demo-korablik', '/cabinet/korablik/leads', { width: 390, height: 844 });
  await staff.getByRole('tablist', { name: 'Разделы кабинета' }).waitFor({ timeout: 20_000 });
  const visitor = await openPage(suite.browser, `${suite.url}/floor/school/stand/sc-a11`, undefined, { name: 'Олег', colour: 3 });
  await visitor.locator('.stand-chat__staff[data-staff="online"]').waitFor({ timeout: 20_000 });
  const box = visitor.locator('.stand-chat textarea');
  await box.fill('А в субботу вы работаете?');
  await box.press('Enter');
  await expect.poll(() => box.inputValue(), POLL).toBe('');
  const toast = staff.locator('.q-toast', { hasText: 'А в субботу вы работаете?' });
  await toast.waitFor({ timeout: 15_000 });
  const t = (await toast.boundingBox())!;
  const tabs = (await staff.getByRole('tablist', { name: 'Разделы кабинета' }).boundingBox())!;
  expect(t.x).toBeGreaterThanOrEqual(0);
  expect(t.x + t.width).toBeLessThanOrEqual(390);
  expect(t.y).toBeGreaterThan(tabs.y + tabs.height);
  await staff.screenshot({ path: '/tmp/f1-toast-390.png' });
  await Promise.all([context.close(), visitor.close()]);
});
