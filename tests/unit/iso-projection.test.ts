// The isometric transform: world ↔ view for the four quarter turns.
import { describe, expect, it } from 'vitest';
import { type IsoFrame, type Rotation, boxOutline, frontSides, fromView, insideConvex, toView, viewBounds } from '../../shared/iso/projection.ts';

const frames: IsoFrame[] = ([0, 1, 2, 3] as Rotation[]).map((rotation) => ({ rotation, width: 150, height: 100 }));

describe('isometric projection', () => {
  it('round-trips floor points for every rotation', () => {
    for (const f of frames)
      for (const p of [{ x: 0, y: 0 }, { x: 150, y: 100 }, { x: 37.5, y: 81.25 }]) {
        const back = fromView(f, toView(f, p));
        expect(back.x).toBeCloseTo(p.x, 9);
        expect(back.y).toBeCloseTo(p.y, 9);
        // A point up in the air maps back when its height is given.
        const up = fromView(f, toView(f, p, 2.5), 2.5);
        expect(up.x).toBeCloseTo(p.x, 9);
      }
  });

  it('draws height upwards and keeps the floor centre at the view origin', () => {
    for (const f of frames) {
      const c = toView(f, { x: 75, y: 50 });
      expect(Math.abs(c.x) + Math.abs(c.y)).toBeLessThan(1e-12);
      expect(toView(f, { x: 10, y: 10 }, 3).y).toBeLessThan(toView(f, { x: 10, y: 10 }).y);
    }
  });

  it('each quarter turn moves the same corner to the front (bottom of the screen)', () => {
    const corners = [{ x: 150, y: 100 }, { x: 0, y: 100 }, { x: 0, y: 0 }, { x: 150, y: 0 }];
    frames.forEach((f, i) => {
      const lowest = corners.reduce((a, b) => (toView(f, a).y > toView(f, b).y ? a : b));
      expect(lowest).toEqual(corners[[0, 3, 2, 1][i]!]);
    });
    expect(frontSides(0)).toEqual(['east', 'south']);
    expect(frontSides(2)).toEqual(['west', 'north']);
  });

  it('the outline of a booth contains its fascia and bounds match the outline', () => {
    const r = { x: 20, y: 20, w: 4, h: 3 };
    for (const f of frames) {
      const poly = boxOutline(f, r, 2.5);
      const fascia = toView(f, { x: 22, y: 23 }, 2.3); // south side, high up
      const b = viewBounds(f, r, 2.5);
      for (const p of poly) {
        expect(p.x).toBeGreaterThanOrEqual(b.x - 1e-9);
        expect(p.y).toBeLessThanOrEqual(b.y + b.h + 1e-9);
      }
      expect(insideConvex(poly, toView(f, { x: 22, y: 21.5 }))).toBe(true);
      if (f.rotation === 0) expect(insideConvex(poly, fascia)).toBe(true);
      expect(insideConvex(poly, toView(f, { x: 30, y: 30 }))).toBe(false);
    }
  });
});
