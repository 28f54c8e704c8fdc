// Free walking: sliding along stand walls, staying in the hall, no tunnelling.
import { describe, expect, it } from 'vitest';
import { StandGrid } from '../../shared/level/spatial.ts';
import { BODY_RADIUS, stepWithCollision } from '../../shared/movement.ts';
import { floorOf } from '../fixtures/fixtures.ts';

const level = floorOf([[[2, 2], [38, 2]]], [
  { x: 10, y: 10, w: 10, h: 10 },
  { x: 30, y: 0, w: 0.2, h: 30 },
]);
const grid = new StandGrid(level.stands, level.size.width, level.size.height);

describe('stepWithCollision', () => {
  it('moves freely in the open', () => {
    const to = stepWithCollision(level, grid, { x: 5, y: 5 }, 1, -0.5);
    expect(to.x).toBeCloseTo(6, 9);
    expect(to.y).toBeCloseTo(4.5, 9);
  });

  it('slides along a stand wall when walking into it diagonally', () => {
    const to = stepWithCollision(level, grid, { x: 9.5, y: 12 }, 1, 1);
    expect(to.x).toBe(9.5);
    expect(to.y).toBeCloseTo(13, 9);
  });

  it('stops at the wall, a body radius away', () => {
    const to = stepWithCollision(level, grid, { x: 5, y: 15 }, 6, 0);
    expect(to.y).toBe(15);
    expect(to.x).toBeLessThanOrEqual(10 - BODY_RADIUS);
    expect(to.x).toBeGreaterThan(10 - BODY_RADIUS - 0.5);
  });

  it('stays inside the hall', () => {
    expect(stepWithCollision(level, grid, { x: 1, y: 1 }, -5, -5)).toEqual({ x: BODY_RADIUS, y: BODY_RADIUS });
    const far = stepWithCollision(level, grid, { x: 38, y: 28 }, 50, 50);
    expect(far).toEqual({ x: 40 - BODY_RADIUS, y: 30 - BODY_RADIUS });
  });

  it('cannot tunnel through a thin stand with a big step', () => {
    for (const step of [1, 3, 5, 20]) {
      const to = stepWithCollision(level, grid, { x: 28, y: 15 }, step, 0);
      expect(to.x, `step ${step}`).toBeLessThan(30);
    }
    const back = stepWithCollision(level, grid, { x: 35, y: 15 }, -20, 0);
    expect(back.x).toBeGreaterThan(30.2);
  });
});
