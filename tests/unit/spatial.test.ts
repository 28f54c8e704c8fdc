// StandGrid agrees with brute force on random stands and queries.
import { describe, expect, it } from 'vitest';
import type { Rect } from '../../shared/geometry.ts';
import { StandGrid } from '../../shared/level/spatial.ts';
import type { Stand } from '../../shared/level/schema.ts';
import { seededRandom } from '../../shared/random.ts';

/** Seeded, so failures reproduce. */
const prng = seededRandom;

const W = 100;
const H = 70;

function randomStands(rand: () => number, n: number): Stand[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `s-${i}`,
    exhibitor: 'x',
    x: rand() * (W - 2),
    y: rand() * (H - 2),
    w: 0.5 + rand() * 15,
    h: 0.5 + rand() * 15,
    entrance: 'north' as const,
    size: 'M' as const,
  })).map((s) => ({ ...s, w: Math.min(s.w, W - s.x), h: Math.min(s.h, H - s.y) }));
}

const touches = (s: Stand, r: Rect) => s.x <= r.x + r.w && s.x + s.w >= r.x && s.y <= r.y + r.h && s.y + s.h >= r.y;
const contains = (s: Stand, x: number, y: number) => x >= s.x && x <= s.x + s.w && y >= s.y && y <= s.y + s.h;

describe('StandGrid', () => {
  for (const seed of [1, 2, 3]) {
    it(`query matches brute force (seed ${seed})`, () => {
      const rand = prng(seed);
      const stands = randomStands(rand, 150);
      const grid = new StandGrid(stands, W, H, 7);
      for (let q = 0; q < 300; q++) {
        const r = { x: rand() * (W + 20) - 10, y: rand() * (H + 20) - 10, w: rand() * 30, h: rand() * 30 };
        const expected = stands.flatMap((s, i) => (touches(s, r) ? [i] : []));
        const got = grid.query(r);
        expect(got.slice().sort((a, b) => a - b), JSON.stringify(r)).toEqual(expected);
        expect(new Set(got).size).toBe(got.length);
      }
    });

    it(`at matches brute force (seed ${seed})`, () => {
      const rand = prng(seed + 100);
      const stands = randomStands(rand, 150);
      const grid = new StandGrid(stands, W, H);
      for (let q = 0; q < 1000; q++) {
        const x = rand() * W;
        const y = rand() * H;
        const hits = stands.flatMap((s, i) => (contains(s, x, y) ? [i] : []));
        const got = grid.at(x, y);
        if (hits.length === 0) expect(got).toBe(-1);
        else expect(hits).toContain(got);
      }
    });
  }

  it('reuses the output array and stays correct across many queries', () => {
    const stands = randomStands(prng(9), 20);
    const grid = new StandGrid(stands, W, H);
    const out: number[] = [];
    const all = { x: 0, y: 0, w: W, h: H };
    for (let i = 0; i < 5; i++) expect(grid.query(all, out)).toBe(out);
    expect(out.slice().sort((a, b) => a - b)).toEqual(stands.map((_, i) => i));
  });
});
