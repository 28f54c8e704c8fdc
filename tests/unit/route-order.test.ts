// Ordering stops on bare cost matrices: Held-Karp against brute force, the local search against
// nearest neighbour, and the contract of start, end and pins.
import { describe, expect, it } from 'vitest';
import { solveExact } from '../../shared/route/exact.ts';
import { greedyEdge, improve, nearestNeighbour, seededRandom, solveHeuristic } from '../../shared/route/heuristic.ts';
import { type NodePin, type OrderProblem, freeNodes, pathCost, solveOrder } from '../../shared/route/order.ts';

/** Points in a 100 m square, Manhattan distances: like walking a grid of alleys. */
function randomProblem(n: number, seed: number, extra: Partial<OrderProblem> = {}): OrderProblem {
  const rnd = seededRandom(seed);
  const pts = Array.from({ length: n }, () => [rnd() * 100, rnd() * 100] as const);
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) cost[i * n + j] = Math.abs(pts[i]![0] - pts[j]![0]) + Math.abs(pts[i]![1] - pts[j]![1]);
  return { n, cost, start: 0, ...extra };
}

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

/** The optimum by trying every order that respects start, end and pins. */
function bruteForce(p: OrderProblem): number {
  let best = Infinity;
  for (const perm of permutations(freeNodes(p))) {
    if ((p.pins ?? []).some((pin) => perm[pin.position] !== pin.node)) continue;
    const order = [p.start, ...perm, ...(p.end === undefined ? [] : [p.end])];
    best = Math.min(best, pathCost(p, order));
  }
  return best;
}

function expectValid(p: OrderProblem, order: number[]) {
  expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: p.n }, (_, i) => i));
  expect(order[0]).toBe(p.start);
  if (p.end !== undefined) expect(order[order.length - 1]).toBe(p.end);
  for (const pin of p.pins ?? []) expect(order[pin.position + 1]).toBe(pin.node);
}

describe('Held-Karp', () => {
  it('equals brute force on random instances, open and with a fixed end', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const n = 2 + (seed % 7); // 2..8 nodes: up to 7 free stops
      for (const extra of [{}, { end: n - 1 }]) {
        const p = randomProblem(n, seed, extra);
        const got = solveExact(p);
        expectValid(p, got.order);
        expect(got.cost).toBeCloseTo(bruteForce(p), 9);
        expect(pathCost(p, got.order)).toBeCloseTo(got.cost, 9);
      }
    }
  });

  it('equals brute force with pins', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const p = randomProblem(8, seed, {
        pins: [
          { node: 1 + (seed % 7), position: seed % 3 },
          { node: 1 + ((seed + 3) % 7), position: 6 },
        ],
      });
      const got = solveExact(p);
      expectValid(p, got.order);
      expect(got.cost).toBeCloseTo(bruteForce(p), 9);
    }
  });

  it('solves 12 stops after a start in well under 100 ms', () => {
    const p = randomProblem(13, 7);
    const t0 = performance.now();
    const got = solveExact(p);
    expect(performance.now() - t0).toBeLessThan(100);
    expectValid(p, got.order);
  });

  it('handles a start alone and a start with an end', () => {
    expect(solveExact(randomProblem(1, 1)).order).toEqual([0]);
    expect(solveExact(randomProblem(2, 1, { end: 1 })).order).toEqual([0, 1]);
  });
});

describe('local search', () => {
  it('is never worse than nearest neighbour (200 seeded instances)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const n = 14 + (seed % 40);
      const extra = seed % 3 === 0 ? { end: n - 1 } : {};
      const p = randomProblem(n, seed * 7919, extra);
      const nn = pathCost(p, nearestNeighbour(p));
      const got = solveHeuristic(p, { seed, restarts: 5 });
      expectValid(p, got.order);
      expect(got.cost).toBeLessThanOrEqual(nn + 1e-9);
    }
  });

  it('reaches the optimum on small instances where brute force can check it', () => {
    let hits = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const p = randomProblem(8, seed);
      if (Math.abs(solveHeuristic(p, { seed }).cost - bruteForce(p)) < 1e-9) hits++;
    }
    expect(hits).toBeGreaterThanOrEqual(28);
  });

  it('is deterministic for a seed', () => {
    const p = randomProblem(60, 42);
    expect(solveHeuristic(p, { seed: 3 }).order).toEqual(solveHeuristic(p, { seed: 3 }).order);
  });

  it('stops restarting when the injected clock says the budget is spent', () => {
    const p = randomProblem(60, 5);
    let t = 0;
    let calls = 0;
    const now = () => {
      calls++;
      return (t += 100);
    };
    const got = solveHeuristic(p, { now, timeBudgetMs: 250, restarts: 1000 });
    expectValid(p, got.order);
    expect(calls).toBeLessThan(5);
  });

  it('greedy edge and 2-opt/Or-opt keep a valid path from the start to the end', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const p = randomProblem(20, seed, seed % 2 ? { end: 19 } : {});
      const g = greedyEdge(p);
      expectValid(p, g);
      const better = improve(p, g);
      expectValid(p, better);
      expect(pathCost(p, better)).toBeLessThanOrEqual(pathCost(p, g) + 1e-9);
    }
  });
});

describe('start, end and pins', () => {
  // Pins count positions after the start from 0; a fixed end is last and is not counted.
  const pins: NodePin[] = [
    { node: 5, position: 0 },
    { node: 9, position: 10 },
    { node: 2, position: 17 },
  ];

  it('honours them in the heuristic', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const p = randomProblem(20, seed, { start: 3, end: 0, pins });
      const got = solveOrder(p, { seed });
      expect(got.exact).toBe(false);
      expectValid(p, got.order);
      expect(got.order[1]).toBe(5); // "pinned at 0" = first stop after the start
      expect(got.order[18]).toBe(2); // the last free position, just before the end
      expect(got.cost).toBeLessThanOrEqual(pathCost(p, nearestNeighbour(p)) + 1e-9);
    }
  });

  it('honours them exactly and matches brute force', () => {
    const p = randomProblem(9, 11, { start: 4, end: 8, pins: [{ node: 0, position: 0 }] });
    const got = solveOrder(p);
    expect(got.exact).toBe(true);
    expectValid(p, got.order);
    expect(got.order.slice(0, 2)).toEqual([4, 0]);
    expect(got.cost).toBeCloseTo(bruteForce(p), 9);
  });

  it('refuses pins that cannot hold', () => {
    const p = randomProblem(6, 1, { end: 5 });
    expect(() => solveOrder({ ...p, pins: [{ node: 0, position: 0 }] })).toThrow(/start/);
    expect(() => solveOrder({ ...p, pins: [{ node: 5, position: 0 }] })).toThrow(/end/);
    expect(() => solveOrder({ ...p, pins: [{ node: 1, position: 4 }] })).toThrow(/outside/);
    expect(() =>
      solveOrder({
        ...p,
        pins: [
          { node: 1, position: 1 },
          { node: 2, position: 1 },
        ],
      }),
    ).toThrow(/two stops/);
  });
});
