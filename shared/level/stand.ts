// Derived facts about stands: where their door is and where a visitor stands to enter.
import type { Rect, Vec } from '../geometry.ts';
import type { Side, Stand } from './schema.ts';

/** How far in front of the entrance a visitor stops, in metres. */
export const DOORSTEP = 1;

const OUTWARD: Record<Side, Vec> = {
  north: { x: 0, y: -1 },
  south: { x: 0, y: 1 },
  east: { x: 1, y: 0 },
  west: { x: -1, y: 0 },
};

export function standRect(s: Stand): Rect {
  return { x: s.x, y: s.y, w: s.w, h: s.h };
}

/** Middle of the entrance side. */
export function entranceMid(s: Stand): Vec {
  switch (s.entrance) {
    case 'north':
      return { x: s.x + s.w / 2, y: s.y };
    case 'south':
      return { x: s.x + s.w / 2, y: s.y + s.h };
    case 'east':
      return { x: s.x + s.w, y: s.y + s.h / 2 };
    case 'west':
      return { x: s.x, y: s.y + s.h / 2 };
  }
}

/** The spot just outside the entrance where a visitor walking to the stand stops. */
export function doorstep(s: Stand): Vec {
  const m = entranceMid(s);
  const o = OUTWARD[s.entrance];
  return { x: m.x + o.x * DOORSTEP, y: m.y + o.y * DOORSTEP };
}
