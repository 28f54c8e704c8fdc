// The hall's top bar at desktop widths: the brand stays in its own box (its title used to run
// under the search at 1280 px), in both languages, in real headless Chromium.
import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from './harness.ts';

const suite = useBrowserSuite();

describe('the top bar', () => {
  for (const lang of ['ru', 'en'] as const) {
    it(`fits its brand beside the search at 1024, 1280 and 1440 px (${lang})`, { timeout: 120_000 }, async () => {
      for (const width of [1024, 1280, 1440]) {
        const page = await suite.browser.newPage({ viewport: { width, height: 800 } });
        await page.addInitScript((l) => {
          localStorage.setItem('expo.lang', l);
          localStorage.setItem('expo.profile', JSON.stringify({ name: 'Test', colour: 0 }));
        }, lang);
        await page.goto(`${suite.url}/floor/school`);
        await page.locator('.topbar .search input').waitFor({ timeout: 45_000 });
        const m = await page.evaluate(() => {
          const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
          const mark = document.querySelector<HTMLElement>('.brand__mark')!;
          const title = document.querySelector<HTMLElement>('.brand__title')!;
          const shown = title.getBoundingClientRect().width > 1;
          return {
            markClipped: mark.scrollWidth > mark.clientWidth,
            titleShown: shown,
            titleRight: shown ? box('.brand__title').right : box('.brand__mark').right,
            searchLeft: box('.topbar .search').left,
            pageWidth: document.documentElement.scrollWidth,
          };
        });
        expect(m.markClipped, `${width}`).toBe(false);
        expect(m.titleRight, `${width}`).toBeLessThanOrEqual(m.searchLeft);
        expect(m.pageWidth, `${width}`).toBeLessThanOrEqual(width);
        // The full title where there is room for it.
        if (width >= 1280) expect(m.titleShown, `${width}`).toBe(true);
        await page.close();
      }
    });
  }
});
