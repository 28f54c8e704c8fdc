// The 3D (isometric) hall view in real headless Chromium against the real server: booths are
// hit by their drawn shape (the fascia), rotation keeps the focused stand on screen, and
// switching views keeps what the camera looks at and the `view=3d` URL parameter.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExhibitorList } from '../../shared/exhibitor.ts';
import { Level } from '../../shared/level/schema.ts';
import { ROOT } from '../../server/config.ts';
import { bootServer, hallSettled, launchBrowser, openPage, showStand, storeState } from './harness.ts';

const school = Level.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/school.json'), 'utf8')));
const exhibitors = new Map(
  ExhibitorList.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/seed/exhibitors.json'), 'utf8'))).map((e) => [e.id, e]),
);
const nameOf = (standId: string) => exhibitors.get(school.stands.find((s) => s.id === standId)!.exhibitor)!.name;
// A stand opening to the viewer's side at the first rotation, so its fascia faces the camera.
const stand = school.stands.filter((s) => s.entrance === 'south' && s.size !== 'S')[3]!;

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

async function page3d(): Promise<Page> {
  const page = await openPage(browser, `${server.url}/floor/school?view=3d`);
  await hallSettled(page);
  return page;
}

/** Page coordinates of a part of a stand's booth as drawn. */
async function boothPoint(page: Page, standId: string, part: 'fascia' | 'floor'): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(([id, pt]) => window.__expo!.hall()!.boothPoint(id!, pt as 'fascia' | 'floor'), [standId, part]);
  if (!p) throw new Error(`stand ${standId} is not on the floor shown`);
  const box = (await page.locator('#hall').boundingBox())!;
  return { x: box.x + p.x, y: box.y + p.y };
}

async function onScreen(page: Page, standId: string): Promise<boolean> {
  const p = await boothPoint(page, standId, 'floor');
  const box = (await page.locator('#hall').boundingBox())!;
  return p.x > box.x && p.x < box.x + box.width && p.y > box.y && p.y < box.y + box.height;
}

describe('the 3D hall view', () => {
  it('opens from ?view=3d; hovering a booth’s fascia shows that stand’s popup and a click opens it', async () => {
    const page = await page3d();
    await expect(page.evaluate(() => window.__expo!.hall()!.currentView())).resolves.toBe('3d');
    await showStand(page, stand.id);
    const fascia = await boothPoint(page, stand.id, 'fascia');
    // The fascia is drawn up high: the floor point under that pixel belongs to no part of this stand's plan rectangle.
    const floor = await boothPoint(page, stand.id, 'floor');
    expect(floor.y - fascia.y).toBeGreaterThan(10);
    await page.mouse.move(fascia.x - 30, fascia.y + 30);
    await page.mouse.move(fascia.x, fascia.y, { steps: 3 });
    await expect(page.getByRole('tooltip').textContent()).resolves.toContain(nameOf(stand.id));
    await page.mouse.click(fascia.x, fascia.y);
    const dialog = page.getByRole('dialog', { name: nameOf(stand.id) });
    await dialog.waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/floor/school/stand/${stand.id}`);
    expect(url.searchParams.get('view')).toBe('3d');
    await page.close();
  });

  it('Q and E turn the view by quarters and the focused stand stays on screen', async () => {
    const page = await page3d();
    // The focused stand sits off-centre (a neighbour is in the middle), where a turn about the centre moves it.
    const neighbour = school.stands.find((s) => s.id !== stand.id && Math.abs(s.y - stand.y) < 1 && Math.abs(s.x - stand.x) > 12)!;
    await showStand(page, neighbour.id);
    await page.evaluate((id) => window.__expo!.store.getState().setFocused(id), stand.id);
    const focused = await storeState<string>(page, 'focusedStandId');
    expect(focused).toBe(stand.id);
    await page.locator('#hall').focus();
    for (const [key, rotation] of [['KeyE', 1], ['KeyE', 2], ['KeyQ', 1], ['KeyQ', 0], ['KeyQ', 3]] as const) {
      await page.keyboard.press(key === 'KeyE' ? 'e' : 'q');
      await hallSettled(page);
      await expect(page.evaluate(() => window.__expo!.hall()!.currentRotation())).resolves.toBe(rotation);
      expect(await onScreen(page, focused), `focused stand visible after turning to ${rotation}`).toBe(true);
    }
    await page.close();
  });

  it('the Plan / 3D switch keeps the camera’s target, updates the URL and is remembered', async () => {
    const page = await page3d();
    await showStand(page, stand.id);
    const box = (await page.locator('#hall').boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const at3d = await boothPoint(page, stand.id, 'floor');
    expect(Math.hypot(at3d.x - centre.x, at3d.y - centre.y)).toBeLessThan(3);
    await page.getByRole('group', { name: 'Вид зала' }).getByRole('button', { name: 'План' }).click();
    await expect(page.evaluate(() => window.__expo!.hall()!.currentView())).resolves.toBe('plan');
    const atPlan = await boothPoint(page, stand.id, 'floor');
    expect(Math.hypot(atPlan.x - centre.x, atPlan.y - centre.y)).toBeLessThan(3);
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    await page.getByRole('button', { name: '3D' }).click();
    expect(new URL(page.url()).searchParams.get('view')).toBe('3d');
    // Remembered: a plain link opens the last choice.
    await page.goto(`${server.url}/floor/school`);
    await hallSettled(page);
    await expect(page.evaluate(() => window.__expo!.hall()!.currentView())).resolves.toBe('3d');
    await page.close();
  });

  it('without a choice, software rendering (SwiftShader here) opens the plan', async () => {
    const page = await openPage(browser, `${server.url}/floor/school`);
    await hallSettled(page);
    await expect(page.evaluate(() => window.__expo!.hall()!.currentView())).resolves.toBe('plan');
    await page.close();
  });
});
