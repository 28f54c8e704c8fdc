// The console and the programme in real headless Chromium against the real server: a visitor
// on a live event's page is counted among that event's viewers on "the fair at a glance"; the
// organiser picks the event from the programme list and announces to its viewers; the toast
// reaches the open event page live (through the event's Q&A room) and a page opened later
// shows it on load. Screenshots (desktop and phone) go to tests/.artifacts/organiser-events.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, it } from 'vitest';
import { API } from '../../shared/api.ts';
import type { ProgrammeView } from '../../shared/programme/views.ts';
import { ROOT } from '../../server/config.ts';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts.ts';
import { openPage, useBrowserSuite } from './harness.ts';

const SHOTS = path.join(ROOT, 'tests', '.artifacts', 'organiser-events');
const organiser = DEMO_ACCOUNTS.find((a) => a.role === 'organiser')!;

// The fair clock on day 2 of the sample, when stage events are live (their pages open the Q&A).
const suite = useBrowserSuite(() => ({
  fairClockOffsetMs: Date.parse('2026-04-15T12:10:00+03:00') - Date.now(),
  config: { watchLevels: false, watchProgramme: false },
}));
beforeAll(async () => {
  await fs.mkdir(SHOTS, { recursive: true });
});

async function logIn(page: Page): Promise<void> {
  await page.getByLabel('E-mail').fill(organiser.email);
  await page.getByLabel('Пароль').fill(organiser.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('navigation', { name: 'Пульт организатора' }).waitFor();
}

const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

describe('the console and the programme', () => {
  it('counts an event page\u2019s viewer and announces to the viewers of that event, live and on load', async () => {
    const programme = (await (await fetch(suite.url + API.programme)).json()) as ProgrammeView;
    const event = programme.events.find((e) => e.state === 'live')!;
    const title = event.title.ru;

    const visitor = await openPage(suite.browser, `${suite.url}/programme/${event.id}`);
    await visitor.getByRole('heading', { name: title, level: 1 }).waitFor();

    const console_ = await openPage(suite.browser, `${suite.url}/organiser`, undefined, null);
    await logIn(console_);
    const viewers = console_.locator('[data-testid="event-viewers"]');
    // The overview refreshes every 5 s; the room writes its count every 2 s.
    await viewers.getByRole('row', { name: `${title} 1` }).waitFor({ timeout: 30_000 });
    await console_.locator('[data-testid="moderation"]').getByRole('row', { name: new RegExp(title) }).waitFor({ timeout: 30_000 });
    await shoot(console_, 'overview-desktop');

    await console_.getByRole('button', { name: 'Объявления', exact: true }).click();
    await console_.getByLabel('Кому').selectOption('event');
    await console_.locator('select[name="target"]').selectOption(event.id);
    await console_.locator('select[name="style"]').selectOption('toast');
    await console_.getByLabel('Текст (русский)').fill('Вопросы спикеру принимаем до 12:30');
    await console_.getByLabel('Текст (английский)').fill('Questions to the speaker until 12:30');
    await console_.getByRole('button', { name: 'Отправить' }).click();
    await console_.getByText('Объявление отправлено').waitFor();
    await console_.getByRole('cell', { name: new RegExp(title) }).waitFor();
    await shoot(console_, 'announcements-desktop');

    await visitor.locator('.announce__toast', { hasText: 'Вопросы спикеру принимаем до 12:30' }).waitFor({ timeout: 10_000 });
    await shoot(visitor, 'event-page-desktop');

    // Opened later, on a phone: read on load; another event's page does not show it.
    const later = await openPage(suite.browser, `${suite.url}/programme/${event.id}`, { width: 390, height: 844 });
    await later.locator('.announce__toast', { hasText: 'Вопросы спикеру принимаем до 12:30' }).waitFor({ timeout: 20_000 });
    await shoot(later, 'event-page-phone');
    const other = programme.events.find((e) => e.id !== event.id && e.state === 'live') ?? programme.events.find((e) => e.id !== event.id)!;
    const elsewhere = await openPage(suite.browser, `${suite.url}/programme/${other.id}`);
    await elsewhere.getByRole('heading', { name: other.title.ru, level: 1 }).waitFor();
    await elsewhere.waitForLoadState('networkidle');
    if ((await elsewhere.locator('.announce__toast').count()) !== 0) throw new Error('another event\u2019s page shows the announcement');

    const phone = await openPage(suite.browser, `${suite.url}/organiser`, { width: 390, height: 844 }, null);
    await logIn(phone);
    await phone.locator('[data-testid="event-viewers"]').getByRole('row', { name: new RegExp(title) }).waitFor({ timeout: 30_000 });
    await shoot(phone, 'overview-phone');
    await phone.getByRole('button', { name: 'Объявления', exact: true }).click();
    await phone.getByLabel('Кому').selectOption('event');
    await shoot(phone, 'announcements-phone');
    for (const p of [visitor, console_, later, elsewhere, phone]) await p.close();
  }, 180_000);
});
