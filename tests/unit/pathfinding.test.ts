// Shortest walks along alleys on a hand-made floor: a ring of alleys around a block.
import { describe, expect, it } from 'vitest';
import type { Vec } from '../../shared/geometry.ts';
import { findWalk } from '../../shared/level/pathfinding.ts';
import { buildWalkGraph } from '../../shared/level/walkGraph.ts';
import { floorOf } from '../fixtures/fixtures.ts';

// A 30 x 20 m block of stands ringed by four alleys, plus a lone alley nobody can reach.
const ring = floorOf([
  [[5, 5], [35, 5]],
  [[35, 5], [35, 25]],
  [[35, 25], [5, 25]],
  [[5, 25], [5, 5]],
]);
const g = buildWalkGraph(ring);

const near = (points: Vec[], expected: [number, number][]) => {
  expect(points).toHaveLength(expected.length);
  points.forEach((p, i) => {
    expect(p.x).toBeCloseTo(expected[i]![0], 6);
    expect(p.y).toBeCloseTo(expected[i]![1], 6);
  });
};

describe('findWalk', () => {
  it('takes the L-shaped way round the block', () => {
    const walk = findWalk(g, { x: 30, y: 5 }, { x: 5, y: 20 })!;
    near(walk.points, [[30, 5], [5, 5], [5, 20]]);
    expect(Math.abs(walk.length - 40)).toBeLessThan(1e-6);
  });

  it('picks the shorter side of the ring', () => {
    // From the top alley near its east end to the bottom alley near its east end: east side wins.
    const walk = findWalk(g, { x: 33, y: 5 }, { x: 30, y: 25 })!;
    near(walk.points, [[33, 5], [35, 5], [35, 25], [30, 25]]);
    expect(Math.abs(walk.length - (2 + 20 + 5))).toBeLessThan(1e-6);
  });

  it('leaves and rejoins the alleys at the nearest spots', () => {
    const walk = findWalk(g, { x: 30, y: 7 }, { x: 7, y: 20 })!;
    near(walk.points, [[30, 7], [30, 5], [5, 5], [5, 20], [7, 20]]);
    expect(Math.abs(walk.length - (2 + 25 + 15 + 2))).toBeLessThan(1e-6);
  });

  it('walks straight along one edge', () => {
    const walk = findWalk(g, { x: 10, y: 5 }, { x: 20, y: 5 })!;
    near(walk.points, [[10, 5], [20, 5]]);
    expect(walk.length).toBeCloseTo(10, 9);
  });

  it('stops on the alley when the last leg is not walkable', () => {
    const walk = findWalk(g, { x: 10, y: 5 }, { x: 20, y: 10 }, () => false)!;
    near(walk.points, [[10, 5], [20, 5]]);
    expect(walk.length).toBeCloseTo(10, 9);
  });

  it('returns null when the alleys do not join', () => {
    const split = buildWalkGraph(floorOf([[[2, 5], [38, 5]], [[2, 25], [38, 25]]]));
    expect(findWalk(split, { x: 10, y: 5 }, { x: 10, y: 25 })).toBeNull();
  });

  it('finds the same length as brute force over a grid of alleys', () => {
    // 5 x 4 grid of streets 8 m apart: the walk between two crossings is the Manhattan distance.
    const lines: [number, number][][] = [];
    for (let i = 0; i < 5; i++) lines.push([[4 + 8 * i, 2], [4 + 8 * i, 26]]);
    for (let j = 0; j < 4; j++) lines.push([[4, 2 + 8 * j], [36, 2 + 8 * j]]);
    const grid = buildWalkGraph(floorOf(lines));
    const from = { x: 4, y: 2 };
    for (const to of [{ x: 36, y: 26 }, { x: 20, y: 10 }, { x: 28, y: 2 }, { x: 12, y: 22 }]) {
      const walk = findWalk(grid, from, to)!;
      // buildWalkGraph rounds cut parameters to 1e-6 of a segment, so crossings on these 24-32 m
      // alleys sit up to ~1e-5 m off; 1e-4 keeps this test about routing, not rounding.
      expect(Math.abs(walk.length - (Math.abs(to.x - from.x) + Math.abs(to.y - from.y)))).toBeLessThan(1e-4);
    }
  });
});
