// A visitor with a keyboard only, in real headless Chromium against the real server: skips to
// the list of stands, moves through it with arrow keys, finds a company by search, adds it to
// the route from the result, opens it with Enter (announced), asks for the materials by e-mail,
// closes it, and the hall keeps its stands as one Tab stop. Focus is checked at every step.
// A first visit by a shared stand link shows the stand first and asks for a name after.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hallSettled, openPage, storeState, useBrowserSuite } from './harness.ts';

const suite = useBrowserSuite();

/** A short description of the focused element: tag, id, classes, text, label. */
function focused(page: Page): Promise<{ tag: string; id: string; cls: string; text: string; label: string; row: string | null; inDialog: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      cls: el?.className ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 80),
      label: el?.getAttribute('aria-label') ?? '',
      row: el?.closest<HTMLElement>('[data-list-stand]')?.dataset.listStand ?? null,
      inDialog: el?.closest('dialog')?.className ?? null,
    };
  });
}

/** Presses Tab (or Shift+Tab) until `test` holds for the focused element; fails after `max`. */
async function tabUntil(page: Page, test: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 40, back = false): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (test(await focused(page))) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus never got there; it is on ${JSON.stringify(await focused(page))}`);
}

describe('keyboard only', () => {
  it('skip link to the list, arrows in the list, search → add to route → Enter opens, materials, close returns focus', async () => {
    const page = await openPage(suite.browser, `${suite.url}/floor/school`);
    await hallSettled(page);

    // The first Tab stop is the skip link to the list of stands.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('К списку стендов');
    await page.keyboard.press('Enter');
    await page.locator('.list-view').waitFor();
    expect((await focused(page)).id).toBe('stand-list-title');
    expect(await page.evaluate(() => localStorage.getItem('expo.hallMode'))).toBe('list');

    // The stands are one Tab stop: the filter fields, then the first stand's "Open".
    await tabUntil(page, (f) => f.row !== null, 6);
    const first = await focused(page);
    expect(first.text).toMatch(/^Открыть/);
    const rows = await page.locator('[data-list-stand]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.listStand!));
    expect(first.row).toBe(rows[0]);
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).row).toBe(rows[1]);
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).text).toMatch(/^В мой маршрут/);
    await page.keyboard.press('ArrowLeft');
    expect((await focused(page)).text).toMatch(/^Открыть/);
    // Tab leaves the list at once (no 140 stops).
    await page.keyboard.press('Tab');
    expect((await focused(page)).row).toBeNull();
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).row).toBe(rows[1]);

    // Open the stand from the list; Esc returns to its button.
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.stand-dialog[open]');
    await dialog.waitFor();
    expect((await focused(page)).inDialog).toContain('stand-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await focused(page)).row).toBe(rows[1]);

    // Back to the search in the top bar, keyboard only.
    await tabUntil(page, (f) => f.tag === 'input' && f.cls === '' && f.id.endsWith('-input'), 30, true);
    await page.keyboard.type('Кораблик');
    await page.locator('.search__hit[data-stand="sc-a11"]').waitFor();
    // Tab reaches the result's "add to route"; Enter adds the stand.
    await page.keyboard.press('Tab');
    expect((await focused(page)).cls).toContain('search__route');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__expo!.store.getState().routeStops.some((s) => s.stand === 'sc-a11'));
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).id).toMatch(/-input$/);

    // Enter on the result opens the stand and says so.
    await page.keyboard.press('Enter');
    const stand = page.getByRole('dialog', { name: /Кораблик/ });
    await stand.waitFor();
    await expect(page.locator('#announcer').textContent()).resolves.toContain('Открыт стенд «Сеть детских садов «Кораблик»»');
    expect((await focused(page)).inDialog).toContain('stand-dialog');
    await expect(stand.getByRole('button', { name: /В маршруте/ }).getAttribute('aria-pressed')).resolves.toBe('true');

    // The materials by e-mail, typed field by field. The stand's content arrives after the
    // dialog opens (slowly on a loaded machine): wait for the form before tabbing to it.
    await stand.locator('#card-korablik-name').waitFor();
    await tabUntil(page, (f) => f.id === 'card-korablik-name', 80);
    await page.keyboard.type('Олег Морозов');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Школа № 1 г. Казани');
    await page.keyboard.press('Tab');
    await page.keyboard.type('учитель физики');
    await page.keyboard.press('Tab');
    await page.keyboard.type('o.morozov@school1.example.ru');
    await tabUntil(page, (f) => f.tag === 'input' && f.id.endsWith('-consent'), 4);
    await page.keyboard.press('Space');
    await tabUntil(page, (f) => f.text === 'Получить материалы на почту', 4);
    await page.keyboard.press('Enter');
    await page.locator('.card-for-materials .stand-done').waitFor();
    // The confirmation has the keyboard (the form and its button are gone).
    await page.waitForFunction(() => document.activeElement?.classList.contains('stand-done'));

    // Esc closes the stand; focus is back in the search box it came from.
    await page.keyboard.press('Escape');
    await stand.waitFor({ state: 'detached' });
    expect((await focused(page)).id).toMatch(/-input$/);
    await page.close();
  }, 180_000);

  it('the hall: page controls first, the stands one Tab stop with arrow keys inside, Shift+Tab does not go back in', async () => {
    const page = await openPage(suite.browser, `${suite.url}/floor/school`);
    await hallSettled(page);
    // Zoom, help, who's here and the floor list all come before the hall.
    const seen: string[] = [];
    await tabUntil(
      page,
      (f) => {
        seen.push(f.label || f.text);
        return f.id === 'hall';
      },
      40,
    );
    for (const name of ['Приблизить', 'Управление']) expect(seen).toContain(name);
    expect(seen.some((s) => s.startsWith('Кто здесь'))).toBe(true);
    expect(seen.some((s) => s.includes('Высшее'))).toBe(true);
    expect(await storeState<string | null>(page, 'focusedStandId')).toBeNull();

    // Arrows move the focus ring like a grid; Enter opens; Esc returns to the hall.
    await page.keyboard.press('ArrowRight');
    const a = await storeState<string>(page, 'focusedStandId');
    await page.keyboard.press('ArrowRight');
    const b = await storeState<string>(page, 'focusedStandId');
    expect(b).not.toBe(a);
    await page.keyboard.press('ArrowDown');
    const c = await storeState<string>(page, 'focusedStandId');
    expect([a, b]).not.toContain(c);
    await page.keyboard.press('Enter');
    await page.locator('dialog.stand-dialog[open]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('dialog.stand-dialog[open]').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.id === 'hall');
    expect(await storeState<string>(page, 'focusedStandId')).toBe(c);

    // Shift+Tab leaves the hall for the control before it, and stays out.
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).id).not.toBe('hall');
    expect(await storeState<string>(page, 'focusedStandId')).toBe(c);
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).id).not.toBe('hall');
    await page.close();
  }, 180_000);

  it('a shared stand link on a first visit: focus inside the stand, typing keeps it open, the name question comes after', async () => {
    const page = await openPage(suite.browser, `${suite.url}/floor/school/stand/sc-a11`, undefined, null);
    const stand = page.getByRole('dialog', { name: /Кораблик/ });
    await stand.waitFor();
    await page.locator('.stand-interior').waitFor();
    expect((await focused(page)).inDialog).toContain('stand-dialog');
    await expect(page.locator('dialog.profile-dialog').count()).resolves.toBe(0);
    await page.keyboard.type('Анна');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await expect(stand.isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).pathname).toBe('/floor/school/stand/sc-a11');

    // Closing the stand brings the name question, with the keyboard in it.
    await page.keyboard.press('Escape');
    await stand.waitFor({ state: 'detached' });
    const ask = page.getByRole('dialog', { name: 'Как вас представить?' });
    await ask.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'profile-name');
    await page.keyboard.type('Анна');
    await page.keyboard.press('Enter');
    await ask.waitFor({ state: 'detached' });
    // Not on <body>: back in the hall.
    await page.waitForFunction(() => document.activeElement?.id === 'hall');
    await page.close();
  }, 180_000);
});
