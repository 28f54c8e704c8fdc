// A cold stand page whose chat is still connecting (its matchmaking held back): the visitor
// can already type, the field says the chat is connecting, and a question sent meanwhile is
// shown as sending and goes out, once, as soon as the chat is live; the exhibitor's inbox
// gets it.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { API } from '../../shared/api.ts';
import { ROOMS } from '../../shared/protocol.ts';
import { useBrowserSuite } from './harness.ts';

const POLL = { timeout: 15_000, interval: 100 };

const suite = useBrowserSuite();

/** The exhibitor's cabinet, logged in through the API (the session cookie set in the browser). */
async function openCabinet(email: string, password: string, path: string): Promise<Page> {
  const res = await fetch(suite.url + API.login, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  // The answer may also set the visitor-id cookie: pick the session's.
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('expo_session=')) ?? '';
  const [name, value] = session.split('=') as [string, string];
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name, value, url: suite.url }]);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[cabinet page error]', e.message));
  await page.goto(suite.url + path);
  return page;
}

it('lets the visitor write while the chat connects and sends the question once it is live', async () => {
  const staff = await openCabinet('korablik@expo.local', 'expo-demo-korablik', '/cabinet/korablik/chats');
  await staff.locator('.inbox').waitFor({ timeout: 20_000 });

  // A cold page whose chat joins only when the test lets it: a slow first connection.
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => localStorage.setItem('expo.profile', JSON.stringify({ name: 'Ольга', colour: 3 })));
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  let letJoin!: () => void;
  const joinAllowed = new Promise<void>((resolve) => (letJoin = resolve));
  let joinRequests = 0;
  await page.route(`**/matchmake/*/${ROOMS.standChat}`, async (route) => {
    joinRequests++;
    await joinAllowed;
    await route.continue();
  });
  await page.goto(`${suite.url}/floor/school/stand/sc-a11`);

  const chat = page.locator('.stand-chat');
  await chat.waitFor({ timeout: 20_000 });
  await expect.poll(() => joinRequests, POLL).toBeGreaterThan(0);
  const box = chat.locator('textarea');
  // Still connecting, yet the field is open and says so.
  await chat.locator('.stand-chat__status--connecting').waitFor();
  expect(await box.isEnabled()).toBe(true);
  expect(await box.getAttribute('placeholder')).toContain('Подключаемся');

  const question = 'Можно ли записаться на пробное занятие в субботу?';
  await box.fill(question);
  await box.press('Enter');
  // Waiting for the connection: shown as sending, the text kept as it was sent.
  await chat.getByText('Отправим, как только чат подключится.').waitFor();
  expect(await chat.locator('.chat-composer__send').textContent()).toBe('Отправляем…');
  expect(await box.inputValue()).toBe(question);

  letJoin();
  // Live: the question is posted, the field empties, and it shows once in the chat.
  await chat.locator('.stand-chat__status').waitFor({ state: 'detached', timeout: 15_000 });
  await expect.poll(() => box.inputValue(), POLL).toBe('');
  await expect.poll(() => chat.locator('.chat-msg', { hasText: question }).count(), POLL).toBe(1);
  expect(await box.getAttribute('placeholder')).toBe('Напишите вопрос…');

  // The exhibitor sees it arrive, once.
  const row = staff.locator('.inbox-row', { hasText: 'Общий чат' }).filter({ hasText: 'Стенд A11' });
  await row.locator('.inbox-row__unread').waitFor({ timeout: 10_000 });
  await row.click();
  await expect.poll(() => staff.locator('.inbox-conv .chat-msg', { hasText: question }).count(), POLL).toBe(1);
  await page.close();
  await staff.close();
}, 90_000);
