// Walking, as both sides see it: the step the client predicts (keyboard and joystick walking
// slides along stand walls and stays in the hall) and the check the floor room applies to
// every move a client proposes. The client engine runs the same check on its own positions
// before it sends them, so a move the client shows is a move the server takes.
import { type Vec, dist } from './geometry.ts';
import type { Level } from './level/schema.ts';
import type { StandGrid } from './level/spatial.ts';

/** Radius of a visitor's body in metres. */
export const BODY_RADIUS = 0.45;
/** Walking speed on the canvas, metres per second (brisk: halls are large). */
export const WALK_SPEED = 7;
/** Moves may outpace the walking speed by this factor (timer jitter, catching up). */
export const SPEED_SLACK = 1.6;
/** Positions travel rounded (centimetres, decimetres): this much inside a wall is rounding. */
export const WALL_TOLERANCE = 0.05;

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

type Floor = Pick<Level, 'size'>;

/**
 * Whether a visitor may stand at p: inside the hall and not inside a stand's walls. The body
 * radius is not required here: paths from the route planner and clicks may pass close to a
 * wall, and the predicted step (which keeps the radius) only ever produces a subset of this.
 */
export function canStandAt(level: Floor, grid: StandGrid, p: Vec): boolean {
  const { width, height } = level.size;
  if (!(p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height)) return false;
  const t = WALL_TOLERANCE;
  grid.query({ x: p.x - t, y: p.y - t, w: 2 * t, h: 2 * t }, probe);
  for (const i of probe) {
    const s = grid.stands[i]!;
    if (p.x > s.x + t && p.x < s.x + s.w - t && p.y > s.y + t && p.y < s.y + s.h - t) return false;
  }
  return true;
}

/** The furthest a visitor may get in `elapsedS` seconds (long pauses count as two seconds). */
export function reachIn(elapsedS: number): number {
  return WALK_SPEED * SPEED_SLACK * Math.min(Math.max(elapsedS, 0.05), 2) + 1;
}

export type MoveVerdict = { ok: true } | { ok: false; reason: 'blocked' | 'too-far' };

/** The rule for a proposed move from `from` to `to`, `elapsedS` after the last accepted one. */
export function checkMove(level: Floor, grid: StandGrid, from: Vec, to: Vec, elapsedS: number): MoveVerdict {
  if (!canStandAt(level, grid, to)) return { ok: false, reason: 'blocked' };
  if (dist(from, to) > reachIn(elapsedS)) return { ok: false, reason: 'too-far' };
  return { ok: true };
}
