// A page older than the server (its join says an older protocol) is told so politely: a
// notice with a Reload button, in the page's language, and no reconnecting behind it.
// Reloading gets the current page, which joins.
import { expect, it } from 'vitest';
import { PROTOCOL_VERSION, ROOMS } from '../../shared/protocol.ts';
import { hallSettled, useBrowserSuite } from './harness.ts';

const suite = useBrowserSuite();

it('asks an outdated page to reload, and stops reconnecting', async () => {
  const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => localStorage.setItem('expo.profile', JSON.stringify({ name: 'Пётр', colour: 1 })));
  // The page "from before the update": its floor joins carry the previous protocol version.
  let joins = 0;
  await page.route(`**/matchmake/*/${ROOMS.floor}`, async (route) => {
    joins++;
    const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...body, protocol: PROTOCOL_VERSION - 1 }) });
  });
  await page.goto(`${suite.url}/floor/edtech`);
  await hallSettled(page);

  const notice = page.locator('.outdated-notice');
  await notice.waitFor({ timeout: 20_000 });
  expect(await notice.getAttribute('role')).toBe('status');
  expect(await notice.textContent()).toContain('Выставка обновилась. Обновите страницу');
  // The other language says the same.
  await page.getByRole('button', { name: 'English' }).click();
  await expect.poll(() => notice.textContent()).toContain('The exhibition has been updated. Reload the page');
  // Non-blocking: the hall is still there to look at; nothing joins again behind the notice.
  const refused = joins;
  await page.waitForTimeout(2500);
  expect(joins).toBe(refused);
  expect(await page.locator('.live-badge').getAttribute('data-status')).toBe('offline');

  // The current page (no rewrite any more) joins after the reload.
  await page.unroute(`**/matchmake/*/${ROOMS.floor}`);
  await notice.getByRole('button', { name: 'Reload the page' }).click();
  await hallSettled(page);
  await page.locator('.live-badge[data-status="live"]').waitFor({ timeout: 20_000 });
  expect(await page.locator('.outdated-notice').count()).toBe(0);
  await page.close();
}, 90_000);
