// The static picture of one floor in world units (metres): floor, alleys, stands, landmarks
// and portals. Built once per level; the engine only moves the camera over it.
import { Container, Graphics, Texture, TilingSprite } from 'pixi.js';
import type { Exhibitor } from '../../../shared/exhibitor.ts';
import type { Level, Stand } from '../../../shared/level/schema.ts';
import { PALETTE, categoryColour, floorColour, hexToNumber, mix } from './palette.ts';

const WALL = 0.22;
const BACK_WALL = 0.45;

export function patternTexture(style: Level['background']['style'], base: number): Texture {
  const size = 64;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  const css = (c: number) => `#${c.toString(16).padStart(6, '0')}`;
  ctx.fillStyle = css(base);
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = css(mix(base, 0x000000, 0.12));
  ctx.lineWidth = 1;
  switch (style) {
    case 'parquet':
      // Herring-bone-ish planks.
      for (let i = 0; i < 4; i++) {
        ctx.strokeRect(0, i * 16 + 0.5, 32, 16);
        ctx.strokeRect(32 + 0.5, i * 16 + 8.5, 32, 16);
      }
      break;
    case 'carpet':
      ctx.fillStyle = css(mix(base, 0xffffff, 0.08));
      for (let y = 0; y < size; y += 4) for (let x = (y / 4) % 2 ? 0 : 2; x < size; x += 4) ctx.fillRect(x, y, 1, 1);
      break;
    case 'concrete':
      ctx.strokeRect(0.5, 0.5, size - 1, size - 1);
      break;
    case 'marble':
      ctx.strokeRect(0.5, 0.5, 32, 32);
      ctx.strokeRect(32.5, 32.5, 31, 31);
      ctx.strokeStyle = css(mix(base, 0xffffff, 0.4));
      ctx.beginPath();
      ctx.moveTo(4, 60);
      ctx.bezierCurveTo(20, 40, 40, 50, 60, 6);
      ctx.stroke();
      break;
  }
  return Texture.from(canvas);
}

/** The walls are in the exhibitor's category colour (the plan's legend), the carpet in a tint of its brand colour. */
function drawStand(g: Graphics, s: Stand, colour: number, category: number): void {
  const carpet = mix(colour, 0xffffff, 0.78);
  // A soft shadow makes stands read as objects standing on the floor.
  g.rect(s.x + 0.25, s.y + 0.35, s.w, s.h).fill({ color: PALETTE.standShadow, alpha: 0.18 });
  g.rect(s.x, s.y, s.w, s.h).fill(carpet);
  const walls: Record<Stand['entrance'], [number, number, number, number][]> = {
    south: [
      [s.x, s.y, s.w, BACK_WALL],
      [s.x, s.y, WALL, s.h * 0.6],
      [s.x + s.w - WALL, s.y, WALL, s.h * 0.6],
    ],
    north: [
      [s.x, s.y + s.h - BACK_WALL, s.w, BACK_WALL],
      [s.x, s.y + s.h * 0.4, WALL, s.h * 0.6],
      [s.x + s.w - WALL, s.y + s.h * 0.4, WALL, s.h * 0.6],
    ],
    east: [
      [s.x, s.y, BACK_WALL, s.h],
      [s.x, s.y, s.w * 0.6, WALL],
      [s.x, s.y + s.h - WALL, s.w * 0.6, WALL],
    ],
    west: [
      [s.x + s.w - BACK_WALL, s.y, BACK_WALL, s.h],
      [s.x + s.w * 0.4, s.y, s.w * 0.6, WALL],
      [s.x + s.w * 0.4, s.y + s.h - WALL, s.w * 0.6, WALL],
    ],
  };
  for (const [x, y, w, h] of walls[s.entrance]) g.rect(x, y, w, h);
  g.fill(category);
  // A slim reception counter on the entrance edge, in the brand colour: it leaves the floor to the labels.
  const vertical = s.entrance === 'east' || s.entrance === 'west';
  const cw = Math.min(2.4, (vertical ? s.h : s.w) * 0.45);
  const ch = COUNTER;
  const counter = {
    south: [s.x + (s.w - cw) / 2, s.y + s.h - ch - 0.1],
    north: [s.x + (s.w - cw) / 2, s.y + 0.1],
    east: [s.x + s.w - ch - 0.1, s.y + (s.h - cw) / 2],
    west: [s.x + 0.1, s.y + (s.h - cw) / 2],
  }[s.entrance] as [number, number];
  g.roundRect(counter[0], counter[1], vertical ? ch : cw, vertical ? cw : ch, 0.1).fill(mix(colour, 0x000000, 0.15));
  g.rect(s.x, s.y, s.w, s.h).stroke({ width: 0.08, color: mix(category, 0x000000, 0.35), alignment: 1 });
}

const COUNTER = 0.35;

/**
 * The part of a stand that labels may use, in metres: all of it but a thin margin. Walls and
 * counter are thin lines on the plan and labels may cover them; the floor is what must hold
 * a number and a name even on the smallest stand at the fitted zoom.
 */
export function standInner(s: Stand): { x: number; y: number; w: number; h: number } {
  const pad = Math.min(0.18, s.w * 0.05, s.h * 0.05);
  return { x: s.x + pad, y: s.y + pad, w: s.w - 2 * pad, h: s.h - 2 * pad };
}

export interface FloorScene {
  root: Container;
  destroy(): void;
}

export function buildFloorScene(level: Level, exhibitors: Record<string, Exhibitor>): FloorScene {
  const root = new Container({ label: `floor:${level.id}` });
  const { width, height } = level.size;
  const base = floorColour(level.background);

  const outside = new Graphics()
    .rect(-width, -height, width * 3, height * 3)
    .fill(PALETTE.outside)
    .rect(-1.2, -1.2, width + 2.4, height + 2.4)
    .fill(PALETTE.wall)
    // The plain floor colour under the texture: light mode hides the texture, not the floor.
    .rect(0, 0, width, height)
    .fill(base);
  root.addChild(outside);

  const texture = patternTexture(level.background.style, base);
  const floor = new TilingSprite({ texture, width: width * 16, height: height * 16 });
  // The 64 px tile covers 4 m of floor.
  floor.scale.set(1 / 16);
  floor.tileScale.set(1);
  root.addChild(floor);

  const alleys = new Graphics();
  for (const a of level.alleys) {
    const [first, ...rest] = a.points;
    if (!first) continue;
    alleys.moveTo(first[0], first[1]);
    for (const [x, y] of rest) alleys.lineTo(x, y);
    alleys.stroke({ width: a.width + 0.5, color: PALETTE.alleyEdge, cap: 'square', join: 'miter' });
  }
  for (const a of level.alleys) {
    const [first, ...rest] = a.points;
    if (!first) continue;
    alleys.moveTo(first[0], first[1]);
    for (const [x, y] of rest) alleys.lineTo(x, y);
    alleys.stroke({ width: a.width, color: PALETTE.alley, cap: 'square', join: 'miter' });
  }
  root.addChild(alleys);

  const stands = new Graphics();
  for (const s of level.stands) {
    const ex = exhibitors[s.exhibitor];
    drawStand(stands, s, ex ? hexToNumber(ex.colour) : 0x94a3b8, ex ? categoryColour(ex.category) : 0x94a3b8);
  }
  // Logos, numbers and names are laid out per zoom step over this (labels.ts, logos.ts).
  root.addChild(stands);

  const markers = new Graphics();
  for (const l of level.landmarks) {
    markers.circle(l.x, l.y, 1.6).fill({ color: PALETTE.landmark, alpha: 0.95 }).stroke({ width: 0.25, color: 0xffffff });
  }
  for (const p of level.portals) {
    markers.roundRect(p.x - 1.5, p.y - 1.5, 3, 3, 0.5).fill(PALETTE.portal).stroke({ width: 0.25, color: 0xffffff });
  }
  root.addChild(markers);

  return {
    root,
    destroy() {
      root.destroy({ children: true });
      texture.destroy(true);
    },
  };
}
