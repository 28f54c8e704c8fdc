// Light mode for weak computers in real headless Chromium, whose WebGL is SwiftShader (software,
// no GPU), against the real server: it comes on by itself there and says so, the visitor can
// switch it off and on (remembered across reloads), and the hall still answers a hover and
// opens a stand in it.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExhibitorList } from '../../shared/exhibitor.ts';
import { Level } from '../../shared/level/schema.ts';
import { ROOT } from '../../server/config.ts';
import { bootServer, clickStand, hallSettled, hoverStand, launchBrowser, openPage, showStand, storeState } from './harness.ts';

const school = Level.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/school.json'), 'utf8')));
const exhibitors = new Map(
  ExhibitorList.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/seed/exhibitors.json'), 'utf8'))).map((e) => [e.id, e]),
);
const stand = school.stands[5]!;
const name = exhibitors.get(stand.exhibitor)!.name;

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

/** What the page shows of light mode: the <html> mark, the toggle, the canvas's pixels per CSS pixel. */
async function lightState(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#hall canvas')!;
    return {
      mark: document.documentElement.dataset.light,
      pressed: document.querySelector('.light-toggle')?.getAttribute('aria-pressed'),
      density: canvas.width / canvas.clientWidth,
      stored: localStorage.getItem('expo.lightMode'),
    };
  });
}

const toggle = (page: Page) => page.getByRole('button', { name: 'Облегчённый режим' });

describe('light mode on a weak computer', () => {
  it('comes on by itself under SwiftShader, says so, and the hall still answers a hover and opens a stand', async () => {
    const page = await openPage(browser, `${server.url}/floor/school`);
    await hallSettled(page, 'school');
    await expect(lightState(page)).resolves.toMatchObject({ mark: 'on', pressed: 'true', stored: null });
    expect((await lightState(page)).density).toBeCloseTo(0.75, 1);
    // The plan, not the 3D view, and a non-modal notice that suggests the list.
    await expect(page.evaluate(() => window.__expo!.hall()!.currentView())).resolves.toBe('plan');
    const notice = page.getByRole('status').filter({ hasText: 'облегчённый режим' });
    await notice.waitFor();
    await expect(notice.getByRole('button', { name: 'Открыть список' }).isVisible()).resolves.toBe(true);

    await showStand(page, stand.id);
    await hoverStand(page, stand.id);
    await expect(page.getByRole('tooltip').textContent()).resolves.toContain(name);
    await clickStand(page, stand.id);
    await page.getByRole('dialog', { name }).waitFor();
    await page.close();
  });

  it('the notice opens the list view and is not shown again', async () => {
    const page = await openPage(browser, `${server.url}/floor/school`);
    await hallSettled(page, 'school');
    const notice = page.getByRole('status').filter({ hasText: 'облегчённый режим' });
    await notice.getByRole('button', { name: 'Открыть список' }).click();
    await expect(storeState<string>(page, 'hallMode')).resolves.toBe('list');
    await notice.waitFor({ state: 'detached' });
    await page.evaluate(() => window.__expo!.store.getState().setHallMode('plan'));
    await page.reload();
    await hallSettled(page, 'school');
    await expect(lightState(page)).resolves.toMatchObject({ mark: 'on' });
    await expect(page.locator('.light-notice').count()).resolves.toBe(0);
    await page.close();
  });

  it('the toggle switches it off and on at once, and the choice survives a reload', async () => {
    const page = await openPage(browser, `${server.url}/floor/school`);
    await hallSettled(page, 'school');
    await toggle(page).click();
    await expect(lightState(page)).resolves.toMatchObject({ mark: 'off', pressed: 'false', stored: 'off', density: 1 });
    await page.reload();
    await hallSettled(page, 'school');
    // Chosen off: SwiftShader no longer decides, and there is nothing to announce.
    await expect(lightState(page)).resolves.toMatchObject({ mark: 'off', pressed: 'false', stored: 'off', density: 1 });
    await expect(page.locator('.light-notice').count()).resolves.toBe(0);
    // The full hall works too.
    await showStand(page, stand.id);
    await hoverStand(page, stand.id);
    await expect(page.getByRole('tooltip').textContent()).resolves.toContain(name);

    await toggle(page).click();
    await page.reload();
    await hallSettled(page, 'school');
    await expect(lightState(page)).resolves.toMatchObject({ mark: 'on', pressed: 'true', stored: 'on' });
    await page.close();
  });
});
