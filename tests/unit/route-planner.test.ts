// Routes on hand-made floors: distances agree with findWalk, the chosen order is the optimum
// (checked by trying every order), portals join floors, step-free takes the lift, and stops
// nobody can reach are named instead of routed.
import { describe, expect, it } from 'vitest';
import { findWalk } from '../../shared/level/pathfinding.ts';
import { buildFloorModel } from '../../shared/level/model.ts';
import { LEVEL_VERSION, Level, type LevelInput } from '../../shared/level/schema.ts';
import { doorstep } from '../../shared/level/stand.ts';
import { seededRandom } from '../../shared/route/heuristic.ts';
import { RoutePlanner } from '../../shared/route/planner.ts';
import { type RoutePlan, type RouteResult, type StopRef, WALK_SPEED } from '../../shared/route/types.ts';

type PortalInput = NonNullable<LevelInput['portals']>[number];

/**
 * A 50 × 30 m hall: alleys along y = 5, 15, 25 and x = 5, 25, 45 (a 2 × 2 grid of blocks).
 * Each block holds four 3 × 3 m stands, two opening north (doorstep 1 m off the alley above)
 * and two opening south (doorstep 1 m off the alley below).
 */
function gridFloor(id: string, order: number, portals: PortalInput[] = [], extraAlleys: [number, number][][] = []): Level {
  const stands: LevelInput['stands'] = [];
  for (const bx of [5, 25])
    for (const by of [5, 15])
      for (let k = 0; k < 4; k++) {
        const north = k < 2;
        stands.push({
          id: `${id}-${stands.length}`,
          exhibitor: 'alpha-school',
          x: bx + 3 + (k % 2) * 8,
          y: north ? by + 2 : by + 5,
          w: 3,
          h: 3,
          entrance: north ? 'north' : 'south',
          size: 'S',
        });
      }
  const lines: [number, number][][] = [
    [[5, 5], [45, 5]],
    [[5, 15], [45, 15]],
    [[5, 25], [45, 25]],
    [[5, 5], [5, 25]],
    [[25, 5], [25, 25]],
    [[45, 5], [45, 25]],
    ...extraAlleys,
  ];
  const alleys = lines.map((points, i) => ({ id: `alley-${i}`, points }));
  return Level.parse({
    version: LEVEL_VERSION,
    id,
    title: { ru: id, en: id },
    category: 'school',
    order,
    size: { width: 60, height: 40 },
    background: { style: 'concrete' },
    alleys,
    stands,
    portals,
    landmarks: [{ id: 'entrance', kind: 'entrance', x: 25, y: 27, title: { ru: 'Вход', en: 'Entrance' } }],
  } satisfies LevelInput);
}

const stand = (floor: string, i: number): StopRef => ({ kind: 'stand', floor, stand: `${floor}-${i}` });
const planned = (r: RouteResult): RoutePlan => {
  if (!r.ok) throw new Error(r.message);
  return r;
};

function* permutations(items: number[]): Generator<number[]> {
  if (items.length <= 1) {
    yield items;
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const p of permutations(rest)) yield [items[i]!, ...p];
  }
}

describe('one floor', () => {
  const floor = gridFloor('a', 1);
  const planner = new RoutePlanner([floor]);
  const model = buildFloorModel(floor);

  it('measures the same walks as findWalk', () => {
    const stops = [0, 3, 6, 9, 12, 15].map((i) => stand('a', i));
    const { matrix } = planner.distances(stops);
    stops.forEach((a, i) =>
      stops.forEach((b, j) => {
        const pa = planner.position(a)!;
        const pb = planner.position(b)!;
        const walk = findWalk(model.graph, pa, pb)!;
        expect(matrix[i * stops.length + j]).toBeCloseTo(i === j ? 0 : walk.length, 6);
      }),
    );
  });

  it('walks along one alley in the obvious order', () => {
    // Stands 0, 1 (block x 5..25) and 8, 9 (block x 25..45) open north onto the alley y = 5.
    const start: StopRef = { kind: 'point', floor: 'a', x: 5, y: 5, id: 'me' };
    const plan = planned(planner.plan({ start, stops: [stand('a', 9), stand('a', 0), stand('a', 8), stand('a', 1)] }));
    expect(plan.order).toEqual(['me', 'a/a-0', 'a/a-1', 'a/a-8', 'a/a-9']);
    // Doorsteps at x = 9.5, 17.5, 29.5, 37.5 one metre off the alley: along it plus 1 m down and up.
    expect(plan.metres).toBeCloseTo(37.5 - 5 + 1 + 3 * 2, 6);
    expect(plan.seconds).toBeCloseTo(plan.metres / WALK_SPEED, 6);
    expect(plan.exact).toBe(true);
    const last = plan.legs[3]!.segments[0]!.points;
    expect(last[last.length - 1]).toEqual(doorstep(floor.stands[9]!));
  });

  it('finds the optimum that brute force finds (≤ 7 stops, with and without an end)', () => {
    const rnd = seededRandom(99);
    for (let round = 0; round < 12; round++) {
      const count = 3 + (round % 5);
      const picks = new Set<number>();
      while (picks.size < count + 1) picks.add(Math.floor(rnd() * floor.stands.length));
      const [first, ...rest] = [...picks];
      const start = stand('a', first!);
      const stops = rest.map((i) => stand('a', i));
      const end: StopRef | undefined = round % 2 ? { kind: 'landmark', floor: 'a', landmark: 'entrance' } : undefined;
      const all = [start, ...stops, ...(end ? [end] : [])];
      const { matrix } = planner.distances(all);
      const n = all.length;
      const inner = Array.from({ length: stops.length }, (_, i) => i + 1);
      let best = Infinity;
      for (const perm of permutations(inner)) {
        const order = [0, ...perm, ...(end ? [n - 1] : [])];
        let c = 0;
        for (let k = 1; k < order.length; k++) c += matrix[order[k - 1]! * n + order[k]!]!;
        best = Math.min(best, c);
      }
      const plan = planned(planner.plan({ start, stops, ...(end ? { end } : {}) }));
      expect(plan.cost).toBeCloseTo(best, 6);
      if (end) expect(plan.order[plan.order.length - 1]).toBe('a/entrance');
    }
  });

  it('keeps pinned stops where they are pinned, also beyond the exact limit', () => {
    const stops = Array.from({ length: 16 }, (_, i) => stand('a', i));
    const start: StopRef = { kind: 'landmark', floor: 'a', landmark: 'entrance' };
    for (const exactLimit of [16, 4]) {
      const plan = planned(
        planner.plan({
          start,
          stops,
          pins: [
            { stop: 'a/a-15', position: 0 },
            { stop: 'a/a-0', position: 7 },
          ],
          search: { exactLimit },
        }),
      );
      expect(plan.exact).toBe(exactLimit === 16);
      expect(plan.order[0]).toBe('a/entrance');
      expect(plan.order[1]).toBe('a/a-15');
      expect(plan.order[8]).toBe('a/a-0');
    }
  });

  it('refuses impossible pins with a reason', () => {
    const r = planner.plan({
      start: stand('a', 0),
      stops: [stand('a', 1), stand('a', 2)],
      pins: [{ stop: 'a/a-1', position: 5 }],
    });
    expect(r).toMatchObject({ ok: false, reason: 'invalid-pins', unreachable: [] });
  });
});

describe('several floors', () => {
  // Stairs near the west end of alley y = 15, a lift at the east end; a third floor only by stairs.
  const lower = gridFloor('lower', 1, [
    { id: 'stairs', kind: 'stairs', x: 5, y: 15, to: { floor: 'upper', portal: 'stairs' } },
    { id: 'lift', kind: 'lift', x: 46, y: 20, to: { floor: 'upper', portal: 'lift' } },
  ]);
  const upper = gridFloor('upper', 2, [
    { id: 'stairs', kind: 'stairs', x: 5, y: 15, to: { floor: 'lower', portal: 'stairs' } },
    { id: 'lift', kind: 'lift', x: 46, y: 20, to: { floor: 'lower', portal: 'lift' } },
    { id: 'stairs-up', kind: 'stairs', x: 25, y: 15, to: { floor: 'attic', portal: 'stairs' } },
  ]);
  const attic = gridFloor(
    'attic',
    3,
    [{ id: 'stairs', kind: 'stairs', x: 25, y: 15, to: { floor: 'upper', portal: 'stairs-up' } }],
    // A closed-off alley nobody can walk onto.
    [[[50, 35], [58, 35]]],
  );
  const planner = new RoutePlanner([lower, upper, attic]);
  const start: StopRef = { kind: 'point', floor: 'lower', x: 6, y: 5, id: 'me' };

  it('goes up the stairs and draws each floor separately', () => {
    const plan = planned(planner.plan({ start, stops: [stand('upper', 4)] }));
    const leg = plan.legs[0]!;
    expect(leg.segments.map((s) => s.floor)).toEqual(['lower', 'upper']);
    expect(leg.transitions).toEqual([
      { kind: 'stairs', from: { floor: 'lower', portal: 'stairs' }, to: { floor: 'upper', portal: 'stairs' }, seconds: 30 },
    ]);
    // 1 m to (5,5), 10 m down to the stairs, upstairs 10 m to (5,25)... stand 4 opens south at x 9.5:
    // doorstep (9.5, 14) is reached from alley y = 15, so 4.5 m along it and 1 m up.
    expect(leg.metres).toBeCloseTo(1 + 10 + 4.5 + 1, 6);
    expect(leg.cost).toBeCloseTo(leg.metres + 25, 6);
    expect(leg.seconds).toBeCloseTo(leg.metres / WALK_SPEED + 30, 6);
    expect(leg.segments[0]!.points.at(-1)).toEqual({ x: 5, y: 15 });
    expect(leg.segments[1]!.points[0]).toEqual({ x: 5, y: 15 });
  });

  it('takes the lift when asked for a step-free route', () => {
    const plan = planned(planner.plan({ start, stops: [stand('upper', 4)], stepFree: true }));
    const leg = plan.legs[0]!;
    expect(leg.transitions.map((t) => t.kind)).toEqual(['lift']);
    expect(leg.transitions[0]!.seconds).toBe(60);
    // The lift stands 1 m beside the alley x = 45 on both floors: those steps are walked.
    expect(leg.segments[0]!.points.at(-1)).toEqual({ x: 46, y: 20 });
    expect(leg.segments[1]!.points[0]).toEqual({ x: 46, y: 20 });
  });

  it('orders stops spread over floors without needless floor changes', () => {
    const stops = [stand('upper', 1), stand('lower', 2), stand('upper', 3), stand('lower', 5), stand('attic', 6)];
    const plan = planned(planner.plan({ start, stops }));
    const floors = plan.order.slice(1).map((id) => id.split('/')[0]);
    const changes = floors.filter((f, i) => i > 0 && f !== floors[i - 1]).length;
    expect(changes).toBe(2); // lower, lower, upper, upper, attic
    expect(floors.at(-1)).toBe('attic');
  });

  it('names the stops a step-free route cannot reach', () => {
    const r = planner.plan({ start, stops: [stand('upper', 2), stand('attic', 3)], stepFree: true });
    expect(r).toEqual({
      ok: false,
      unreachable: ['attic/attic-3'],
      reason: 'no-step-free-path',
      message: 'no step-free way from me to: attic/attic-3',
    });
  });

  it('names the stops no walk reaches and the stops it does not know', () => {
    const island: StopRef = { kind: 'point', floor: 'attic', x: 54, y: 36, id: 'island' };
    const r = planner.plan({ start, stops: [stand('lower', 2), island] });
    expect(r).toMatchObject({ ok: false, unreachable: ['island'], reason: 'no-path' });
    expect(r.ok || r.message).toContain('island');
    const u = planner.plan({ start, stops: [stand('cellar', 1), stand('lower', 999)] });
    expect(u).toMatchObject({ ok: false, unreachable: ['cellar/cellar-1', 'lower/lower-999'], reason: 'unknown-stop' });
  });
});
