// A visitor walks the sample exhibition in real headless Chromium against the real server.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExhibitorList } from '../../shared/exhibitor.ts';
import { Level } from '../../shared/level/schema.ts';
import { ROOT } from '../../server/config.ts';
import { bootServer, clickStand, hallSettled, hoverStand, launchBrowser, openPage, showStand, standPoint, storeState, docShot } from './harness.ts';

const school = Level.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/school.json'), 'utf8')));
const higher = Level.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/higher.json'), 'utf8')));
const exhibitors = new Map(
  ExhibitorList.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/seed/exhibitors.json'), 'utf8'))).map((e) => [e.id, e]),
);
const nameOf = (standId: string, level = school) => exhibitors.get(level.stands.find((s) => s.id === standId)!.exhibitor)!.name;

let server: Awaited<ReturnType<typeof bootServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await bootServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function floorPage(url = '/floor/school'): Promise<Page> {
  const page = await openPage(browser, `${server.url}${url}`);
  await hallSettled(page);
  return page;
}

describe('the hall in a browser', () => {
  it('opens the first floor at / and shows the hall', async () => {
    const page = await floorPage('/');
    expect(new URL(page.url()).pathname).toBe('/floor/school');
    await expect(page.locator('.floors [aria-current="page"]').textContent()).resolves.toContain('Дошкольное');
    await page.screenshot({ path: docShot('hall.png') });
    await page.close();
  });

  it('hover shows a tooltip with the logo and the right name; leaving hides it', async () => {
    const page = await floorPage();
    const stand = school.stands[20]!;
    await showStand(page, stand.id);
    await hoverStand(page, stand.id);
    const tip = page.getByRole('tooltip');
    await expect(tip.textContent()).resolves.toContain(nameOf(stand.id));
    await expect(tip.locator('img').getAttribute('alt')).resolves.toBe(nameOf(stand.id));
    await page.mouse.move(5, 300); // over the floor list, off the hall
    await page.locator('#hall').dispatchEvent('pointerleave', { pointerType: 'mouse' });
    await page.waitForFunction(() => !document.querySelector('[role="tooltip"]'));
    await page.close();
  });

  it('click opens the stand dialog, Esc closes it and the camera stays put', async () => {
    const page = await floorPage();
    const stand = school.stands[33]!;
    await showStand(page, stand.id);
    const before = await standPoint(page, stand.id);
    await clickStand(page, stand.id);
    const dialog = page.getByRole('dialog', { name: nameOf(stand.id) });
    await dialog.waitFor();
    expect(new URL(page.url()).pathname).toBe(`/floor/school/stand/${stand.id}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/floor/school');
    const after = await standPoint(page, stand.id);
    expect(Math.abs(after.x - before.x) + Math.abs(after.y - before.y)).toBeLessThan(2);
    await page.close();
  });

  it('arrow keys move a focus ring from stand to stand and Enter opens the focused stand', async () => {
    const page = await floorPage();
    await page.locator('#hall').focus();
    await page.keyboard.press('ArrowRight');
    const first = await storeState<string>(page, 'focusedStandId');
    expect(first).toBeTruthy();
    await page.keyboard.press('ArrowRight');
    const second = await storeState<string>(page, 'focusedStandId');
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowLeft');
    expect(await storeState<string>(page, 'focusedStandId')).toBe(first);
    await expect(page.locator('#announcer').textContent()).resolves.toContain(nameOf(first));
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: nameOf(first) }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    // Focus returns to the hall with the same stand focused.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('hall');
    expect(await storeState<string>(page, 'focusedStandId')).toBe(first);
    await page.close();
  });

  it('each URL restores its view after reload', async () => {
    const stand = school.stands[50]!;
    const page = await floorPage(`/floor/school/stand/${stand.id}`);
    await page.getByRole('dialog', { name: nameOf(stand.id) }).waitFor();
    await page.reload();
    await hallSettled(page, 'school');
    await page.getByRole('dialog', { name: nameOf(stand.id) }).waitFor();

    const h = higher.stands[5]!;
    await page.goto(`${server.url}/floor/higher?focus=${h.id}`);
    await hallSettled(page, 'higher');
    expect(await storeState<string>(page, 'highlightedStandId')).toBe(h.id);
    const p = await standPoint(page, h.id);
    const box = (await page.locator('#hall').boundingBox())!;
    expect(Math.abs(p.x - (box.x + box.width / 2))).toBeLessThan(3);
    expect(Math.abs(p.y - (box.y + box.height / 2))).toBeLessThan(3);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.reload();
    await hallSettled(page, 'higher');
    const q = await standPoint(page, h.id);
    expect(Math.abs(q.x - p.x) + Math.abs(q.y - p.y)).toBeLessThan(3);

    await page.goto(`${server.url}/floor/edtech`);
    await hallSettled(page, 'edtech');
    await page.reload();
    await hallSettled(page, 'edtech');
    await expect(page.locator('.floors [aria-current="page"]').getAttribute('data-floor')).resolves.toBe('edtech');
    await page.close();
  });

  it('switches floors from the floor list and with back/forward', async () => {
    const page = await floorPage();
    await page.locator('.floors a[data-floor="equipment"]').click();
    await hallSettled(page, 'equipment');
    expect(new URL(page.url()).pathname).toBe('/floor/equipment');
    await page.goBack();
    await hallSettled(page, 'school');
    await page.close();
  });

  it('search finds a company, flies to its stand on another floor and highlights it', async () => {
    const page = await floorPage();
    const target = higher.stands[12]!;
    const name = nameOf(target.id, higher);
    const box = page.getByRole('combobox');
    // The distinctive part of the name (inside the quotes, or the last word), lower case.
    const distinctive = (/«([^»]+)»/.exec(name)?.[1] ?? name).toLowerCase();
    await box.fill(distinctive);
    const option = page.locator(`[role="option"][data-stand="${target.id}"]`);
    await expect(option.textContent()).resolves.toContain(name);
    await option.click();
    await hallSettled(page, 'higher');
    expect(await storeState<string>(page, 'highlightedStandId')).toBe(target.id);
    expect(new URL(page.url()).search).toBe(`?focus=${target.id}`);
    const p = await standPoint(page, target.id);
    const hallBox = (await page.locator('#hall').boundingBox())!;
    expect(Math.abs(p.x - (hallBox.x + hallBox.width / 2))).toBeLessThan(3);
    await page.close();
  });

  it('click on the floor walks the avatar there along the alleys', async () => {
    const page = await floorPage();
    const entrance = school.landmarks.find((l) => l.kind === 'entrance')!;
    const info = school.landmarks.find((l) => l.kind === 'info')!;
    const start = await page.evaluate(() => window.__expo!.hall()!.avatarPosition());
    expect(Math.hypot(start.x - entrance.x, start.y - entrance.y), JSON.stringify(start)).toBeLessThan(0.5);
    const p = await page.evaluate((pt) => window.__expo!.hall()!.worldToScreen(pt), { x: info.x, y: info.y });
    const box = (await page.locator('#hall').boundingBox())!;
    await page.mouse.click(box.x + p.x, box.y + p.y);
    await page.waitForFunction(
      (pt) => {
        const a = window.__expo!.hall()!.avatarPosition();
        return Math.hypot(a.x - pt.x, a.y - pt.y) < 1;
      },
      { x: info.x, y: info.y },
      { timeout: 20_000 },
    );
    await page.close();
  });

  it('switches the interface to English and back', async () => {
    const page = await floorPage();
    await page.getByRole('button', { name: /EN/ }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('.floors__title').textContent()).resolves.toBe('Floors');
    await page.reload();
    await hallSettled(page);
    await expect(page.locator('.floors__title').textContent()).resolves.toBe('Floors');
    await page.getByRole('button', { name: /RU/ }).click();
    await expect(page.locator('.floors__title').textContent()).resolves.toBe('Этажи');
    await page.close();
  });
});
