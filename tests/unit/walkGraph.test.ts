// The walk graph: alleys join where their centre lines cross or touch.
import { describe, expect, it } from 'vitest';
import { buildWalkGraph, connectedComponents, snapToGraph } from '../../shared/level/walkGraph.ts';
import { floorOf, miniFloor } from '../fixtures/fixtures.ts';
import { Level } from '../../shared/level/schema.ts';

const degree = (g: ReturnType<typeof buildWalkGraph>, x: number, y: number) => {
  const i = g.nodes.findIndex((n) => Math.abs(n.x - x) < 1e-9 && Math.abs(n.y - y) < 1e-9);
  expect(i, `node (${x}, ${y})`).toBeGreaterThanOrEqual(0);
  return g.adj[i]!.length;
};

describe('buildWalkGraph', () => {
  it('splits two crossing alleys at the crossing', () => {
    const g = buildWalkGraph(Level.parse(miniFloor('mini-a')));
    expect(g.nodes).toHaveLength(5);
    expect(g.edges).toHaveLength(4);
    expect(degree(g, 20, 15)).toBe(4);
    expect(connectedComponents(g)).toHaveLength(1);
    expect(g.edgeAlley.slice().sort()).toEqual([0, 0, 1, 1]);
    const total = g.adj.flat().reduce((s, e) => s + e.w, 0) / 2;
    expect(total).toBeCloseTo(36 + 26, 9);
  });

  it('joins a T junction where one alley ends on the side of another', () => {
    const g = buildWalkGraph(floorOf([[[0, 10], [30, 10]], [[12, 10], [12, 25]]]));
    expect(degree(g, 12, 10)).toBe(3);
    expect(g.edges).toHaveLength(3);
    expect(connectedComponents(g)).toHaveLength(1);
  });

  it('joins collinear alleys that continue each other and multi-point alleys', () => {
    const g = buildWalkGraph(
      floorOf([
        [[0, 5], [10, 5]],
        [[10, 5], [20, 5], [20, 20]],
        [[5, 20], [25, 20]],
      ]),
    );
    expect(connectedComponents(g)).toHaveLength(1);
    expect(degree(g, 20, 20)).toBe(3);
  });

  it('finds an alley that joins nothing as its own component', () => {
    const g = buildWalkGraph(floorOf([[[2, 15], [38, 15]], [[20, 2], [20, 28]], [[30, 25], [38, 25]]]));
    const groups = connectedComponents(g);
    expect(groups.map((c) => c.length).sort()).toEqual([2, 5]);
  });

  it('snaps a point to the nearest spot on the network', () => {
    const g = buildWalkGraph(floorOf([[[2, 15], [38, 15]], [[20, 2], [20, 28]]]));
    const s = snapToGraph(g, { x: 10, y: 12 })!;
    expect(s.point).toEqual({ x: 10, y: 15 });
    expect(s.d).toBeCloseTo(3, 9);
  });
});
