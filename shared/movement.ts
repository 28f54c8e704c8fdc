// Free walking (keyboard, joystick): a step that slides along stand walls and stays in the hall.
// The same function will validate moves on the server, so it is pure and deterministic.
import type { Vec } from './geometry.ts';
import type { Level } from './level/schema.ts';
import type { StandGrid } from './level/spatial.ts';

/** Radius of a visitor's body in metres. */
export const BODY_RADIUS = 0.45;
/** Walking speed on the canvas, metres per second (brisk: halls are large). */
export const WALK_SPEED = 7;

const probe: number[] = [];

function blocked(grid: StandGrid, x: number, y: number, r: number): boolean {
  grid.query({ x: x - r, y: y - r, w: 2 * r, h: 2 * r }, probe);
  for (const i of probe) {
    const s = grid.stands[i]!;
    if (x > s.x - r && x < s.x + s.w + r && y > s.y - r && y < s.y + s.h + r) return true;
  }
  return false;
}

/**
 * Moves from `pos` by (dx, dy) metres, one axis at a time so that walking diagonally into a
 * wall slides along it. Steps longer than the body are split so a fast step cannot tunnel.
 */
export function stepWithCollision(
  level: Pick<Level, 'size'>,
  grid: StandGrid,
  pos: Vec,
  dx: number,
  dy: number,
  r = BODY_RADIUS,
): Vec {
  const parts = Math.max(1, Math.ceil(Math.hypot(dx, dy) / r));
  let x = pos.x;
  let y = pos.y;
  for (let i = 0; i < parts; i++) {
    const nx = Math.min(level.size.width - r, Math.max(r, x + dx / parts));
    if (!blocked(grid, nx, y, r)) x = nx;
    const ny = Math.min(level.size.height - r, Math.max(r, y + dy / parts));
    if (!blocked(grid, x, ny, r)) y = ny;
  }
  return { x, y };
}
