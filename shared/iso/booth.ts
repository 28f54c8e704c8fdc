// What a stand looks like as a booth in the 3D (isometric) view, derived from the layout that
// floor files already hold: a side is open when no neighbouring stand and no hall wall closes
// it, and the number of open sides names the booth type the way fair builders do (inline,
// corner, peninsula, island). Organisers may override the type and height per stand.
import type { BoothType, Level, Side, Stand, StandSize } from '../level/schema.ts';

export type { BoothType } from '../level/schema.ts';

/** Two stands closer than this along a side (metres) share a wall. */
const TOUCH = 0.6;
/** A side closer than this to the hall's outer wall is closed by it. */
const HALL_WALL = 0.6;

export const DEFAULT_HEIGHT: Record<StandSize, number> = { S: 2.5, M: 2.5, L: 3, XL: 3.5 };

export interface Booth {
  index: number;
  type: BoothType;
  /** Sides that get walls (the closed ones); the entrance side never has one. */
  walls: Side[];
  /** Sides open to the alleys; the entrance is always among them. */
  open: Side[];
  entrance: Side;
  size: StandSize;
  height: number;
  /** Larger stands (L, XL) get a screen with the video poster. */
  screen: boolean;
}

const ALL_SIDES: readonly Side[] = ['north', 'east', 'south', 'west'];

const TYPE_BY_OPEN: Record<number, BoothType> = { 1: 'inline', 2: 'corner', 3: 'peninsula', 4: 'island' };

/** Which sides of stand `s` are closed by another stand of the list or by the hall wall. */
export function closedSides(s: Stand, others: readonly Stand[], hall: { width: number; height: number }): Set<Side> {
  const closed = new Set<Side>();
  if (s.y <= HALL_WALL) closed.add('north');
  if (s.x <= HALL_WALL) closed.add('west');
  if (s.y + s.h >= hall.height - HALL_WALL) closed.add('south');
  if (s.x + s.w >= hall.width - HALL_WALL) closed.add('east');
  for (const o of others) {
    if (o === s) continue;
    // Overlap along the shared edge must be a real length, not a corner touch.
    const xOverlap = Math.min(s.x + s.w, o.x + o.w) - Math.max(s.x, o.x);
    const yOverlap = Math.min(s.y + s.h, o.y + o.h) - Math.max(s.y, o.y);
    if (xOverlap > TOUCH) {
      if (Math.abs(o.y + o.h - s.y) < TOUCH) closed.add('north');
      if (Math.abs(o.y - (s.y + s.h)) < TOUCH) closed.add('south');
    }
    if (yOverlap > TOUCH) {
      if (Math.abs(o.x + o.w - s.x) < TOUCH) closed.add('west');
      if (Math.abs(o.x - (s.x + s.w)) < TOUCH) closed.add('east');
    }
  }
  return closed;
}

/**
 * The booth for stand `index`. `neighbours` are the stands that may touch it (all of the
 * floor's stands, or a spatial query around it). The entrance side counts as open even when
 * the layout closes it, since the visitor walks in there.
 */
export function deriveBooth(level: Pick<Level, 'size' | 'stands'>, index: number, neighbours: readonly Stand[] = level.stands): Booth {
  const s = level.stands[index];
  if (!s) throw new Error(`no stand ${index} on this floor`);
  const closed = closedSides(s, neighbours, level.size);
  closed.delete(s.entrance);
  const open = ALL_SIDES.filter((side) => !closed.has(side));
  const derived = TYPE_BY_OPEN[open.length] ?? 'inline';
  const type = s.booth?.type ?? derived;
  return {
    index,
    type,
    // Derived booths wall exactly the closed sides; an override decides walls from the type.
    walls: s.booth?.type ? wallsFor(type, s.entrance, closed) : ALL_SIDES.filter((side) => closed.has(side)),
    open,
    entrance: s.entrance,
    size: s.size,
    height: s.booth?.height ?? DEFAULT_HEIGHT[s.size],
    screen: s.size === 'L' || s.size === 'XL',
  };
}

const OPPOSITE: Record<Side, Side> = { north: 'south', south: 'north', east: 'west', west: 'east' };
const LEFT_OF: Record<Side, Side> = { north: 'west', south: 'east', east: 'north', west: 'south' };

/**
 * Walls for a booth type chosen by the organiser, from the entrance: inline = back and both sides, corner = back and one side
 * (the closed one if any), peninsula = back only, island = none.
 */
export function wallsFor(type: BoothType, entrance: Side, closed: ReadonlySet<Side> = new Set()): Side[] {
  const back = OPPOSITE[entrance];
  const left = LEFT_OF[entrance];
  const right = OPPOSITE[left];
  switch (type) {
    case 'inline':
      return [back, left, right];
    case 'corner':
      return [back, closed.has(right) && !closed.has(left) ? right : left];
    case 'peninsula':
      return [back];
    case 'island':
      return [];
  }
}
