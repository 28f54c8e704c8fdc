// Personal routes in real Chromium: pick stands on two floors from their pages, plan, see the
// route on the canvas, follow it, share it, and drive the panel with the keyboard only.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ExhibitorList } from '../../shared/exhibitor.ts';
import { doorstep } from '../../shared/level/stand.ts';
import { Level } from '../../shared/level/schema.ts';
import { ROOT } from '../../server/config.ts';
import { clickStand, hallSettled, openPage, showStand, storeState, docShot, useBrowserSuite } from './harness.ts';

const level = (id: string) => Level.parse(JSON.parse(fs.readFileSync(path.join(ROOT, `levels/${id}.json`), 'utf8')));
const school = level('school');
const higher = level('higher');
const exhibitors = new Map(
  ExhibitorList.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/seed/exhibitors.json'), 'utf8'))).map((e) => [e.id, e]),
);
const stand = (l: Level, id: string) => l.stands.find((s) => s.id === id)!;
const nameOf = (l: Level, id: string) => exhibitors.get(stand(l, id).exhibitor)!.name;

const suite = useBrowserSuite();

/** On the open stand page: "add to my route". */
async function addFromStandPage(page: Page, l: Level, standId: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: nameOf(l, standId) });
  await dialog.waitFor();
  const add = dialog.getByRole('button', { name: `В мой маршрут — ${nameOf(l, standId)}`, pressed: false });
  await add.click();
  await dialog.getByRole('button', { name: `В маршруте ✓ — ${nameOf(l, standId)}`, pressed: true }).waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

const stopIds = (page: Page) => page.locator('#route-panel ol > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-stop')));

describe('personal routes', () => {
  it('adds stands on two floors, plans, draws, follows and shares the route', async () => {
    const page = await openPage(suite.browser, `${suite.url}/floor/school/stand/sc-j07`);
    await addFromStandPage(page, school, 'sc-j07');
    // The favourite star is remembered too.
    await hallSettled(page, 'school');
    await showStand(page, 'sc-i08');
    await clickStand(page, 'sc-i08');
    const star = page.getByRole('dialog').getByRole('button', { name: 'В избранное' });
    await star.click();
    await expect(storeState<string[]>(page, 'favourites')).resolves.toEqual(['school/sc-i08']);
    await addFromStandPage(page, school, 'sc-i08');
    // Another floor, after a reload: the route is kept in the browser.
    await page.goto(`${suite.url}/floor/higher/stand/hi-d01`);
    await addFromStandPage(page, higher, 'hi-d01');
    await hallSettled(page, 'higher');

    await page.getByRole('button', { name: /Мой маршрут \(3\)/ }).click();
    const panel = page.locator('#route-panel');
    await panel.getByLabel('Начало').selectOption('school/entrance');
    await panel.getByRole('button', { name: 'Построить маршрут' }).click();
    await panel.getByText(/^Всего: \d+ м; пешком в реальном зале ≈ \d+ мин$/).waitFor();

    const items = panel.locator('ol > li');
    await expect(items.count()).resolves.toBe(3);
    const ids = await stopIds(page);
    expect(new Set(ids)).toEqual(new Set(['school/sc-j07', 'school/sc-i08', 'higher/hi-d01']));
    expect(ids[2]).toBe('higher/hi-d01'); // both school stands before going upstairs
    const labels = await items.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    labels.forEach((l, i) => expect(l).toMatch(new RegExp(`^Остановка ${i + 1} из 3: .+, этаж «.+», \\d+ м, ≈ \\d+ мин пешком$`)));
    await expect(items.nth(2).textContent()).resolves.toMatch(/\d+ м, ≈ \d+ мин пешком/);

    // Drawn on this floor (the last stop and the way in from the lift or stairs)...
    const here = await page.evaluate(() => window.__expo!.hall()!.routeSummary());
    expect(here).toMatchObject({ floor: 'higher', stops: 1 });
    expect(here.points).toBeGreaterThan(1);

    // ... and "Go" takes the avatar to stop 1 on the school floor.
    await panel.getByRole('button', { name: /Идти/ }).click();
    const first = ids[0]!.split('/')[1]!;
    const door = doorstep(stand(school, first));
    await page.waitForFunction(
      ({ x, y }) => {
        const h = window.__expo!.hall()!;
        const p = h.avatarPosition();
        return h.shownFloor() === 'school' && Math.hypot(p.x - x, p.y - y) <= 2;
      },
      door,
      { timeout: 40_000 },
    ).catch(async (e: unknown) => {
      console.log(JSON.stringify(await page.evaluate(() => { const h = window.__expo!.hall()!; const s = window.__expo!.store.getState(); return { f: s.floorId, shown: h.shownFloor(), pos: h.avatarPosition(), wt: h.walkTarget(), follow: s.routeFollow, ann: s.announcement, stops: s.routeStops }; })), door);
      throw e;
    });
    const onSchool = await page.evaluate(() => window.__expo!.hall()!.routeSummary());
    expect(onSchool).toMatchObject({ floor: 'school', stops: 2 });
    expect(onSchool.portals).toBeGreaterThanOrEqual(1);
    await panel.getByRole('button', { name: /Дальше/ }).waitFor();
    await expect(items.nth(0).getAttribute('class')).resolves.toContain('route-stop--visited');
    await panel.getByRole('button', { name: /Дальше/ }).click();
    await page.waitForFunction((id) => window.__expo!.store.getState().highlightedStandId === id, ids[1]!.split('/')[1]!);
    await page.screenshot({ path: docShot('route.png') });

    // The share link opens the same route elsewhere.
    await panel.getByRole('button', { name: /Ссылка/ }).click();
    const link = await panel.getByRole('textbox', { name: 'Ссылка' }).inputValue();
    expect(new URL(link).pathname).toMatch(/^\/route\/[A-Za-z0-9_-]+$/);
    const other = await openPage(suite.browser, link);
    // Two software-rendered halls now share the CPU (the first one is still following the route).
    await hallSettled(other, 'school', 45_000);
    await other.locator('#route-panel ol > li').nth(2).waitFor();
    await expect(stopIds(other)).resolves.toEqual(ids);
    expect(new URL(other.url()).pathname).toBe('/floor/school');

    // Keyboard only: reach the toggle, reopen the panel, Tab to "Plan" and press Enter.
    await other.getByRole('combobox', { name: 'Поиск экспонентов' }).focus(); // the search box, just before the toggle in the top bar
    const toggle = other.getByRole('button', { name: /Мой маршрут/ });
    for (let i = 0; i < 5 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) await other.keyboard.press('Tab');
    await expect(toggle.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await other.keyboard.press('Enter'); // closes (the link opened it)
    await other.locator('#route-panel').waitFor({ state: 'detached' });
    await other.keyboard.press('Enter');
    await other.locator('#route-panel h2').waitFor();
    const plan = other.getByRole('button', { name: 'Построить маршрут' });
    for (let i = 0; i < 40 && !(await plan.evaluate((el) => el === document.activeElement)); i++) await other.keyboard.press('Tab');
    await expect(plan.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await other.keyboard.press('Enter');
    await other.locator('#route-panel').getByText(/^Всего: \d+ м/).waitFor();
    await other.close();
    await page.close();
  }, 300_000);
});
