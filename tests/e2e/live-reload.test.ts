// An organiser edits a floor file while a visitor is in the hall: valid edits appear without
// a page reload and the visitor stays where they are; a broken edit is refused, the page
// keeps the previous layout and the problem is listed with file:line:col. The layout
// overlay (?dev=1) shows ids and copies a stand's line of the file.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, LevelProblemList } from '../../shared/api.ts';
import { ExhibitorList } from '../../shared/exhibitor.ts';
import { ROOT } from '../../server/config.ts';
import { clickStand, hallSettled, hoverStand, openPage, showStand, standPoint, storeState, docShot, useBrowserSuite } from './harness.ts';

let levelsDir = '';
const schoolFile = () => path.join(levelsDir, 'school.json');

async function nameOf(exhibitorId: string): Promise<string> {
  const list = ExhibitorList.parse(JSON.parse(await fs.readFile(path.join(ROOT, 'assets/seed/exhibitors.json'), 'utf8')));
  return list.find((e) => e.id === exhibitorId)!.name;
}

async function editSchool(edit: (text: string) => string): Promise<void> {
  const text = await fs.readFile(schoolFile(), 'utf8');
  const next = edit(text);
  expect(next).not.toBe(text);
  await fs.writeFile(schoolFile(), next);
}

/** A stand's field as the page's store holds it. */
function standField(page: Page, standId: string, field: 'x' | 'exhibitor'): Promise<unknown> {
  return page.evaluate(
    ([id, f]) => window.__expo!.store.getState().levels.school?.stands.find((s) => s.id === id)?.[f as 'x' | 'exhibitor'],
    [standId, field] as const,
  );
}

/** The page was not reloaded: one navigation, and a marker set on window survives. */
async function notReloaded(page: Page): Promise<boolean> {
  return page.evaluate(
    () => performance.getEntriesByType('navigation').length === 1 && (window as unknown as { __marker?: number }).__marker === 42,
  );
}

beforeAll(async () => {
  levelsDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-live-levels-'));
  await fs.cp(path.join(ROOT, 'levels'), levelsDir, { recursive: true });
});
// Registered before the suite: the levels are copied before it boots, removed after it has closed.
afterAll(async () => {
  if (levelsDir) await fs.rm(levelsDir, { recursive: true, force: true });
});
const suite = useBrowserSuite(() => ({ levelsDir }));

describe('live reload of floor files', () => {
  it('shows valid edits without a reload, keeps the visitor in place, and refuses a broken edit', async () => {
    const page = await openPage(suite.browser, `${suite.url}/floor/school?dev=1`);
    await hallSettled(page, 'school');
    await page.waitForFunction(() => window.__expo?.store.getState().connection === 'live');
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
    const avatar = await page.evaluate(() => window.__expo!.hall()!.avatarPosition());

    // 1. Two stands swap exhibitors (always valid): the hover card names the new one.
    await showStand(page, 'sc-a02');
    await hoverStand(page, 'sc-a02');
    const tip = page.getByRole('tooltip');
    await expect(tip.textContent()).resolves.toContain(await nameOf('detskaya-gavan'));
    const t0 = Date.now();
    await editSchool((t) =>
      t
        .replace('"id": "sc-a02", "exhibitor": "detskaya-gavan"', '"id": "sc-a02", "exhibitor": "@swap@"')
        .replace('"id": "sc-a03", "exhibitor": "semitsvetik"', '"id": "sc-a03", "exhibitor": "detskaya-gavan"')
        .replace('"exhibitor": "@swap@"', '"exhibitor": "semitsvetik"'),
    );
    await page.waitForFunction(
      () => window.__expo!.store.getState().levels.school?.stands.find((s) => s.id === 'sc-a02')?.exhibitor === 'semitsvetik',
      null,
      { timeout: 5000, polling: 50 },
    );
    const swapMs = Date.now() - t0;
    await page.waitForFunction((name) => document.querySelector('[role="tooltip"]')?.textContent?.includes(name), await nameOf('semitsvetik'));
    expect(await notReloaded(page)).toBe(true);
    expect(await page.evaluate(() => window.__expo!.hall()!.avatarPosition())).toEqual(avatar);
    console.log(`[live-reload] exhibitor swap reached the page in ${swapMs} ms`);

    // 2. A real move (1 m east, still valid): the stand is drawn at its new place.
    await showStand(page, 'sc-a06');
    const before = await standPoint(page, 'sc-a06');
    const zoom = await page.evaluate(() => {
      const h = window.__expo!.hall()!;
      return h.worldToScreen({ x: 1, y: 0 }).x - h.worldToScreen({ x: 0, y: 0 }).x;
    });
    await editSchool((t) => t.replace('"id": "sc-a06", "exhibitor": "mir-otkrytij", "x": 87.5,', '"id": "sc-a06", "exhibitor": "mir-otkrytij", "x": 88.5,'));
    await page.waitForFunction(
      () => window.__expo!.store.getState().levels.school?.stands.find((s) => s.id === 'sc-a06')?.x === 88.5,
      null,
      { timeout: 5000, polling: 50 },
    );
    const after = await standPoint(page, 'sc-a06');
    expect(after.x - before.x).toBeCloseTo(zoom, 0);
    expect(after.y).toBeCloseTo(before.y, 0);
    expect(await notReloaded(page)).toBe(true);
    expect(await page.evaluate(() => window.__expo!.hall()!.avatarPosition())).toEqual(avatar);

    // 3. A broken edit: sc-a02 onto sc-a01. The server refuses it, says where, stays up.
    await editSchool((t) => t.replace('"id": "sc-a02", "exhibitor": "semitsvetik", "x": 19.5,', '"id": "sc-a02", "exhibitor": "semitsvetik", "x": 14,'));
    await page.waitForFunction(() => window.__expo!.store.getState().levelProblems.length > 0, null, { timeout: 5000, polling: 50 });
    const problems = LevelProblemList.parse(await (await fetch(suite.url + API.levelProblems)).json()).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/school\.json:103:5 stands\[1\]: stand "sc-a02" overlaps stand "sc-a01"/);
    expect(await storeState<string[]>(page, 'levelProblems')).toEqual(problems);
    expect(await standField(page, 'sc-a02', 'x')).toBe(19.5);
    expect(((await (await fetch(`${suite.url}/api/floors/school`)).json()) as { stands: { id: string; x: number }[] }).stands[1]!.x).toBe(19.5);
    expect((await fetch(suite.url + API.health)).ok).toBe(true);
    expect(await notReloaded(page)).toBe(true);
    await page.close();
  });

  it('the layout overlay (?dev=1): L toggles it, the panel lists problems, a click copies the stand', async () => {
    const page = await openPage(suite.browser, `${suite.url}/floor/school?dev=1`);
    await hallSettled(page, 'school');
    await page.locator('#hall').focus();
    await page.keyboard.press('KeyL');
    await page.waitForFunction(() => window.__expo!.store.getState().layoutOverlay);
    const panel = page.getByRole('region', { name: 'Разметка этажа' });
    await panel.waitFor();
    // The refused edit of the previous test is still there.
    await expect(panel.locator('.layout-panel__problems').textContent()).resolves.toMatch(/school\.json:103:5/);

    await showStand(page, 'sc-a05');
    const p = await standPoint(page, 'sc-a05');
    await page.mouse.move(p.x, p.y);
    await expect(panel.locator('.layout-panel__cursor').textContent()).resolves.toMatch(/x 5\d(\.5)?, y \d+(\.5)? м/);
    await page.screenshot({ path: docShot('layout-overlay.png') });
    await clickStand(page, 'sc-a05');
    await page.waitForFunction(() => window.__expo!.store.getState().copied?.standId === 'sc-a05');
    const copied = await storeState<string>(page, 'copied.text');
    expect(copied).toBe('{ "id": "sc-a05", "exhibitor": "znajka", "x": 53, "y": 8, "w": 6, "h": 6, "entrance": "north", "size": "L" }');
    expect((await fs.readFile(schoolFile(), 'utf8')).includes(copied)).toBe(true);
    await expect(panel.getByRole('status').textContent()).resolves.toContain('sc-a05');
    // Copying is instead of opening the stand.
    expect(new URL(page.url()).pathname).toBe('/floor/school');
    expect(await storeState<string | null>(page, 'openStandId')).toBeNull();

    await page.locator('#hall').focus();
    await page.keyboard.press('KeyL');
    await page.waitForFunction(() => !window.__expo!.store.getState().layoutOverlay);
    await clickStand(page, 'sc-a05');
    await page.waitForFunction(() => location.pathname === '/floor/school/stand/sc-a05');
    await page.close();
  });

  it('without the dev flag there are no layout tools and L does nothing', async () => {
    const page = await openPage(suite.browser, `${suite.url}/floor/school`);
    await hallSettled(page, 'school');
    await page.locator('#hall').focus();
    await page.keyboard.press('KeyL');
    expect(await storeState<boolean>(page, 'layoutOverlay')).toBe(false);
    expect(await page.locator('.layout-tools').count()).toBe(0);
    await page.close();
  });
});
