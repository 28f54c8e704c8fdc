// Stand chat in two real Chromium pages: a visitor asks at the «Кораблик» stand, the
// exhibitor (logged in, in the cabinet's Chats tab) sees it live and answers, the visitor sees
// the answer with the staff badge and company; markup stays text, links are safe; an answer
// that arrives after the visitor walked away is counted in the hall, also after a reload.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { API } from '../../shared/api.ts';
import { hallSettled, openPage, useBrowserSuite } from './harness.ts';

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

async function say(page: Page, scope: string, text: string): Promise<void> {
  const box = page.locator(`${scope} textarea`);
  await box.fill(text);
  await box.press('Enter');
  // Sent: the field empties (a refusal would leave the text and say why).
  await expect.poll(async () => ((await box.inputValue()) === '' ? '' : await page.locator(`${scope} .chat-composer__error`).textContent()), POLL).toBe('');
}

it('a visitor asks, the exhibitor answers from the cabinet, live in both directions', async () => {
  const staff = await openCabinet('korablik@expo.local', 'expo-demo-korablik', '/cabinet/korablik/chats');
  await staff.locator('.inbox').waitFor({ timeout: 20_000 });

  const visitor = await openPage(suite.browser, `${suite.url}/floor/school/stand/sc-a11`, undefined, { name: 'Мария', colour: 2 });
  const chat = visitor.locator('.stand-chat');
  await chat.waitFor({ timeout: 20_000 });
  // The inbox is open, so the stand shows its staff online.
  await chat.getByText('На связи: Анна Смирнова').waitFor({ timeout: 20_000 });

  const question = 'Есть ли у вас группы для детей 5 лет? <img src=x onerror="window.__pwned=1"> javascript:alert(1)';
  await say(visitor, '.stand-chat', question);
  await chat.locator('.chat-msg', { hasText: 'Есть ли у вас группы' }).waitFor();

  // The exhibitor sees it arrive without reloading, opens it and answers.
  const row = staff.locator('.inbox-row', { hasText: 'Общий чат' }).filter({ hasText: 'Стенд A11' });
  await row.locator('.inbox-row__unread').waitFor({ timeout: 10_000 });
  await row.click();
  await staff.locator('.inbox-conv .chat-msg', { hasText: 'Есть ли у вас группы' }).waitFor();
  await say(staff, '.inbox-conv', 'Да! Расписание групп: https://korablik.example.org/groups');

  const answer = chat.locator('.chat-msg', { hasText: 'Расписание групп' });
  await answer.waitFor({ timeout: 10_000 });
  await expect.poll(() => answer.locator('.chat-badge').textContent(), POLL).toBe('Сотрудник');
  expect(await answer.locator('.chat-msg__company').textContent()).toBe('Сеть детских садов «Кораблик»');
  expect(await answer.locator('.chat-msg__name').textContent()).toBe('Анна Смирнова');
  const link = answer.locator('a');
  expect(await link.getAttribute('href')).toBe('https://korablik.example.org/groups');
  expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  expect(await link.getAttribute('target')).toBe('_blank');

  // Markup in the question stayed text: no element was made from it, nothing ran.
  const asked = chat.locator('.chat-msg', { hasText: 'Есть ли у вас группы' });
  expect(await asked.locator('.chat-msg__text').textContent()).toBe(question);
  expect(await asked.locator('img, a').count()).toBe(0);
  expect(await visitor.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // The visitor walks away; a private answer to a private question is counted in the hall.
  await chat.getByRole('tab', { name: 'Спросить лично' }).click();
  await say(visitor, '.stand-chat', 'А сколько стоит абонемент?');
  await visitor.keyboard.press('Escape');
  await hallSettled(visitor);
  const thread = staff.locator('.inbox-row', { hasText: 'Лично: Мария' });
  await thread.click();
  await say(staff, '.inbox-conv', '4 000 ₽ в месяц, первое занятие бесплатно.');
  const counter = visitor.locator('.chat-unread__button');
  await expect.poll(() => counter.textContent(), POLL).toContain('1 ответ');

  // After a reload the count is still there (from the server), and the stand opens from it.
  await visitor.reload();
  await hallSettled(visitor);
  await expect.poll(() => counter.textContent(), POLL).toContain('1 ответ');
  await counter.click();
  await visitor.getByRole('button', { name: 'Открыть стенд «Сеть детских садов «Кораблик»»' }).click();
  await chat.waitFor();
  await chat.getByRole('tab', { name: 'Спросить лично' }).click();
  await chat.locator('.chat-msg', { hasText: 'первое занятие бесплатно' }).waitFor({ timeout: 10_000 });
  await expect.poll(() => visitor.locator('.chat-unread__button').count(), POLL).toBe(0);
}, 120_000);
