// Generated booth art for the isometric view. A booth's picture depends only on its shape
// (size along the rotated axes, height, walls, entrance, screen) and brand colour, so each
// distinct one is drawn once into a shared GraphicsContext and every booth like it reuses
// that geometry: a floor of 2 000 stands holds a few hundred contexts, not 2 000 drawings.
import { GraphicsContext } from 'pixi.js';
import { KZ } from '../../../../shared/iso/projection.ts';
import { mix } from '../palette.ts';

const KX = Math.SQRT1_2;
const KY = Math.SQRT1_2 / 2;

/** Sides in the rotated frame: x0/y0 are far from the viewer, x1/y1 near. */
export type RotSide = 'x0' | 'x1' | 'y0' | 'y1';

export interface BoothShape {
  /** Extent along rotated x and y, metres. */
  w: number;
  d: number;
  height: number;
  colour: number;
  walls: RotSide[];
  entrance: RotSide;
  screen: boolean;
}

const WALL = 0.12;
const PLINTH = 0.1;
/** Walls on the viewer's side are cut down (a cutaway), so they never hide the booth inside. */
const CUTAWAY = 1.0;

const v = (x: number, y: number, z: number): number[] => [(x - y) * KX, (x + y) * KY - z * KZ];

function quad(g: GraphicsContext, pts: number[][], colour: number, alpha = 1): void {
  g.poly(pts.flat()).fill({ color: colour, alpha });
}

/** A box [x0,x1]×[y0,y1]×[z0,z1] with its three visible faces shaded like daylight from the left. */
export function box(g: GraphicsContext, x0: number, y0: number, x1: number, y1: number, z0: number, z1: number, colour: number, alpha = 1): void {
  quad(g, [v(x0, y1, z0), v(x1, y1, z0), v(x1, y1, z1), v(x0, y1, z1)], mix(colour, 0x000000, 0.12), alpha);
  quad(g, [v(x1, y0, z0), v(x1, y1, z0), v(x1, y1, z1), v(x1, y0, z1)], mix(colour, 0x000000, 0.28), alpha);
  quad(g, [v(x0, y0, z1), v(x1, y0, z1), v(x1, y1, z1), v(x0, y1, z1)], mix(colour, 0xffffff, 0.1), alpha);
}

export function shapeKey(s: BoothShape): string {
  return `${s.colour}|${s.w}|${s.d}|${s.height}|${[...s.walls].sort().join('')}|${s.entrance}|${s.screen ? 1 : 0}`;
}

/** Wall box of a side, with a height. */
function wallBox(s: BoothShape, side: RotSide, h: number): [number, number, number, number, number, number] {
  switch (side) {
    case 'x0':
      return [0, 0, WALL, s.d, 0, h];
    case 'x1':
      return [s.w - WALL, 0, s.w, s.d, 0, h];
    case 'y0':
      return [0, 0, s.w, WALL, 0, h];
    case 'y1':
      return [0, s.d - WALL, s.w, s.d, 0, h];
  }
}

const OPPOSITE: Record<RotSide, RotSide> = { x0: 'x1', x1: 'x0', y0: 'y1', y1: 'y0' };

/** The booth drawn with its far corner (rotated x0, y0 on the floor) at the origin. */
export function drawBooth(s: BoothShape): GraphicsContext {
  const g = new GraphicsContext();
  const carpet = mix(s.colour, 0xffffff, 0.55);
  const wallColour = mix(s.colour, 0xffffff, 0.82);
  // Soft shadow, then the raised floor in the brand colour.
  quad(g, [v(0.2, 0.2, 0), v(s.w + 0.35, 0.2, 0), v(s.w + 0.35, s.d + 0.35, 0), v(0.2, s.d + 0.35, 0)], 0x000000, 0.16);
  box(g, 0, 0, s.w, s.d, 0, PLINTH, carpet);
  const far = s.walls.filter((w) => w === 'x0' || w === 'y0');
  const near = s.walls.filter((w) => w === 'x1' || w === 'y1');
  for (const side of far) {
    const [a, b, c, d, e, f] = wallBox(s, side, s.height);
    box(g, a, b, c, d, e, f, wallColour);
    // A brand-coloured band along the top of the wall.
    box(g, a, b, c, d, f - 0.35, f, s.colour);
  }
  const back = OPPOSITE[s.entrance];
  if (s.screen && (back === 'x0' || back === 'y0')) {
    // A screen on the back wall's inner face, about eye height.
    const len = back === 'y0' ? s.w : s.d;
    const sw = Math.min(2.4, len * 0.4);
    const m = len / 2;
    const [z0, z1] = [1.0, Math.min(s.height - 0.45, 2.3)];
    const pts =
      back === 'y0'
        ? [v(m - sw / 2, WALL + 0.01, z0), v(m + sw / 2, WALL + 0.01, z0), v(m + sw / 2, WALL + 0.01, z1), v(m - sw / 2, WALL + 0.01, z1)]
        : [v(WALL + 0.01, m - sw / 2, z0), v(WALL + 0.01, m + sw / 2, z0), v(WALL + 0.01, m + sw / 2, z1), v(WALL + 0.01, m - sw / 2, z1)];
    quad(g, pts, 0x111827);
    g.poly(pts.flat()).stroke({ width: 0.06, color: 0x374151 });
  }
  // The reception counter just inside the entrance: brand colour with a white top.
  const along = s.entrance === 'x0' || s.entrance === 'x1' ? s.d : s.w;
  const cw = Math.min(2.4, along * 0.45);
  const c0 = along / 2 - cw / 2;
  const inset = 0.55;
  const [cx0, cy0, cx1, cy1] =
    s.entrance === 'y1'
      ? [c0, s.d - inset - 0.55, c0 + cw, s.d - inset]
      : s.entrance === 'y0'
        ? [c0, inset, c0 + cw, inset + 0.55]
        : s.entrance === 'x1'
          ? [s.w - inset - 0.55, c0, s.w - inset, c0 + cw]
          : [inset, c0, inset + 0.55, c0 + cw];
  box(g, cx0, cy0, cx1, cy1, PLINTH, 1.05, mix(s.colour, 0x000000, 0.2));
  box(g, cx0 - 0.03, cy0 - 0.03, cx1 + 0.03, cy1 + 0.03, 1.05, 1.12, 0xf8fafc);
  for (const side of near) {
    const [a, b, c, d, e] = wallBox(s, side, 0);
    box(g, a, b, c, d, e, Math.min(CUTAWAY, s.height), wallColour);
  }
  // The fascia: a board above the entrance between two posts, white with a brand band.
  const [fa, fb, fc, fd] = wallBox(s, s.entrance, 0);
  const posts = s.entrance === 'x0' || s.entrance === 'x1' ? [[fa, fb], [fa, fd - WALL]] : [[fa, fb], [fc - WALL, fb]];
  for (const [px, py] of posts) box(g, px!, py!, px! + WALL, py! + WALL, PLINTH, s.height, 0xe5e7eb);
  box(g, fa, fb, fc, fd, s.height - 0.6, s.height, 0xffffff);
  box(g, fa, fb, fc, fd, s.height - 0.6, s.height - 0.48, s.colour);
  return g;
}

/** Far away, a booth is a low block in its colour: one shape, drawn into the tile layer. */
export function drawTile(g: GraphicsContext, ox: number, oy: number, w: number, d: number, colour: number): void {
  const t = (x: number, y: number, z: number) => {
    const p = v(x, y, z);
    return [p[0]! + ox, p[1]! + oy];
  };
  const h = 0.9;
  g.poly([t(0, d, 0), t(w, d, 0), t(w, d, h), t(0, d, h)].flat()).fill(mix(colour, 0x000000, 0.15));
  g.poly([t(w, 0, 0), t(w, d, 0), t(w, d, h), t(w, 0, h)].flat()).fill(mix(colour, 0x000000, 0.3));
  g.poly([t(0, 0, h), t(w, 0, h), t(w, d, h), t(0, d, h)].flat()).fill(mix(colour, 0xffffff, 0.25));
}
