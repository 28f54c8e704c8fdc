// The hall plan's labels in real headless Chromium against the real server: at the fitted
// zoom the booth numbers, names and landmark labels on screen never overlap, every name shown
// is whole (wrapped, never cut), close up the stands show their names, a booth number typed
// into the search finds its stand, and other visitors' name tags keep clear of every label.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExhibitorList } from '../../shared/exhibitor.ts';
import { Level } from '../../shared/level/schema.ts';
import { boothNumberMap } from '../../shared/plan/boothNumbers.ts';
import { doorstep } from '../../shared/level/stand.ts';
import { ROOT } from '../../server/config.ts';
import { bootServer, docShot, hallSettled, launchBrowser, openPage, showStand } from './harness.ts';
import type { PlanLabel } from '../../client/src/engine/hallApi.ts';

const school = Level.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/school.json'), 'utf8')));
const exhibitors = new Map(
  ExhibitorList.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/seed/exhibitors.json'), 'utf8'))).map((e) => [e.id, e]),
);
const nameOf = (standId: string) => exhibitors.get(school.stands.find((s) => s.id === standId)!.exhibitor)!.name;
const booths = boothNumberMap(school);

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

/** The plan's labels once every label the view wants is built (they come a few per frame). */
async function settledLabels(page: Page): Promise<PlanLabel[]> {
  await hallSettled(page);
  await page.waitForFunction(
    () => {
      const h = window.__expo!.hall()! as unknown as { labels?: { pending: boolean }; planLabels(): unknown[] };
      return h.planLabels().length > 0 && h.labels?.pending === false;
    },
    undefined,
    { timeout: 30_000, polling: 200 },
  );
  return page.evaluate(() => window.__expo!.hall()!.planLabels());
}

function overlap(a: PlanLabel, b: PlanLabel): boolean {
  // Half a pixel of tolerance: boxes that only touch do not overlap.
  return a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
}

const whole = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

describe('labels on the hall plan', () => {
  it('at the fitted zoom: booth numbers on (nearly) every stand, no two labels overlapping, names whole', async () => {
    const page = await openPage(browser, `${server.url}/floor/school?view=plan`);
    const labels = await settledLabels(page);
    const numbers = labels.filter((l) => l.kind === 'number');
    // A few stands lose their number to a landmark's or portal's label (higher priority).
    expect(numbers.length).toBeGreaterThan(school.stands.length * 0.85);
    for (const n of numbers) expect(n.text).toBe(booths.get(n.standId!));
    expect(labels.some((l) => l.kind === 'marker')).toBe(true);
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i]!, labels[j]!];
        expect(overlap(a, b), `${a.kind} "${a.text}" overlaps ${b.kind} "${b.text}"`).toBe(false);
      }
    for (const n of labels.filter((l) => l.kind === 'name')) expect(whole(n.text)).toBe(whole(nameOf(n.standId!)));
    await page.close();
  });

  it('close up, a stand shows its whole name and number inside its rectangle', async () => {
    const page = await openPage(browser, `${server.url}/floor/school?view=plan`);
    const stand = school.stands.find((s) => s.size === 'L' && nameOf(s.id).split(' ').length >= 3)!;
    await hallSettled(page);
    await showStand(page, stand.id);
    const labels = await settledLabels(page);
    const mine = labels.filter((l) => l.standId === stand.id);
    expect(mine.map((l) => l.kind).sort()).toEqual(['name', 'number']);
    expect(whole(mine.find((l) => l.kind === 'name')!.text)).toBe(whole(nameOf(stand.id)));
    const [tl, br] = await page.evaluate(
      (s) => [window.__expo!.hall()!.worldToScreen({ x: s.x, y: s.y }), window.__expo!.hall()!.worldToScreen({ x: s.x + s.w, y: s.y + s.h })],
      stand,
    );
    for (const l of mine) {
      expect(l.x).toBeGreaterThanOrEqual(tl!.x - 1);
      expect(l.y).toBeGreaterThanOrEqual(tl!.y - 1);
      expect(l.x + l.w).toBeLessThanOrEqual(br!.x + 1);
      expect(l.y + l.h).toBeLessThanOrEqual(br!.y + 1);
    }
    await page.close();
  });

  it("two visitors' name tags at a stand: both shown, overlapping no stand label, landmark or each other; none zoomed out", async () => {
    const stand = school.stands.find((s) => s.id === 'sc-j08')!;
    const door = doorstep(stand);
    const watcher = await openPage(browser, `${server.url}/floor/school?view=plan`, undefined, { name: 'Наблюдатель', colour: 2 });
    // Tags are drawn in the full picture only: light mode (the default under the headless
    // browser's software rendering) leaves them out.
    await watcher.evaluate(() => localStorage.setItem('expo.lightMode', 'off'));
    await watcher.reload();
    await hallSettled(watcher);
    await showStand(watcher, stand.id);
    const key = (l: PlanLabel) => `${l.kind} ${l.standId ?? ''} ${l.text}`;
    const before = (await settledLabels(watcher)).map(key).sort();

    // Both walk to the same doorstep once the floor room has placed them: their tags compete
    // with each other and with the stand's own labels.
    const visitors = await Promise.all(
      (['Алиса', 'Богдан'] as const).map((name, i) => openPage(browser, `${server.url}/floor/school?view=plan`, undefined, { name, colour: i + 3 })),
    );
    for (const v of visitors) {
      await hallSettled(v);
      await v.locator('.live-badge[data-status="live"]').waitFor();
      await v.evaluate((id) => window.__expo!.hall()!.walkToStand(id), stand.id);
    }
    await watcher.waitForFunction(
      (d) => {
        const h = window.__expo!.hall()!;
        const people = h.peopleSnapshot();
        return people.length === 2 && people.every((p) => Math.hypot(p.x - d.x, p.y - d.y) < 1) && h.planLabels().filter((l) => l.kind === 'tag').length === 2;
      },
      door,
      { timeout: 30_000, polling: 200 },
    );
    const labels = await settledLabels(watcher);
    expect(labels.filter((l) => l.kind === 'tag').map((l) => l.text).sort()).toEqual(['Алиса', 'Богдан']);
    // Tags rank below every stand label: the stands show exactly what they showed before.
    expect(labels.filter((l) => l.kind !== 'tag').map(key).sort()).toEqual(before);
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i]!, labels[j]!];
        expect(overlap(a, b), `${a.kind} "${a.text}" overlaps ${b.kind} "${b.text}"`).toBe(false);
      }
    await watcher.screenshot({ path: docShot('hall-plan-visitors.png') });
    // Zoomed far out, no tags: a floor of names would bury the plan.
    await watcher.evaluate(() => window.__expo!.hall()!.fitFloor());
    await hallSettled(watcher);
    await expect.poll(() => watcher.evaluate(() => window.__expo!.hall()!.planLabels().filter((l) => l.kind === 'tag').length)).toBe(0);
    await Promise.all([watcher, ...visitors].map((p) => p.close()));
  });

  it('a booth number typed into the search finds that stand, and the hover card shows the number', async () => {
    const page = await openPage(browser, `${server.url}/floor/school?view=plan`);
    await hallSettled(page);
    const stand = school.stands[17]!;
    const booth = booths.get(stand.id)!;
    await page.getByRole('combobox').fill(booth);
    const first = page.getByRole('option').first();
    await expect(first.textContent()).resolves.toContain(nameOf(stand.id));
    await expect(first.textContent()).resolves.toContain(booth);
    await first.click();
    await expect.poll(() => page.evaluate(() => window.__expo!.store.getState().highlightedStandId)).toBe(stand.id);
    await page.evaluate((id) => window.__expo!.store.getState().setFocused(id), stand.id);
    await expect(page.getByRole('tooltip').textContent()).resolves.toContain(booth);
    await page.close();
  });
});
