// Painter's order: for boxes on a grid, the box drawn last at any pixel is the one nearest to
// the viewer there (checked by casting the view ray through that pixel), for every rotation.
import { describe, expect, it } from 'vitest';
import { paintersOrder, pointRank } from '../../shared/iso/depth.ts';
import { boxesToFade, pointTarget } from '../../shared/iso/fade.ts';
import { type IsoFrame, KZ, type Rotation, boxOutline, insideConvex, rotatedRect, toView } from '../../shared/iso/projection.ts';
import type { Rect, Vec } from '../../shared/geometry.ts';

const KX = Math.SQRT1_2;
const KY = Math.SQRT1_2 / 2;

/** Nearest hit of the view ray through view point v with a box: larger = nearer; null = miss. */
function rayHit(f: IsoFrame, r: Rect, height: number, v: Vec): number | null {
  const q = rotatedRect(f, r);
  const d = v.x / KX;
  const b = v.y / KY;
  const c = KZ / KY;
  const lo = Math.max(2 * q.x0 - d, 2 * q.y0 + d, b);
  const hi = Math.min(2 * q.x1 - d, 2 * q.y1 + d, b + height * c);
  return lo <= hi + 1e-9 ? hi : null;
}

/** Deterministic layouts: rows of stands of mixed widths and depths, some long, some tall. */
function layout(seed: number): { rect: Rect; height: number }[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out: { rect: Rect; height: number }[] = [];
  for (let row = 0; row < 5; row++) {
    let x = 2;
    while (x < 60) {
      const w = 2 + Math.floor(rnd() * 9);
      const h = 2 + Math.floor(rnd() * 5);
      if (rnd() < 0.8) out.push({ rect: { x, y: 4 + row * 12, w, h }, height: 1 + rnd() * 4 });
      x += w + (rnd() < 0.3 ? 3 : 0);
    }
  }
  return out;
}

describe("painter's order", () => {
  it('draws the nearest box last at every sampled pixel, for every rotation', () => {
    for (const seed of [1, 7, 42]) {
      const boxes = layout(seed);
      for (const rotation of [0, 1, 2, 3] as Rotation[]) {
        const f: IsoFrame = { rotation, width: 64, height: 64 };
        const order = paintersOrder(f, boxes);
        expect([...order].sort((a, b) => a - b)).toEqual(boxes.map((_, i) => i));
        const rank = new Map(order.map((i, k) => [i, k]));
        const outlines = boxes.map((b) => boxOutline(f, b.rect, b.height));
        let checked = 0;
        for (let vx = -45; vx <= 45; vx += 0.7)
          for (let vy = -30; vy <= 25; vy += 0.7) {
            const v = { x: vx, y: vy };
            let drawn = -1;
            let nearest = -1;
            let best = -Infinity;
            boxes.forEach((b, i) => {
              if (insideConvex(outlines[i]!, v) && (drawn < 0 || rank.get(i)! > rank.get(drawn)!)) drawn = i;
              const h = rayHit(f, b.rect, b.height, v);
              if (h !== null && h > best + 1e-9) {
                best = h;
                nearest = i;
              }
            });
            if (drawn < 0 || nearest < 0) continue;
            checked++;
            // Equal depth on a shared edge is either box; otherwise they must agree.
            if (drawn !== nearest) expect(Math.abs(rayHit(f, boxes[drawn]!.rect, boxes[drawn]!.height, v)! - best)).toBeLessThan(1e-6);
          }
        expect(checked).toBeGreaterThan(500);
      }
    }
  });

  it('puts an avatar after the booth it stands in front of and before the one in front of it', () => {
    const f: IsoFrame = { rotation: 0, width: 40, height: 40 };
    const back = { rect: { x: 10, y: 10, w: 4, h: 3 }, rank: 0 };
    const front = { rect: { x: 10, y: 16, w: 4, h: 3 }, rank: 1 };
    const r = pointRank(f, { x: 12, y: 14.5 }, [back, front]);
    expect(r).toBeGreaterThan(0);
    expect(r).toBeLessThan(1);
    // Turned half way round, the same avatar is behind both... of what is now nearer.
    const turned = pointRank({ ...f, rotation: 2 }, { x: 12, y: 14.5 }, [
      { ...back, rank: 1 },
      { ...front, rank: 0 },
    ]);
    expect(turned).toBeGreaterThan(0);
    expect(turned).toBeLessThan(1);
  });
});

describe('walls that fade', () => {
  it('fades the booth in front of the avatar that covers it, not the one behind or aside', () => {
    const f: IsoFrame = { rotation: 0, width: 40, height: 40 };
    const boxes = [
      { rect: { x: 10, y: 10, w: 4, h: 3 }, height: 3 }, // behind the avatar
      { rect: { x: 10, y: 16, w: 4, h: 3 }, height: 3 }, // in front, covers it
      { rect: { x: 30, y: 30, w: 4, h: 3 }, height: 3 }, // far away
    ];
    expect(boxesToFade(f, boxes, [pointTarget({ x: 12, y: 14.5 })])).toEqual([1]);
    // Turned half round, the other booth is in front.
    expect(boxesToFade({ ...f, rotation: 2 }, boxes, [pointTarget({ x: 12, y: 14.5 })])).toEqual([0]);
    expect(toView(f, { x: 12, y: 14.5 }).y).toBeLessThan(toView(f, { x: 12, y: 16 }).y);
  });
});
