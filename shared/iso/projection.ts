// The isometric (2:1 dimetric) view of a floor: world metres (x east, y south, z up) to view
// units and back, for the four rotations of 90°. The camera scales view units to pixels, so
// one view unit is about a metre on screen along the alleys. Pure math, unit-tested.
import type { Rect, Vec } from '../geometry.ts';

export type Rotation = 0 | 1 | 2 | 3;

/** Screen-x per metre along each world diagonal, and screen-y per metre of it (2:1). */
const KX = Math.SQRT1_2;
const KY = Math.SQRT1_2 / 2;
/** Screen-y per metre of height: walls read upright without towering over the alleys. */
export const KZ = 0.82;

export interface IsoFrame {
  rotation: Rotation;
  /** The floor's size: rotation turns it about its centre. */
  width: number;
  height: number;
}

/** World point turned by the frame's rotation (quarter turns clockwise on screen), about the floor centre. */
export function rotate(f: IsoFrame, p: Vec): Vec {
  const cx = f.width / 2;
  const cy = f.height / 2;
  const dx = p.x - cx;
  const dy = p.y - cy;
  switch (f.rotation) {
    case 0:
      return { x: dx, y: dy };
    case 1:
      return { x: -dy, y: dx };
    case 2:
      return { x: -dx, y: -dy };
    case 3:
      return { x: dy, y: -dx };
  }
}

export function unrotate(f: IsoFrame, r: Vec): Vec {
  const cx = f.width / 2;
  const cy = f.height / 2;
  switch (f.rotation) {
    case 0:
      return { x: r.x + cx, y: r.y + cy };
    case 1:
      return { x: r.y + cx, y: -r.x + cy };
    case 2:
      return { x: -r.x + cx, y: -r.y + cy };
    case 3:
      return { x: -r.y + cx, y: r.x + cy };
  }
}

/** World point (with height z) to view units. */
export function toView(f: IsoFrame, p: Vec, z = 0): Vec {
  const r = rotate(f, p);
  return { x: (r.x - r.y) * KX, y: (r.x + r.y) * KY - z * KZ };
}

/** View point to the world point on the floor (z = 0) drawn there. */
export function fromView(f: IsoFrame, v: Vec, z = 0): Vec {
  const a = v.x / KX; // r.x - r.y
  const b = (v.y + z * KZ) / KY; // r.x + r.y
  return unrotate(f, { x: (a + b) / 2, y: (b - a) / 2 });
}

/** A world vector (no translation) in view units: how a screen drag maps to the floor, inverted. */
export function viewDeltaToWorld(f: IsoFrame, d: Vec): Vec {
  const o = fromView(f, { x: 0, y: 0 });
  const p = fromView(f, d);
  return { x: p.x - o.x, y: p.y - o.y };
}

/** A world rectangle in the rotated frame: its min and max along the rotated axes. */
export function rotatedRect(f: IsoFrame, r: Rect): { x0: number; y0: number; x1: number; y1: number } {
  const a = rotate(f, { x: r.x, y: r.y });
  const b = rotate(f, { x: r.x + r.w, y: r.y + r.h });
  return { x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x), y1: Math.max(a.y, b.y) };
}

/** Bounding box in view units of a box standing on a world rectangle, `height` metres tall. */
export function viewBounds(f: IsoFrame, r: Rect, height = 0): Rect {
  const q = rotatedRect(f, r);
  const minX = (q.x0 - q.y1) * KX;
  const maxX = (q.x1 - q.y0) * KX;
  const minY = (q.x0 + q.y0) * KY - height * KZ;
  const maxY = (q.x1 + q.y1) * KY;
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/**
 * The outline on screen (view units) of a box on a world rectangle: a hexagon, convex, in
 * order. Hit testing follows the drawn booth, so a pointer on a fascia finds its stand.
 */
export function boxOutline(f: IsoFrame, r: Rect, height: number): Vec[] {
  const q = rotatedRect(f, r);
  const v = (x: number, y: number, z: number): Vec => ({ x: (x - y) * KX, y: (x + y) * KY - z * KZ });
  return [
    v(q.x0, q.y0, height), // back corner, top
    v(q.x1, q.y0, height), // right corner, top
    v(q.x1, q.y0, 0),
    v(q.x1, q.y1, 0), // front corner, floor
    v(q.x0, q.y1, 0),
    v(q.x0, q.y1, height), // left corner, top
  ];
}

/** Whether a point lies inside a convex polygon given in either winding. */
export function insideConvex(poly: readonly Vec[], p: Vec): boolean {
  let sign = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % poly.length]!;
    const c = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    if (c === 0) continue;
    const s = Math.sign(c);
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

/** The world side of a rectangle that faces the viewer most after rotation (for labels). */
export function frontSides(rotation: Rotation): [import('../level/schema.ts').Side, import('../level/schema.ts').Side] {
  // In the rotated frame the viewer looks towards -x'-y': the +x' and +y' faces show.
  const order = [
    ['east', 'south'],
    ['north', 'east'],
    ['west', 'north'],
    ['south', 'west'],
  ] as const;
  return [...order[rotation]];
}
