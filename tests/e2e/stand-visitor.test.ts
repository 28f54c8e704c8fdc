// A visitor at a stand, in real headless Chromium against the real server: watches the video
// with captions, browses the gallery in the lightbox, downloads a material, asks for a call
// back, swaps a business card for the materials by e-mail, and finds the card remembered
// after a reload. Screenshots of the stand page go to tests/.artifacts/ (docs/stand.png with UPDATE_DOC_SHOTS=1).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/config.ts';
import { API, apiPath } from '../../shared/api.ts';
import { ExhibitorList } from '../../shared/exhibitor.ts';
import { Level } from '../../shared/level/schema.ts';
import { StandContent } from '../../shared/standContent.ts';
import { webinarTime } from '../../client/src/ui/stand/format.ts';
import { bootServer, hallSettled, launchBrowser, docShot } from './harness.ts';

const read = (p: string) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8')) as unknown;
const school = Level.parse(read('levels/school.json'));
const exhibitors = new Map(ExhibitorList.parse(read('assets/seed/exhibitors.json')).map((e) => [e.id, e]));
const seed = read('assets/seed/content.json') as Record<string, unknown>;

// The first stand of the school floor whose seed has everything this story needs.
const standOnFloor = school.stands.find((s) => {
  const raw = seed[s.exhibitor];
  if (!raw) return false;
  const c = StandContent.parse(raw);
  return !!c.video?.poster && c.video.captions.length === 2 && c.gallery.length >= 3 && c.materials.length >= 1 && c.webinars.length >= 2;
})!;
const STAND = standOnFloor.id;
const EXHIBITOR = exhibitors.get(standOnFloor.exhibitor)!;
const CONTENT = StandContent.parse(seed[EXHIBITOR.id]);
const ARTIFACTS = path.join(ROOT, 'tests', '.artifacts');

let server: Awaited<ReturnType<typeof bootServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await bootServer();
  browser = await launchBrowser();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A returning visitor in Moscow time, with a fresh browser profile unless one is passed. */
async function visitor(viewport = { width: 1280, height: 800 }, timezoneId = 'Europe/Moscow'): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport, timezoneId, locale: 'ru-RU' });
  await ctx.addInitScript(() => {
    if (!localStorage.getItem('expo.profile')) localStorage.setItem('expo.profile', JSON.stringify({ name: 'Тестовый посетитель', colour: 0 }));
  });
  return ctx;
}

/** Opens the stand by its address and waits for the interior to load. */
async function openStand(ctx: BrowserContext): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  await page.goto(`${server.url}/floor/school/stand/${STAND}`);
  await standLoaded(page);
  return page;
}

/** The stand page shows its interior, and the hall behind has stopped drawing (software WebGL
 * is slow here while it draws, and every click waits for a steady frame). */
async function standLoaded(page: Page): Promise<void> {
  await page
    .getByRole('dialog', { name: EXHIBITOR.name })
    .waitFor()
    .catch(async (err: unknown) => {
      await page.screenshot({ path: path.join(ARTIFACTS, 'stand-not-open.png') });
      throw err;
    });
  await page.locator('.stand-interior [aria-labelledby="stand-gallery-title"]').waitFor();
  await hallSettled(page);
}

/** Stand events the page sent, by kind. */
function recordEvents(page: Page): { kind: string; item?: string }[] {
  const sent: { kind: string; item?: string }[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().endsWith(`/api/exhibitors/${EXHIBITOR.id}/events`)) sent.push(JSON.parse(req.postData() ?? '{}'));
  });
  return sent;
}

describe('a visitor at a stand', () => {
  it('sees the interior, and the video has a poster and captions, waits for the visitor and plays', async () => {
    const ctx = await visitor();
    const events: { kind: string; item?: string }[] = [];
    ctx.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith(`/api/exhibitors/${EXHIBITOR.id}/events`)) events.push(JSON.parse(req.postData() ?? '{}'));
    });
    const page = await openStand(ctx);
    const dialog = page.getByRole('dialog', { name: EXHIBITOR.name });

    // Every section with content is there; prices are in roubles or "on request".
    await expect(dialog.getByRole('heading', { name: 'Видеопрезентация' }).count()).resolves.toBe(1);
    await expect(dialog.locator('.gallery-card').count()).resolves.toBe(CONTENT.gallery.length);
    const prices = await dialog.locator('.gallery-card__price').allTextContents();
    for (const p of prices) expect(p).toMatch(/₽$|^Цена по запросу$|^Бесплатно$/);
    await expect(dialog.locator('.material').count()).resolves.toBe(CONTENT.materials.length);
    await expect(dialog.locator('.material__meta').first().textContent()).resolves.toMatch(/^PDF, \d+\sКБ$/);
    await expect(dialog.locator('.webinar').count()).resolves.toBe(CONTENT.webinars.length);
    await expect(dialog.locator('.stand-interior .stand-note', { hasText: 'часового пояса' }).textContent()).resolves.toContain('Moscow (GMT+3)');

    const video = dialog.locator('video');
    const poster = await video.getAttribute('poster');
    expect(poster).toBe(`/${CONTENT.video!.poster}`);
    expect((await fetch(server.url + poster!)).headers.get('content-type')).toBe('image/jpeg');
    await expect(video.getAttribute('preload')).resolves.toBe('none');
    const tracks = await video.evaluate((v: HTMLVideoElement) =>
      Array.from(v.querySelectorAll('track'), (t) => ({ lang: t.srclang, kind: t.kind, isDefault: t.default })),
    );
    expect(tracks).toEqual([
      { lang: 'ru', kind: 'captions', isDefault: true },
      { lang: 'en', kind: 'captions', isDefault: false },
    ]);
    await page.waitForTimeout(500);
    await expect(video.evaluate((v: HTMLVideoElement) => v.paused && v.currentTime === 0)).resolves.toBe(true);

    // The visitor starts it (keyboard on the focused player: Chromium's headless player ignores
    // a click on the picture); time moves and the Russian captions load.
    await video.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (document.querySelector('.stand-video video') as HTMLVideoElement).currentTime > 0.5, null, { timeout: 15_000 });
    const cues = await video.evaluate((v: HTMLVideoElement) => {
      const ru = Array.from(v.textTracks).find((t) => t.language === 'ru')!;
      return { mode: ru.mode, cues: ru.cues?.length ?? 0 };
    });
    expect(cues).toEqual({ mode: 'showing', cues: 4 });
    // Pausing and playing again is still one play for the analytics.
    await video.evaluate(async (v: HTMLVideoElement) => {
      v.pause();
      await v.play();
    });
    await expect.poll(() => events.map((e) => e.kind).sort(), { timeout: 10_000 }).toEqual(['video', 'visit']);
    await expect.poll(async () => (await server.analytics.of(EXHIBITOR.id)).totals.videoPlays, { timeout: 10_000 }).toBe(1);

    await page.screenshot({ path: docShot('stand.png') });
    await ctx.close();
  }, 120_000);

  it('browses the gallery in the lightbox with arrows, swipe and Esc, and focus comes back', async () => {
    const ctx = await visitor();
    const page = await openStand(ctx);
    const n = CONTENT.gallery.length;
    const second = page.locator('.gallery-card__open').nth(1);
    await second.click();
    // Named by the picture shown, so the name changes as the visitor moves on.
    await page.getByRole('dialog', { name: CONTENT.gallery[1]!.title }).waitFor();
    const lightbox = page.locator('dialog.lightbox');
    const counter = lightbox.locator('.lightbox__counter');
    await expect(counter.textContent()).resolves.toBe(`2 / ${n}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'stand-lightbox.png') });

    await page.keyboard.press('ArrowRight');
    await expect(counter.textContent()).resolves.toBe(`3 / ${n}`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(counter.textContent()).resolves.toBe(`${n} / ${n}`);
    await expect(lightbox.locator('h4').textContent()).resolves.toBe(CONTENT.gallery[n - 1]!.title);

    // A swipe to the left shows the next picture (round to the first).
    const box = (await lightbox.locator('.lightbox__figure img').boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.8, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, y, { steps: 5 });
    await page.mouse.up();
    await expect(counter.textContent()).resolves.toBe(`1 / ${n}`);

    await page.getByRole('button', { name: 'Следующее' }).click();
    await expect(counter.textContent()).resolves.toBe(`2 / ${n}`);

    // Esc closes the lightbox only; the stand stays open and focus is back on the card.
    await page.keyboard.press('Escape');
    await lightbox.waitFor({ state: 'hidden' });
    await expect(page.getByRole('dialog', { name: EXHIBITOR.name }).isVisible()).resolves.toBe(true);
    await expect(second.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await ctx.close();
  });

  it('downloads a material, and the download is counted', async () => {
    const ctx = await visitor();
    const page = await openStand(ctx);
    const events = recordEvents(page);
    const material = CONTENT.materials[0]!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.material__link').first().click()]);
    expect(download.suggestedFilename()).toBe(`${material.title.replace(/[\\/:*?"<>|]+/g, ' ')}.pdf`);
    const file = await download.path();
    expect(fs.statSync(file).size).toBe(material.size);
    await expect.poll(() => events, { timeout: 10_000 }).toEqual([{ kind: 'download', standId: STAND, item: material.id }]); // no visitor id: the cookie says who
    await ctx.close();
  });

  it('asks for a call back: errors by field first, then a clear confirmation, and the lead is stored', async () => {
    const ctx = await visitor();
    const page = await openStand(ctx);
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Заказать обратный звонок' }) });
    await form.getByRole('button', { name: 'Перезвоните мне' }).click();

    const name = form.getByLabel('Имя');
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(name.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const describedBy = (await name.getAttribute('aria-describedby'))!;
    await expect(page.locator(`#${describedBy}`).textContent()).resolves.toContain('Введите имя');
    await expect(form.locator('.field__error').count()).resolves.toBe(3); // name, phone, consent

    await name.fill('Ирина Павлова');
    await form.getByLabel('Телефон').fill('+7 (912) 345-67-89');
    await form.getByLabel('Когда удобно позвонить').fill('в будни после 15:00');
    await form.getByLabel('Вопрос').fill('Есть ли группы для детей 4 лет?');
    await expect(form.locator('.field__error').count()).resolves.toBe(1); // only consent is left
    await form.getByLabel('Согласен(на) на обработку персональных данных').check();
    await form.getByRole('button', { name: 'Перезвоните мне' }).click();

    const done = form.getByRole('status');
    await expect(done.textContent()).resolves.toContain('Заявка отправлена');
    await expect(done.textContent()).resolves.toContain('+7 (912) 345-67-89');
    const leads = await server.storage.listLeads(EXHIBITOR.id);
    const lead = leads.find((l) => l.kind === 'callback')!;
    expect(lead.standId).toBe(STAND);
    expect(lead.callback).toEqual({ name: 'Ирина Павлова', phone: '+7 (912) 345-67-89', preferredTime: 'в будни после 15:00', question: 'Есть ли группы для детей 4 лет?' });
    await ctx.close();
  });

  it('swaps a business card for the materials by e-mail, and after a reload the card is remembered', async () => {
    const ctx = await visitor();
    const page = await openStand(ctx);
    const box = page.locator('.card-for-materials');
    await box.getByLabel('Имя').fill('Олег Морозов');
    await box.getByLabel('Организация').fill('Школа № 1 г. Казани');
    await box.getByLabel('Должность').fill('учитель физики');
    await box.getByLabel('Эл. почта').fill('o.morozov@school1.example.ru');
    await box.getByRole('button', { name: 'Получить материалы на почту' }).click();
    // No consent yet: the form says so and sends nothing.
    await expect(box.getByLabel('Согласен(на) на обработку персональных данных').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await server.storage.listLeads(EXHIBITOR.id).then((l) => l.filter((x) => x.kind === 'card').length)).toBe(0);
    await box.getByLabel('Согласен(на) на обработку персональных данных').check();
    await box.getByRole('button', { name: 'Получить материалы на почту' }).click();
    await expect(box.getByRole('status').textContent()).resolves.toContain('Материалы отправлены на o.morozov@school1.example.ru');

    const cards = (await server.storage.listLeads(EXHIBITOR.id)).filter((l) => l.kind === 'card');
    expect(cards).toHaveLength(1);
    expect(cards[0]!.card).toMatchObject({ name: 'Олег Морозов', organisation: 'Школа № 1 г. Казани', email: 'o.morozov@school1.example.ru' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'stand-card-sent.png') });

    // Reload: the same stand opens and the card is shown compactly, ready for one click.
    await page.reload();
    await standLoaded(page);
    const saved = page.locator('.saved-card');
    await saved.waitFor();
    await expect(saved.textContent()).resolves.toContain('o.morozov@school1.example.ru');
    await expect(page.locator('.card-for-materials input').count()).resolves.toBe(0);
    // The callback form is prefilled from the card.
    const callback = page.locator('section', { has: page.getByRole('heading', { name: 'Заказать обратный звонок' }) });
    await expect(callback.getByLabel('Имя').inputValue()).resolves.toBe('Олег Морозов');

    // Edit the card, then get the materials again in one click.
    await saved.getByRole('button', { name: 'Изменить' }).click();
    await page.locator('.card-for-materials').getByLabel('Должность').fill('заместитель директора');
    await page.locator('.card-for-materials').getByRole('button', { name: 'Сохранить визитку' }).click();
    await expect(saved.textContent()).resolves.toContain('заместитель директора');
    await saved.getByRole('button', { name: 'Получить материалы на почту' }).click();
    await expect(page.locator('.card-for-materials').getByRole('status').textContent()).resolves.toContain('o.morozov@school1.example.ru');
    const again = (await server.storage.listLeads(EXHIBITOR.id)).filter((l) => l.kind === 'card');
    expect(again).toHaveLength(2);
    expect(again.some((l) => l.card?.position === 'заместитель директора')).toBe(true);
    await ctx.close();
  }, 120_000);

  it('reads the webinar schedule in their own time zone, with live status and a calendar file', async () => {
    const ctx = await visitor(undefined, 'Asia/Yekaterinburg');
    // As served: the server moved the sample's dates to the fair clock at seeding (shared/sampleDates.ts).
    const served = StandContent.parse(await (await fetch(server.url + apiPath(API.standContent, { exhibitorId: EXHIBITOR.id }))).json());
    const first = [...served.webinars].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0]!;
    // Five minutes into the first webinar: it is on air now. Webinar states follow the server's
    // fair clock, which reaches the hall with the on-air answer: it reads the same moment.
    const fairNow = Date.parse(first.start) + 5 * 60_000;
    await ctx.clock.setFixedTime(fairNow);
    await ctx.route('**/api/programme/on-air', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { clock: { nowMs: number } };
      await route.fulfill({ response: res, json: { ...body, clock: { ...body.clock, nowMs: fairNow } } });
    });
    const page = await openStand(ctx);
    const schedule = page.locator('section', { has: page.getByRole('heading', { name: 'Вебинары и мастер-классы' }) });
    await expect(schedule.locator('.stand-note').first().textContent()).resolves.toContain('Yekaterinburg (GMT+5)');
    const row = schedule.locator('.webinar', { hasText: first.title }).first();
    await expect(row.locator('time').textContent()).resolves.toBe(webinarTime(first, 'ru', 'Asia/Yekaterinburg').time);
    await expect(row.locator('.webinar__status').textContent()).resolves.toBe('Идёт сейчас');
    await expect(row.getByRole('link', { name: /Смотреть эфир/ }).getAttribute('href')).resolves.toBe(first.link);

    // The later one is still ahead: it goes to the calendar as an .ics file.
    const calendar = schedule.getByRole('link', { name: 'Добавить в календарь' }).first();
    const res = await fetch(server.url + (await calendar.getAttribute('href'))!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await res.text()).toContain('BEGIN:VEVENT');
    await ctx.close();
  }, 120_000);

  it('fits a phone: one column and nothing wider than the screen', async () => {
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 390, height: 844 },
    ]) {
      const ctx = await visitor(viewport);
      const page = await openStand(ctx);
      const layout = await page.evaluate(() => {
        const d = document.querySelector('dialog.stand-dialog')!;
        const grid = document.querySelector('.stand-interior__grid')!;
        const wide = Array.from(d.querySelectorAll<HTMLElement>('*')).filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1);
        return { overflow: d.scrollWidth - d.clientWidth, columns: getComputedStyle(grid).gridTemplateColumns.split(' ').length, wide: wide.map((el) => el.className).slice(0, 5) };
      });
      expect(layout, `${viewport.width} px`).toEqual({ overflow: 0, columns: 1, wide: [] });
      await page.screenshot({ path: path.join(ARTIFACTS, `stand-phone-${viewport.width}.png`) });
      await ctx.close();
    }
  }, 120_000);
});
