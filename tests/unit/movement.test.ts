// Free walking: sliding along stand walls, staying in the hall, no tunnelling; and the one
// move rule the client engine and the floor room both apply.
import { describe, expect, it } from 'vitest';
import { StandGrid } from '../../shared/level/spatial.ts';
import { BODY_RADIUS, canStandAt, checkMove, reachIn, stepWithCollision } from '../../shared/movement.ts';
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

describe('one move rule for the client and the floor room', () => {
  it('every position the client predicts is one the room accepts', () => {
    // A visitor walking about the hall with the keys, into walls and along them.
    let pos = { x: 5, y: 5 };
    const dirs = [[1, 0.3], [0.2, 1], [-1, 0.4], [0.7, -1], [1, 1], [-0.3, -1]] as const;
    for (let i = 0; i < 600; i++) {
      const [dx, dy] = dirs[Math.floor(i / 40) % dirs.length]!;
      const next = stepWithCollision(level, grid, pos, dx * 0.12, dy * 0.12);
      expect(checkMove(level, grid, pos, next, 0.1), `step ${i} to ${next.x},${next.y}`).toEqual({ ok: true });
      pos = next;
    }
  });

  it('agrees on a set of points: inside a stand, outside the hall, too far, and fine', () => {
    const cases: [{ x: number; y: number }, { x: number; y: number }, ReturnType<typeof checkMove>][] = [
      [{ x: 5, y: 5 }, { x: 6, y: 5 }, { ok: true }],
      [{ x: 9, y: 15 }, { x: 15, y: 15 }, { ok: false, reason: 'blocked' }], // the middle of a stand
      [{ x: 9, y: 15 }, { x: 10.02, y: 15 }, { ok: true }], // on its wall, within rounding
      [{ x: 29, y: 5 }, { x: 30.1, y: 5 }, { ok: false, reason: 'blocked' }], // inside the thin stand
      [{ x: 0.5, y: 5 }, { x: -0.5, y: 5 }, { ok: false, reason: 'blocked' }],
      [{ x: 5, y: 29.5 }, { x: 5, y: 30.5 }, { ok: false, reason: 'blocked' }],
      [{ x: 5, y: 5 }, { x: 5, y: 5 + reachIn(0.1) + 0.1 }, { ok: false, reason: 'too-far' }],
    ];
    for (const [from, to, verdict] of cases) {
      expect(checkMove(level, grid, from, to, 0.1), `${to.x},${to.y}`).toEqual(verdict);
      expect(canStandAt(level, grid, to), `${to.x},${to.y}`).toBe(verdict.ok || verdict.reason === 'too-far');
    }
  });
});
