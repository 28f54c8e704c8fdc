// "You are at the stand": a visitor who asks to walk to a stand hears when the walk ends, in
// real headless Chromium against the real server (the live region after walking).
import { describe, expect, it } from 'vitest';
import { hallSettled, openPage, useBrowserSuite } from './harness.ts';

const suite = useBrowserSuite();

const announced = (page: import('playwright-core').Page) => page.locator('#announcer').textContent();

describe('walking to a stand', () => {
  it('announces the walk, then the arrival', { timeout: 120_000 }, async () => {
    // A stand ten metres from where visitors appear: the walk is short even on a loaded machine.
    const name = 'Центр оценки качества образования Заокской области';
    const page = await openPage(suite.browser, `${suite.url}/floor/school/stand/sc-j07`);
    await hallSettled(page, 'school', 45_000);
    await page.getByRole('dialog', { name }).waitFor();
    await page.getByRole('button', { name: 'Пройти к стенду' }).click();
    await expect(announced(page)).resolves.toBe(`Идём к стенду «${name}».`);
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent?.startsWith('Вы у стенда'), null, { timeout: 50_000 });
    await expect(announced(page)).resolves.toBe(`Вы у стенда «${name}». Нажмите Enter на стенде, чтобы открыть его страницу.`);
    await page.close();
  });
});
