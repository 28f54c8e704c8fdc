// The exhibitor cabinet in real headless Chromium against the real server: an exhibitor logs
// in with a demo account, watches leads arrive live, works them, exports CSV, edits the stand
// and a visitor sees the change; another exhibitor sees only its own stand.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, DirectoryEntry, apiPath } from '../../shared/api.ts';
import { StandContent } from '../../shared/standContent.ts';
import { ROOT } from '../../server/config.ts';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts.ts';
import { visitorCookie } from '../fixtures/visitor.ts';
import { openPage, docShot, useBrowserSuite } from './harness.ts';

const SHOTS = path.join(ROOT, 'tests', '.artifacts', 'cabinet');
const korablik = DEMO_ACCOUNTS.find((a) => a.id === 'korablik')!;
const gavan = DEMO_ACCOUNTS.find((a) => a.id === 'gavan')!;

const suite = useBrowserSuite();

beforeAll(async () => {
  await fs.mkdir(SHOTS, { recursive: true });
});

// Drivers: each step in the words of the person doing it.

async function logIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Эл. почта').fill(who.email);
  await page.getByLabel('Пароль', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('tablist', { name: 'Разделы кабинета' }).waitFor();
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await page.waitForFunction((n) => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.startsWith(n), name);
}

/** A visitor at the stand sends a form (from outside the browser, as another person would). */
async function visitorSends(kind: 'callback' | 'card', exhibitorId: string, body: unknown): Promise<void> {
  const url = suite.url + apiPath(kind === 'callback' ? API.callback : API.cardForMaterials, { exhibitorId });
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(201);
}

async function standOf(exhibitorId: string): Promise<DirectoryEntry> {
  const list = DirectoryEntry.array().parse(await (await fetch(suite.url + API.directory)).json());
  const entry = list.find((d) => d.exhibitor === exhibitorId);
  if (!entry) throw new Error(`exhibitor ${exhibitorId} has no stand`);
  return entry;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

describe('the exhibitor cabinet', () => {
  it('logs in, gets leads live, works them, exports CSV, edits the stand; the visitor sees it', async () => {
    const page = await openPage(suite.browser, `${suite.url}/cabinet`, { width: 1280, height: 800 }, null);
    await page.getByRole('heading', { name: 'Вход в кабинет экспонента' }).waitFor();
    await shoot(page, 'login-1280');

    // A wrong password is refused in words, and nothing else happens.
    await page.getByLabel('Эл. почта').fill(korablik.email);
    await page.getByLabel('Пароль', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByText('Неверная эл. почта или пароль.').waitFor();

    await logIn(page, korablik);
    await page.waitForURL(/\/cabinet\/[a-z0-9-]+\/stand$/);

    // The picker holds the account's two stands and nobody else's.
    const options = await page.locator('#cab-picker-select option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options.sort()).toEqual([...korablik.exhibitors].sort());
    await page.selectOption('#cab-picker-select', 'korablik');
    await page.waitForURL(/\/cabinet\/korablik\/stand$/);

    // The way back to the hall points at the stand's real place.
    const place = await standOf('korablik');
    await expect(page.getByRole('link', { name: /Открыть мой стенд на выставке/ }).getAttribute('href')).resolves.toBe(
      `/floor/${place.floor}/stand/${place.stand}`,
    );

    await page.locator('.stand-interior').first().waitFor();
    await shoot(page, 'stand-1280');

    // Leads arrive without a reload, highlighted and announced.
    await openTab(page, 'Заявки');
    await page.locator('.cab-live--live').waitFor();
    await page.getByText('Заявок пока нет').waitFor();
    await visitorSends('callback', 'korablik', {
      name: 'Мария Иванова',
      phone: '+7 916 123-45-67',
      preferredTime: 'будни после 15:00',
      question: 'Есть ли группы для первоклассников?',
      consent: true,
    });
    const callbackRow = page.locator('tr.cab-lead', { hasText: 'Мария Иванова' });
    await callbackRow.waitFor();
    await expect(callbackRow.getAttribute('class')).resolves.toContain('is-fresh');
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent?.includes('Мария Иванова'));

    await visitorSends('card', 'korablik', {
      card: { name: 'Пётр Сидоров', organisation: 'Школа № 57', position: 'Завуч', email: 'petr@school57.example.ru', phone: '' },
      consent: true,
    });
    const cardRow = page.locator('tr.cab-lead', { hasText: 'Пётр Сидоров' });
    await cardRow.waitFor();
    await expect(cardRow.textContent()).resolves.toContain('Школа № 57');
    // The materials e-mail's fate follows live (no SMTP here: it lands in the outbox).
    await cardRow.locator('.cab-mail--outbox').waitFor();
    await expect(page.locator('.cab-filters__count').textContent()).resolves.toBe('2 заявки');
    await shoot(page, 'leads-1280');

    // Status and note are saved on the server.
    await callbackRow.getByLabel('Статус заявки: Мария Иванова').selectOption('called');
    await callbackRow.getByRole('button', { name: /Добавить заметку/ }).click();
    await callbackRow.getByLabel('Заметка к заявке: Мария Иванова').fill('Перезвонить в четверг');
    await callbackRow.getByRole('button', { name: 'Сохранить' }).click();
    await callbackRow.getByText('Перезвонить в четверг').waitFor();
    // The table shows a change at once (optimistic); the server has it when the PATCH answers.
    const serverLead = async () => {
      const saved = await page.evaluate(async (url) => (await fetch(url)).json(), apiPath(API.cabinetLeads, { exhibitorId: 'korablik' }));
      return (saved as { callback?: { name: string }; status: string; note: string }[]).find((l) => l.callback?.name === 'Мария Иванова');
    };
    await expect.poll(serverLead, { timeout: 10_000 }).toMatchObject({ status: 'called', note: 'Перезвонить в четверг' });

    // Filters narrow the table.
    await page.getByLabel('Тип', { exact: true }).selectOption('card');
    await expect(page.locator('tr.cab-lead').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    await expect(page.locator('tr.cab-lead').count()).resolves.toBe(2);

    // CSV: UTF-8 with a BOM, Cyrillic intact.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Скачать CSV/ }).click()]);
    const csv = await fs.readFile((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text).toContain('Мария Иванова');
    expect(text).toContain('Пётр Сидоров');
    expect(text).toContain('Перезвонить в четверг');

    // Analytics: today's visits, plays, downloads and the two leads.
    // Two visitors: each is its browser's signed cookie (a visitorId in the body is ignored).
    const visitors = { a: await visitorCookie(suite.url), b: await visitorCookie(suite.url) };
    for (const [kind, who] of [['visit', 'a'], ['visit', 'b'], ['visit', 'a'], ['video', 'a'], ['download', 'b']] as const) {
      const res = await fetch(suite.url + apiPath(API.standEvents, { exhibitorId: 'korablik' }), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', cookie: visitors[who] },
        body: JSON.stringify({ kind }),
      });
      expect(res.status).toBe(204);
    }
    await openTab(page, 'Аналитика');
    await page.locator('.cab-totals').waitFor();
    const total = (name: string) => page.locator('.cab-total', { has: page.getByText(name, { exact: true }) }).locator('dd').textContent();
    await expect(total('Посещения')).resolves.toBe('3');
    await expect(total('Уникальные посетители')).resolves.toBe('2');
    await expect(total('Заявки')).resolves.toBe('2');
    // The numbers are also a table, always there for screen readers.
    await expect(page.locator('#cab-an-table tbody tr').first().textContent()).resolves.toMatch(/3.*2.*1.*1.*2/);
    await shoot(page, 'analytics-1280');

    await openTab(page, 'Чаты');
    // The inbox is the chat feature's; a picture of it once it has connected, if it does.
    await page.locator('.inbox').waitFor({ timeout: 5000 }).catch(() => {});
    await shoot(page, 'chats-1280');

    // Edit the description and save; the visitor's page shows the new text.
    await openTab(page, 'Стенд');
    const description = `Обновлено в кабинете: летняя школа робототехники для 5–9 классов (${Date.now()}).`;
    await page.getByLabel('Подробное описание').fill(description);
    await page.getByText('Есть несохранённые изменения').waitFor();
    // The preview follows the draft as it is typed.
    await page.locator('.cab-editor__preview').getByText(description).waitFor();
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.locator('.cab-savebar [role="status"]').getByText('Стенд сохранён. Посетители уже видят изменения.').waitFor();
    await page.getByText('Все изменения сохранены').waitFor();
    await page.locator('.cabinet').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: docShot('cabinet.png') });

    const visitor = await openPage(suite.browser, `${suite.url}/floor/${place.floor}/stand/${place.stand}`);
    await visitor.locator('.stand-dialog[open]').getByText(description).waitFor({ timeout: 20_000 });
    await visitor.close();

    // A broken field is refused next to the field and in the summary; nothing is sent.
    await page.getByLabel('Сайт', { exact: true }).fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByRole('heading', { name: /Исправьте 1 поле/ }).waitFor();
    await page.locator('#cab-exhibitor-contacts-site-error').getByText('http://').waitFor();
    await page.getByRole('button', { name: 'Отменить изменения' }).click();
    await page.getByText('Все изменения сохранены').waitFor();

    // Log out: back to the login page; the API no longer answers for this browser.
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByText('Вы вышли из кабинета.').waitFor();
    const after = await page.evaluate(async (url) => (await fetch(url)).status, API.me);
    expect(after).toBe(401);
    await page.close();
  });

  it('on a phone: every tab fits 390 px, and an exhibitor sees only its own stand', async () => {
    const page = await openPage(suite.browser, `${suite.url}/cabinet/korablik/leads`, { width: 390, height: 844 }, null);
    await page.getByRole('heading', { name: 'Вход в кабинет экспонента' }).waitFor();
    await shoot(page, 'login-390');
    await logIn(page, gavan);

    // Someone else's stand in the address falls back to the account's own.
    await page.waitForURL(/\/cabinet\/detskaya-gavan\/stand$/);
    await expect(page.locator('#cab-picker-select').count()).resolves.toBe(0);
    await expect(page.locator('.cab-picker--single').textContent()).resolves.toContain('Детская гавань');
    const foreign = await page.evaluate(async (url) => (await fetch(url)).status, apiPath(API.cabinetLeads, { exhibitorId: 'korablik' }));
    expect(foreign).toBe(403);

    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth && document.querySelector('.cabinet')!.scrollWidth <= window.innerWidth);
    await page.locator('.cab-editor__form').waitFor();
    expect(await fits()).toBe(true);
    // The company name is the organisers' to change: it looks read-only, is not marked
    // required, and says who changes it.
    const name = page.locator('#cab-exhibitor-name');
    await expect(name.evaluate((el: HTMLInputElement) => el.readOnly)).resolves.toBe(true);
    await expect(page.locator('label[for="cab-exhibitor-name"] .cab-field__required').count()).resolves.toBe(0);
    await expect(name.evaluate((el) => getComputedStyle(el).borderTopColor)).resolves.toBe('rgba(0, 0, 0, 0)');
    await expect(page.locator('#cab-exhibitor-name-hint').textContent()).resolves.toContain('Название меняет оргкомитет');
    await expect(name.getAttribute('aria-describedby')).resolves.toContain('cab-exhibitor-name-hint');
    await shoot(page, 'stand-390');
    await page.getByRole('button', { name: 'Предпросмотр стенда' }).click();
    await page.locator('.stand-interior').waitFor();
    await shoot(page, 'preview-390');
    await page.getByRole('button', { name: 'Вернуться к редактированию' }).click();

    await visitorSends('callback', 'detskaya-gavan', { name: 'Анна Кузнецова', phone: '+7 (900) 765-43-21', preferredTime: '', question: '', consent: true });
    await openTab(page, 'Заявки');
    await page.locator('tr.cab-lead', { hasText: 'Анна Кузнецова' }).waitFor();
    expect(await fits()).toBe(true);
    await shoot(page, 'leads-390');

    await openTab(page, 'Аналитика');
    await page.locator('.cab-chart svg').waitFor();
    expect(await fits()).toBe(true);
    await shoot(page, 'analytics-390');

    // Keyboard: arrows move between tabs.
    await page.getByRole('tab', { name: 'Аналитика' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/\/chats$/);
    await shoot(page, 'chats-390');

    // English, remembered with the hall's language preference.
    await page.getByRole('button', { name: /EN/ }).click();
    await page.getByRole('tab', { name: 'Leads' }).waitFor();
    await page.close();
  });

  it('edits the interior: uploads, reorder and a webinar in the exhibitor\'s own time zone', async () => {
    // An exhibitor in Yekaterinburg (UTC+5) types 15:00; the stand stores 15:00+05:00.
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 }, timezoneId: 'Asia/Yekaterinburg' });
    page.on('pageerror', (e) => console.error('[page error]', e.message));
    await page.goto(`${suite.url}/cabinet/teplyj-dom/stand`);
    await logIn(page, korablik);
    await page.waitForURL(/\/cabinet\/teplyj-dom\/stand$/);
    const before = StandContent.parse(await page.evaluate(async (url) => (await fetch(url)).json(), apiPath(API.cabinetContent, { exhibitorId: 'teplyj-dom' })));

    // A material: the file's title, type and size come from the upload.
    await page.locator('#cab-materials-add').setInputFiles(path.join(ROOT, 'assets', 'materials', 'applicant-guide.pdf'));
    await page.getByText('Файл «applicant-guide.pdf» загружен').waitFor();
    await expect(page.getByLabel('Название материала').count()).resolves.toBe(before.materials.length + 1);
    await expect(page.getByLabel('Название материала').last().inputValue()).resolves.toBe('applicant-guide');
    await page.getByLabel('Название материала').last().fill('Справочник для родителей');

    // A gallery card with an uploaded image, moved up one place.
    await page.getByRole('button', { name: /Добавить карточку/ }).click();
    const card = page.locator('#cab-sec-gallery').locator('..').locator('li.cab-item').last();
    await card.locator('input[type=file]').setInputFiles(path.join(ROOT, 'assets', 'gallery', 'campus.jpg'));
    await card.locator('img.cab-thumb').waitFor();
    await card.getByLabel(/^Название/).fill('Экскурсия по саду');
    await card.getByText('Указать цену').click();
    await card.getByLabel('Цена, ₽').fill('1 500');
    await card.getByRole('button', { name: 'Переместить «Экскурсия по саду» выше' }).click();

    // A webinar, typed in local time.
    await page.getByRole('button', { name: /Добавить вебинар/ }).click();
    const webinar = page.locator('#cab-sec-webinars').locator('..').locator('li.cab-item').last();
    await webinar.getByLabel('Формат').selectOption('masterclass');
    await webinar.getByLabel('Тема').fill('Сенсорные игры дома');
    await webinar.getByLabel('Спикер').fill('Елена Орлова');
    await webinar.getByLabel('Начало').fill('2026-12-01T15:00');
    await webinar.getByLabel('Ссылка на трансляцию').fill('https://example.org/live');
    await expect(webinar.textContent()).resolves.toContain('Asia/Yekaterinburg');

    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.locator('.cab-savebar [role="status"]').getByText('Стенд сохранён').waitFor();

    const after = StandContent.parse(await page.evaluate(async (url) => (await fetch(url)).json(), apiPath(API.cabinetContent, { exhibitorId: 'teplyj-dom' })));
    const material = after.materials.at(-1)!;
    expect(material).toMatchObject({ title: 'Справочник для родителей', type: 'application/pdf' });
    expect(material.file).toMatch(/^uploads\/teplyj-dom\//);
    expect(material.size).toBe((await fs.stat(path.join(ROOT, 'assets', 'materials', 'applicant-guide.pdf'))).size);
    expect(after.gallery).toHaveLength(before.gallery.length + 1);
    const moved = after.gallery.at(-2)!;
    expect(moved).toMatchObject({ title: 'Экскурсия по саду', price: 1500 });
    expect(moved.image).toMatch(/^uploads\/teplyj-dom\/.+\.jpg$/);
    expect(after.webinars.at(-1)).toMatchObject({ kind: 'masterclass', start: '2026-12-01T15:00:00+05:00', durationMin: 60 });
    // The uploaded image is served back.
    const image = await fetch(`${suite.url}/${moved.image}`);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    await page.close();
  });
});
