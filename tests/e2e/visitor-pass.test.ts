// What a visitor's pass through the running product found (helper q1), kept from coming back:
// with the sample programme on air, the on-air banner (a second row of the live strip) no
// longer covers the list view's title on a computer or its floor tabs on a phone; a stand page
// names its stand by the booth number the plan and the list show ("A11"), not the level file's
// id ("sc-a11"), and so do the route's stops; its programme events read in time order; the
// hover card keeps the booth and the category apart ("Стенд A11 · Дошкольное образование") and
// stays off the route panel.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/api.ts';
import { bootServer, hallSettled, hoverStand, launchBrowser, openPage, showStand } from './harness.ts';

let server: Awaited<ReturnType<typeof bootServer>>;
let browser: Browser;

beforeAll(async () => {
  // The sample moved to now, as `npm start` does: a dozen events are on air.
  server = await bootServer({ moveSampleProgramme: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Whether two elements' boxes overlap, measured together (the strip settles as the page connects). */
function overlapping(page: Page, a: string, b: string): Promise<boolean> {
  return page.evaluate(
    ([a, b]) => {
      const r = document.querySelector(a)!.getBoundingClientRect();
      const q = document.querySelector(b)!.getBoundingClientRect();
      return r.left < q.right && q.left < r.right && r.top < q.bottom && q.top < r.bottom;
    },
    [a, b] as const,
  );
}

async function listWithBanner(viewport: { width: number; height: number }): Promise<Page> {
  const page = await openPage(browser, `${server.url}/floor/school`, viewport);
  await page.evaluate(() => localStorage.setItem('expo.hallMode', 'list'));
  await page.reload();
  await page.locator('.list-view__title').waitFor({ timeout: 20_000 });
  await page.locator('.on-air').waitFor({ timeout: 15_000 });
  return page;
}

describe('the list view under the on-air banner', () => {
  it('keeps the title clear of the banner on a computer', async () => {
    const page = await listWithBanner({ width: 1280, height: 800 });
    await expect.poll(() => overlapping(page, '.on-air', '.list-view__title')).toBe(false);
    await page.close();
  });

  it('keeps the floor tabs clear of the banner on a phone', async () => {
    const page = await listWithBanner({ width: 390, height: 844 });
    await expect.poll(() => overlapping(page, '.on-air', '.list-view__floors')).toBe(false);
    // And the strip's other buttons clear of the tabs as well.
    await expect.poll(() => overlapping(page, '.live-bar', '.list-view__floors')).toBe(false);
    await page.close();
  });
});

describe('a stand page', () => {
  it('names the booth as the plan does and lists its programme events in time order', async () => {
    const directory = (await (await fetch(server.url + API.directory)).json()) as { stand: string; booth?: string }[];
    const booth = directory.find((d) => d.stand === 'sc-a11')?.booth;
    expect(booth).toBe('A11');
    const page = await openPage(browser, `${server.url}/floor/school/stand/sc-a11`);
    const location = page.locator('.stand-page__location');
    await location.waitFor({ timeout: 20_000 });
    await expect.poll(() => location.textContent()).toBe('Этаж «Дошкольное и общее образование», стенд A11');

    const items = page.locator('[data-stand-programme] li');
    await items.first().waitFor({ timeout: 15_000 });
    const rows = await items.evaluateAll((lis) =>
      lis.map((li) => ({ start: Date.parse(li.querySelector('time')!.getAttribute('datetime')!), over: /Завершилось|Есть запись/.test(li.textContent ?? '') })),
    );
    const ahead = rows.filter((r) => !r.over).map((r) => r.start);
    expect(ahead.length).toBeGreaterThan(1);
    expect(ahead).toEqual([...ahead].sort((a, b) => a - b));
    // What is over comes after what is ahead.
    expect(rows.findIndex((r) => r.over) === -1 || rows.slice(rows.findIndex((r) => r.over)).every((r) => r.over)).toBe(true);
    await page.close();
  });
});

describe('the hall', () => {
  it('the hover card separates booth and category; a route stop shows the booth number', async () => {
    const page = await openPage(browser, `${server.url}/floor/school`);
    await hallSettled(page, 'school', 40_000);
    await showStand(page, 'sc-a11');
    await hoverStand(page, 'sc-a11');
    const category = page.getByRole('tooltip').locator('.stand-popup__category');
    await expect.poll(() => category.textContent()).toBe('Стенд A11 · Дошкольное образование');

    await page.goto(`${server.url}/floor/school/stand/sc-a11`);
    const dialog = page.getByRole('dialog', { name: 'Сеть детских садов «Кораблик»' });
    await dialog.getByRole('button', { name: /В мой маршрут/ }).first().click();
    await dialog.getByRole('button', { name: /Закрыть/ }).first().click();
    await page.getByRole('button', { name: /Мой маршрут \(1\)/ }).click();
    const meta = page.locator('#route-panel li[data-stop] .route-stop__meta');
    await expect.poll(() => meta.textContent()).toBe('Дошкольное и общее образование · A11');
    // The last hovered (on a phone: tapped) stand's card does not sit over the route panel.
    await page.evaluate(() => window.__expo!.store.getState().setHovered('sc-a11'));
    await page.waitForTimeout(200);
    expect(await page.locator('.stand-popup').count()).toBe(0);
    await page.getByRole('button', { name: /Мой маршрут \(1\)/ }).click();
    await page.locator('.stand-popup').waitFor();
    await page.close();
  });
});
