// Two visitors in two real Chromium pages see each other's avatars move.
import { expect, it } from 'vitest';
import { hallSettled, openPage, useBrowserSuite } from './harness.ts';

const suite = useBrowserSuite();

it('each page sees the other visitor, moving, with its name; the live badge says live', async () => {
  const a = await openPage(suite.browser, `${suite.url}/floor/edtech`, undefined, { name: 'Алиса', colour: 1 });
  const b = await openPage(suite.browser, `${suite.url}/floor/edtech`, undefined, { name: 'Богдан', colour: 3 });
  await Promise.all([hallSettled(a), hallSettled(b)]);
  await a.locator('.live-badge[data-status="live"]').waitFor();
  await b.locator('.live-badge[data-status="live"]').waitFor();
  const seen = (page: typeof a, name: string) =>
    page.waitForFunction((n) => window.__expo!.hall()!.peopleSnapshot().some((p) => p.name === n), name, { timeout: 15_000 });
  await seen(a, 'Богдан');
  await seen(b, 'Алиса');

  // Bob walks; Alice sees Bob's avatar arrive near where he went.
  const before = await a.evaluate(() => window.__expo!.hall()!.peopleSnapshot().find((p) => p.name === 'Богдан')!);
  const target = await b.evaluate(() => {
    const h = window.__expo!.hall()!;
    const me = h.avatarPosition();
    const goal = { x: me.x, y: me.y - 12 };
    h.walkToPoint(goal);
    return goal;
  });
  await a.waitForFunction(
    ({ t, x0, y0 }) => {
      const p = window.__expo!.hall()!.peopleSnapshot().find((q) => q.name === 'Богдан');
      return !!p && Math.hypot(p.x - x0, p.y - y0) > 5 && Math.hypot(p.x - t.x, p.y - t.y) < 3;
    },
    { t: target, x0: before.x, y0: before.y },
    { timeout: 20_000 },
  );
  // Counts: both are on the floor.
  await a.waitForFunction(() => (window.__expo!.store.getState() as unknown as { floorCounts: Record<string, number> }).floorCounts.edtech === 2, null, { timeout: 5_000 });
  expect(await a.locator('.floors a[data-floor="edtech"]').textContent()).toMatch(/2 человека/);

  // Alice leaves; Bob sees her go.
  await a.close({ runBeforeUnload: true });
  await b.waitForFunction(() => !window.__expo!.hall()!.peopleSnapshot().some((p) => p.name === 'Алиса'), null, { timeout: 10_000 });
  await b.close();
});

it('a first-time visitor is asked for a name, and the name reaches the others', async () => {
  const a = await openPage(suite.browser, `${suite.url}/floor/equipment`, undefined, null);
  await a.getByRole('dialog', { name: 'Как вас представить?' }).waitFor();
  await a.getByLabel('Имя').fill('Вероника');
  await a.getByRole('button', { name: 'Войти на выставку' }).click();
  await a.getByRole('dialog').waitFor({ state: 'hidden' });
  const b = await openPage(suite.browser, `${suite.url}/floor/equipment`);
  await hallSettled(b);
  await b.waitForFunction(() => window.__expo!.hall()!.peopleSnapshot().some((p) => p.name === 'Вероника'), null, { timeout: 15_000 });
  // Remembered in the browser: no question on reload.
  await a.reload();
  await hallSettled(a);
  expect(await a.getByRole('dialog', { name: 'Как вас представить?' }).count()).toBe(0);
  await Promise.all([a.close(), b.close()]);
});
