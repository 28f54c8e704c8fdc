// A visitor follows a bad link (a floor or a stand that does not exist) in real Chromium: the
// page says so in a clear view with search, and the address bar no longer holds the bad link.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hallSettled, useBrowserSuite } from './harness.ts';

const suite = useBrowserSuite();

async function visit(url: string, lang: 'ru' | 'en' = 'ru'): Promise<Page> {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript((l) => {
    localStorage.setItem('expo.profile', JSON.stringify({ name: 'Тестовый посетитель', colour: 0 }));
    localStorage.setItem('expo.lang', l);
  }, lang);
  await page.goto(`${suite.url}${url}`);
  await hallSettled(page);
  return page;
}

const path = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;

describe('a bad link', () => {
  it('to a floor shows "no such floor" with search, on the first floor, with the address corrected', async () => {
    const page = await visit('/floor/nope');
    const view = page.getByRole('dialog', { name: 'Такого этажа нет' });
    await view.waitFor();
    await expect(view.textContent()).resolves.toContain('«nope»');
    expect(path(page)).toBe('/floor/school');
    // The bad link was replaced, not pushed: history holds the blank start page and this one.
    expect(await page.evaluate(() => history.length)).toBe(2);

    // The search has the focus; picking a result goes there and closes the view.
    const search = view.getByRole('combobox');
    await expect(search.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await search.fill('Кораблик');
    await view.getByRole('option', { name: /Кораблик/ }).first().click();
    await view.waitFor({ state: 'hidden' });
    expect(path(page)).toBe('/floor/school?focus=sc-a11');
    await page.close();
  });

  it('to a stand on no floor shows "no such stand" on that floor; the button closes it', async () => {
    const page = await visit('/floor/higher/stand/nope');
    const view = page.getByRole('dialog', { name: 'Такого стенда нет' });
    await view.waitFor();
    expect(path(page)).toBe('/floor/higher');
    await expect(page.locator('.floors [aria-current="page"]').textContent()).resolves.toContain('Высшее');
    await view.getByRole('button', { name: /Смотреть этаж/ }).click();
    await view.waitFor({ state: 'hidden' });
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect(path(page)).toBe('/floor/higher');
    await page.close();
  });

  it('speaks English to an English visitor, and Esc closes it', async () => {
    const page = await visit('/floor/school/stand/nope', 'en');
    const view = page.getByRole('dialog', { name: 'No such stand' });
    await view.waitFor();
    await expect(view.textContent()).resolves.toContain('Stand "nope" is on no floor');
    await page.keyboard.press('Escape');
    await view.waitFor({ state: 'hidden' });
    expect(path(page)).toBe('/floor/school');
    await page.close();
  });

  it('to a stand that is on another floor goes to that stand instead', async () => {
    const page = await visit('/floor/edtech/stand/sc-a11');
    await page.getByRole('dialog', { name: /Кораблик/ }).waitFor();
    expect(path(page)).toBe('/floor/school/stand/sc-a11');
    expect(await page.getByRole('dialog', { name: 'Такого стенда нет' }).count()).toBe(0);
    await page.close();
  });
});
