// The organisers' console in real headless Chromium against the real server: an organiser
// invites a staff member, the mail arrives (the outbox: no SMTP here), its link sets a
// password and the new staff logs in to the cabinet; an announcement sent now appears live on
// an open hall page. Screenshots of every tab (desktop and phone) go to tests/.artifacts.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, DirectoryEntry } from '../../shared/api.ts';
import { ROOT } from '../../server/config.ts';
import { listOutbox } from '../../server/mail/outbox.ts';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts.ts';
import { bootServer, hallSettled, launchBrowser, openPage } from './harness.ts';

const SHOTS = path.join(ROOT, 'tests', '.artifacts', 'organiser');
const organiser = DEMO_ACCOUNTS.find((a) => a.role === 'organiser')!;

let server: Awaited<ReturnType<typeof bootServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await bootServer();
  browser = await launchBrowser();
  await fs.mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function logIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Пароль').fill(who.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('navigation', { name: 'Пульт организатора' }).waitFor();
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { name, level: 2 }).or(page.locator('.org-tiles')).first().waitFor();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe('organisers\u2019 console', () => {
  it('invites a staff member who sets a password from the mail and logs in to the cabinet', async () => {
    const directory = DirectoryEntry.array().parse(await (await fetch(server.url + API.directory)).json());
    const exhibitorId = directory[0]!.exhibitor;
    const page = await openPage(browser, `${server.url}/organiser`, undefined, null);
    await logIn(page, organiser);
    await page.locator('[data-testid="visitors-now"]').waitFor();
    await shoot(page, 'overview-desktop');

    await openTab(page, 'Учётные записи');
    const form = page.locator('form', { hasText: 'Пригласить по e-mail' });
    await form.getByLabel('E-mail').fill('new.staff@example.org');
    await form.getByLabel('Название').fill('Новый сотрудник');
    await form.getByLabel('Экспоненты (через запятую)').fill(exhibitorId);
    await form.getByRole('button', { name: 'Пригласить' }).click();
    await form.getByText('Приглашение отправлено (outbox)').waitFor();
    await page.getByRole('cell', { name: 'new.staff@example.org' }).waitFor();
    await shoot(page, 'accounts-desktop');

    const mail = (await listOutbox(path.join(server.dataDir, 'outbox'))).find((m) => m.to.includes('new.staff@example.org'));
    expect(mail?.subject).toMatch(/Приглашение/);
    const link = /https?:\/\/\S+#token=[A-Za-z0-9_-]{43}/.exec(mail!.text)![0];
    expect(link.startsWith(server.url)).toBe(true);

    const invitee = await openPage(browser, link, undefined, null);
    await invitee.getByLabel('Пароль').fill('staff password 123');
    await invitee.getByRole('button', { name: 'Сохранить пароль' }).click();
    await invitee.getByText('Пароль сохранён для new.staff@example.org').waitFor();
    await invitee.getByRole('link', { name: 'В кабинет экспонента' }).click();
    await invitee.getByLabel('Эл. почта').fill('new.staff@example.org');
    await invitee.getByLabel('Пароль', { exact: true }).fill('staff password 123');
    await invitee.getByRole('button', { name: 'Войти' }).click();
    await invitee.getByRole('tablist', { name: 'Разделы кабинета' }).waitFor();
    // The link worked once.
    const again = await fetch(server.url + API.acceptInvitation, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: link.split('#token=')[1], password: 'another password 1' }),
    });
    expect(again.status).toBe(410);
    await invitee.close();

    for (const [tab, name] of [
      ['Экспоненты', 'exhibitors'],
      ['Журнал', 'audit'],
    ] as const) {
      await openTab(page, tab);
      await page.locator('table').first().waitFor();
      await shoot(page, `${name}-desktop`);
    }
    await page.close();
  }, 120_000);

  it('shows an announcement sent now live on an open hall page', async () => {
    const hall = await openPage(browser, `${server.url}/`);
    await hallSettled(hall);
    const page = await openPage(browser, `${server.url}/organiser`, undefined, null);
    await logIn(page, organiser);
    await openTab(page, 'Объявления');
    await page.getByLabel('Текст (русский)').fill('Открытие начинается через пять минут');
    await page.getByLabel('Текст (английский)').fill('The opening starts in five minutes');
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByText('Объявление отправлено').waitFor();
    await hall.locator('.announce__banner', { hasText: 'Открытие начинается через пять минут' }).waitFor({ timeout: 10_000 });
    await shoot(page, 'announcements-desktop');
    await hall.screenshot({ path: path.join(SHOTS, 'hall-announcement.png') });
    // A page opened later gets it over HTTP.
    await hall.close();
    const later = await openPage(browser, `${server.url}/`);
    await later.locator('.announce__banner', { hasText: 'Открытие начинается через пять минут' }).waitFor({ timeout: 30_000 });
    await later.close();

    // The phone layout of the console.
    const phone = await openPage(browser, `${server.url}/organiser`, { width: 390, height: 844 }, null);
    await logIn(phone, organiser);
    await phone.locator('[data-testid="visitors-now"]').waitFor();
    await shoot(phone, 'overview-phone');
    await openTab(phone, 'Учётные записи');
    await shoot(phone, 'accounts-phone');
    await openTab(phone, 'Экспоненты');
    await phone.locator('table').first().waitFor();
    await shoot(phone, 'exhibitors-phone');
    for (const p of [page, phone]) await p.close();
  }, 180_000);
});
