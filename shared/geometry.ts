// Plane geometry in metres used by validation, path finding and walking. Pure functions only.

export interface Vec {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const EPS = 1e-6;

export function dist(a: Vec, b: Vec): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function rectContains(r: Rect, p: Vec, margin = 0): boolean {
  return p.x >= r.x - margin && p.x <= r.x + r.w + margin && p.y >= r.y - margin && p.y <= r.y + r.h + margin;
}

/** True when the interiors overlap; rectangles that only touch along an edge do not. */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;
}

export function rectInside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x - EPS &&
    inner.y >= outer.y - EPS &&
    inner.x + inner.w <= outer.x + outer.w + EPS &&
    inner.y + inner.h <= outer.y + outer.h + EPS
  );
}

export function rectCentre(r: Rect): Vec {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

/** Closest point to p on segment ab, with its parameter t in [0, 1]. */
export function projectOnSegment(p: Vec, a: Vec, b: Vec): { point: Vec; t: number; d: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 < EPS ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  const point = { x: a.x + dx * t, y: a.y + dy * t };
  return { point, t, d: dist(p, point) };
}

/** Parameters (t on ab, u on cd) where two segments cross, or null when they do not. */
export function segmentIntersection(a: Vec, b: Vec, c: Vec, d: Vec): { t: number; u: number } | null {
  const rX = b.x - a.x;
  const rY = b.y - a.y;
  const sX = d.x - c.x;
  const sY = d.y - c.y;
  const denom = rX * sY - rY * sX;
  if (Math.abs(denom) < EPS) return null; // parallel or collinear: joined only through shared points
  const qpX = c.x - a.x;
  const qpY = c.y - a.y;
  const t = (qpX * sY - qpY * sX) / denom;
  const u = (qpX * rY - qpY * rX) / denom;
  if (t < -EPS || t > 1 + EPS || u < -EPS || u > 1 + EPS) return null;
  return { t: Math.max(0, Math.min(1, t)), u: Math.max(0, Math.min(1, u)) };
}

/** Whether segment ab passes through the interior of r (touching the border does not count). */
export function segmentHitsRect(a: Vec, b: Vec, r: Rect, shrink = 0.05): boolean {
  const x0 = r.x + shrink;
  const y0 = r.y + shrink;
  const x1 = r.x + r.w - shrink;
  const y1 = r.y + r.h - shrink;
  if (x1 <= x0 || y1 <= y0) return false;
  // Liang–Barsky clipping.
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - x0],
    [dx, x1 - a.x],
    [-dy, a.y - y0],
    [dy, y1 - a.y],
  ];
  for (const [p, q] of edges) {
    if (Math.abs(p) < EPS) {
      if (q < 0) return false;
    } else {
      const r2 = q / p;
      if (p < 0) t0 = Math.max(t0, r2);
      else t1 = Math.min(t1, r2);
      if (t0 > t1) return false;
    }
  }
  return true;
}
