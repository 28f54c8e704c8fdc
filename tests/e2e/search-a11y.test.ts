// The search's results in real headless Chromium: axe-core finds nothing serious in the open
// list (no button inside an option), the keyboard reaches "add to my route" one Tab from the
// box, and the mouse still has a "+" on every row.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hallSettled, openPage, useBrowserSuite } from './harness.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const suite = useBrowserSuite();

/** Serious and critical axe-core findings (WCAG 2.1 AA) inside `scope`, as tests/e2e/a11y.test.ts. */
async function audit(page: Page, scope: string): Promise<{ id: string; nodes: string[] }[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const res = await axe.run({ include: [sel] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  }, scope);
}

const stops = (page: Page) => page.evaluate(() => window.__expo!.store.getState().routeStops.map((s) => s.stand));

describe('search results', () => {
  it('pass axe with the list open; the route action is a Tab away and acts on the active result', { timeout: 120_000 }, async () => {
    const page = await openPage(suite.browser, `${suite.url}/floor/school`);
    await hallSettled(page, 'school', 45_000);
    const box = page.getByRole('combobox');
    await box.fill('детск');
    await page.getByRole('option').nth(1).waitFor();
    expect(await page.locator('[role="option"] button, [role="option"] [tabindex]').count()).toBe(0);
    expect(await audit(page, '.search')).toEqual([]);

    // The second result is the active one after ArrowDown; the button names it.
    await box.press('ArrowDown');
    const second = (await page.getByRole('option').nth(1).locator('.search__name').textContent())!;
    const secondStand = (await page.getByRole('option').nth(1).getAttribute('data-stand'))!;
    await box.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused.textContent()).resolves.toContain(second);
    await expect(focused.getAttribute('aria-pressed')).resolves.toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => stops(page)).toEqual([secondStand]);
    await expect(focused.getAttribute('aria-pressed')).resolves.toBe('true');

    // The mouse: the first row's "+" adds that stand without opening it.
    await page.keyboard.press('Shift+Tab');
    const firstStand = (await page.getByRole('option').first().getAttribute('data-stand'))!;
    await page.getByRole('option').first().locator('.search__route-mark').click();
    await expect.poll(() => stops(page)).toEqual([secondStand, firstStand]);
    await expect(page.getByRole('option').first().locator('.search__route-mark').textContent()).resolves.toBe('✓');
    await page.screenshot({ path: '/tmp/a2-search.png', clip: { x: 300, y: 0, width: 700, height: 560 } });
    await page.close();
  });
});
