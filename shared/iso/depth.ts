// Painter's order for the isometric view: which of the floor's boxes (booths, walls,
// landmarks) to draw first so nearer ones cover farther ones. For axis-aligned boxes on the
// floor whose footprints do not overlap, "A is behind B" is decided by separation along one
// rotated axis; the order is a topological sort of that relation over pairs whose pictures
// overlap on screen (only they can cover each other). Ties keep a stable, rotation-aware key.
import type { Rect, Vec } from '../geometry.ts';
import { type IsoFrame, rotatedRect, viewBounds } from './projection.ts';

interface Footprint {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const EPS = 1e-6;

/**
 * -1 when a must be drawn before b, 1 when after, 0 when neither covers the other. The viewer
 * looks from +x'+y' (the bottom of the screen), so larger rotated coordinates are nearer.
 */
export function behind(a: Footprint, b: Footprint): -1 | 0 | 1 {
  const aBeforeB = a.x1 <= b.x0 + EPS || a.y1 <= b.y0 + EPS;
  const bBeforeA = b.x1 <= a.x0 + EPS || b.y1 <= a.y0 + EPS;
  if (aBeforeB && !bBeforeA) return -1;
  if (bBeforeA && !aBeforeB) return 1;
  if (aBeforeB && bBeforeA) {
    // Diagonal neighbours (apart on both axes): they cannot overlap on screen in a way that
    // matters unless one is nearer on both; compare the near corners.
    return a.x1 + a.y1 <= b.x1 + b.y1 ? -1 : 1;
  }
  // Overlapping footprints (should not happen on a valid floor): nearer centre last.
  return a.x0 + a.x1 + a.y0 + a.y1 <= b.x0 + b.x1 + b.y0 + b.y1 ? -1 : 1;
}

export interface DepthItem {
  rect: Rect;
  /** Height in metres, for the screen overlap test. */
  height: number;
}

/**
 * Indices of `items` in drawing order (back to front) for the rotation of `frame`.
 * O(n log n + k) for k pairs overlapping on screen, which on a grid floor is a few per box.
 */
export function paintersOrder(frame: IsoFrame, items: readonly DepthItem[]): number[] {
  const n = items.length;
  const fp = items.map((it) => rotatedRect(frame, it.rect));
  const vb = items.map((it) => viewBounds(frame, it.rect, it.height));
  // Sweep over screen x to find pairs whose pictures can overlap.
  const byX = [...Array(n).keys()].sort((a, b) => vb[a]!.x - vb[b]!.x);
  const after: number[][] = Array.from({ length: n }, () => []);
  const indeg = new Int32Array(n);
  const active: number[] = [];
  for (const i of byX) {
    const bi = vb[i]!;
    for (let k = active.length - 1; k >= 0; k--) {
      const j = active[k]!;
      const bj = vb[j]!;
      if (bj.x + bj.w <= bi.x + EPS) {
        active.splice(k, 1);
        continue;
      }
      if (bj.y >= bi.y + bi.h - EPS || bi.y >= bj.y + bj.h - EPS) continue;
      const c = behind(fp[i]!, fp[j]!);
      if (c < 0) {
        after[i]!.push(j);
        indeg[j]!++;
      } else if (c > 0) {
        after[j]!.push(i);
        indeg[i]!++;
      }
    }
    active.push(i);
  }
  // Kahn's algorithm, taking the farthest ready box first so unrelated boxes keep a natural order.
  const key = fp.map((f) => f.x0 + f.y0 + f.x1 + f.y1);
  const ready = new MinHeap((a, b) => key[a]! - key[b]! || a - b);
  for (let i = 0; i < n; i++) if (indeg[i] === 0) ready.push(i);
  const order: number[] = [];
  while (ready.size > 0) {
    const i = ready.pop();
    order.push(i);
    for (const j of after[i]!) if (--indeg[j]! === 0) ready.push(j);
  }
  // A cycle cannot arise from disjoint boxes; if bad data makes one, append what is left by key.
  if (order.length < n) {
    const seen = new Set(order);
    const rest = [...Array(n).keys()].filter((i) => !seen.has(i)).sort((a, b) => key[a]! - key[b]!);
    order.push(...rest);
  }
  return order;
}

/**
 * Where a point on the floor (an avatar) goes in a painter's order: just after the last of
 * the given boxes it stands in front of. `ranked` are the boxes near it, with their ranks.
 */
export function pointRank(frame: IsoFrame, p: Vec, ranked: readonly { rect: Rect; rank: number }[]): number {
  const r = rotatedRect(frame, { x: p.x, y: p.y, w: 0, h: 0 });
  let rank = -1;
  for (const b of ranked) {
    const f = rotatedRect(frame, b.rect);
    if (behind(f, r) < 0 && b.rank > rank) rank = b.rank;
  }
  return rank + 0.5;
}

/** A small binary heap: Kahn's algorithm needs "smallest ready key" fast on 2 000 boxes. */
class MinHeap {
  private readonly a: number[] = [];
  constructor(private readonly less: (x: number, y: number) => number) {}
  get size(): number {
    return this.a.length;
  }
  push(v: number): void {
    const a = this.a;
    a.push(v);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.less(a[i]!, a[p]!) >= 0) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): number {
    const a = this.a;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l]!, a[m]!) < 0) m = l;
        if (r < a.length && this.less(a[r]!, a[m]!) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}
