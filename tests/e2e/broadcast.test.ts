// The broadcast page in real Chromium (issue 13): an organiser logs in, opens
// /broadcast/<event>, goes live, reveals and copies the ingest address, pushes a few seconds
// of ffmpeg's test pattern to exactly what the page shows, and sees the bitrate and
// resolution arrive; a visitor on the event page is counted live on both pages; "end" stops it
// and the recording is ready. A moderator of another event is refused. Phone and desktop
// screenshots go to tests/.artifacts/broadcast.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import type { ProgrammeView } from '../../shared/programme/views.ts';
import { ROOT } from '../../server/config.ts';
import { DEMO_ACCOUNTS } from '../../scripts/demo-accounts.ts';
import { call } from '../fixtures/cabinet.ts';
import { push, srtPortBase, waitFor } from '../stream/streamDriver.ts';
import { openPage, useBrowserSuite } from './harness.ts';

const SHOTS = path.join(ROOT, 'tests', '.artifacts', 'broadcast');
const organiser = DEMO_ACCOUNTS.find((a) => a.role === 'organiser')!;
const moderator = DEMO_ACCOUNTS.find((a) => a.role === 'moderator')!;

// The fair clock on day 2 of the sample, so that stage events are live and their pages show the player and Q&A.
const suite = useBrowserSuite(() => ({
  fairClockOffsetMs: Date.parse('2026-04-15T12:10:00+03:00') - Date.now(),
  config: { watchLevels: false, watchProgramme: false, streamSrtPortBase: srtPortBase() + 100 },
}));
beforeAll(async () => {
  await fs.mkdir(SHOTS, { recursive: true });
});

async function logIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${suite.url}/cabinet`);
  await page.getByLabel('Эл. почта').fill(who.email);
  await page.getByLabel('Пароль', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await waitFor('a session', async () => (await page.context().cookies()).some((c) => c.name === 'expo_session'));
}

const stat = (page: Page, key: string) => page.locator(`[data-stat="${key}"] dd`);

describe('broadcast page', () => {
  it('goes live, shows the key, receives the test pattern with its bitrate and resolution, counts a viewer, ends', async () => {
    const programme = (await (await fetch(suite.url + API.programme)).json()) as ProgrammeView;
    const live = programme.events.filter((e) => e.state === 'live' && e.source?.kind === 'stage');
    const event = live[0]!;
    const other = live.find((e) => e.id !== event.id)!;
    expect(event).toBeDefined();

    const page = await openPage(suite.browser, `${suite.url}/broadcast/${event.id}`, { width: 1280, height: 900 }, null);
    // Without a session the page asks for one (the server refuses the data).
    await page.getByText('Войдите в кабинет организатора или модератора').waitFor();
    await logIn(page, organiser);
    await page.goto(`${suite.url}/broadcast/${event.id}`);
    await page.locator('[data-stream-state="off"]').waitFor();
    expect(await page.locator('[data-stream-key]').getAttribute('type')).toBe('password');
    expect(await page.locator('[data-ingest-url]').inputValue()).not.toMatch(/passphrase=[A-Za-z0-9_-]{32}/);

    await page.getByRole('button', { name: 'В эфир' }).click();
    await page.locator('[data-stream-state="waiting"]').waitFor();
    await page.getByRole('button', { name: 'Показать ключ' }).click();
    const url = await page.locator('[data-ingest-url]').inputValue();
    const key = await page.locator('[data-stream-key]').inputValue();
    expect(url).toContain(`passphrase=${key}`);
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await page.getByRole('button', { name: 'Копировать адрес' }).click();
    await page.getByText(/^Скопировано$|^Не удалось скопировать/).waitFor();

    // Long enough to outlast the checks below; "end" cuts it off.
    const sending = push(url, 45);
    await page.locator('[data-stream-state="receiving"]').waitFor({ timeout: 20_000 });
    await waitFor('resolution', async () => (await stat(page, 'resolution').textContent())?.includes('640×360'), 20_000);
    const bitrate = await waitFor('bitrate', async () => {
      const text = (await stat(page, 'bitrate').textContent()) ?? '—';
      return text !== '—' ? text : null;
    }, 20_000);
    expect(bitrate).toMatch(/^\d+(\.\d)? (кбит\/с|Мбит\/с)$/);
    expect(Number((await stat(page, 'fps').textContent()) ?? 0)).toBeGreaterThan(5);
    expect(await stat(page, 'dropped').textContent()).toMatch(/^\d+$/);

    // A visitor on the event page is counted: on the broadcast page and under the player.
    const visitor = await openPage(suite.browser, `${suite.url}/programme/${event.id}`, { width: 390, height: 844 });
    await visitor.locator('.player-viewers[data-viewers="1"]').waitFor({ timeout: 60_000 }).catch(async (e: unknown) => {
      await visitor.screenshot({ path: path.join(SHOTS, 'failed-event-page.png'), fullPage: true });
      throw e;
    });
    await page.locator('[data-viewers]').filter({ hasText: /^1$/ }).waitFor({ timeout: 20_000 });
    await visitor.screenshot({ path: path.join(SHOTS, 'event-page-phone.png'), fullPage: true });
    await page.locator('[data-stream-state="receiving"]').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'receiving-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(SHOTS, 'receiving-phone.png'), fullPage: true });
    // Nothing on a phone is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole('button', { name: 'Завершить эфир' }).click();
    await page.locator('[data-stream-state="off"]').waitFor({ timeout: 20_000 });
    await page.getByText('Запись готова и доступна в библиотеке.').waitFor();
    await sending;
    await visitor.close();

    // The organiser makes the moderator the other event's; then this event is not theirs.
    await page.goto(`${suite.url}/broadcast/${other.id}`);
    await page.locator(`[data-moderator-option="${moderator.id}"]`).check();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Модераторы сохранены').waitFor();
    await page.close();
    expect((await call(suite.url, 'GET', apiPath(API.broadcastModerators, { eventId: other.id }))).status).toBe(401);

    const modPage = await openPage(suite.browser, `${suite.url}/cabinet`, { width: 390, height: 844 }, null);
    await logIn(modPage, moderator);
    await modPage.goto(`${suite.url}/broadcast/${event.id}`);
    await modPage.getByText('Эта трансляция вам недоступна').waitFor();
    await modPage.goto(`${suite.url}/broadcast/${other.id}`);
    await modPage.locator('[data-stream-state="off"]').waitFor();
    // Moderators do not replace keys or assign moderators.
    expect(await modPage.getByRole('button', { name: 'Новый ключ' }).count()).toBe(0);
    expect(await modPage.locator('[data-moderator-option]').count()).toBe(0);
    await modPage.screenshot({ path: path.join(SHOTS, 'moderator-phone.png'), fullPage: true });
    await modPage.close();
  }, 180_000);
});
