// The organisers' layout overlay: a 10 m grid with its coordinates, alley centre lines, and
// the ids of stands, alleys, portals and landmarks, so what is on screen can be matched to
// the lines of the floor file. Built per level only while shown; stand ids live in world
// space (they move with the floor), the few other labels are placed in screen pixels.
import { BitmapFont, BitmapText, Container, Graphics } from 'pixi.js';
import type { Rect, Vec } from '../../../shared/geometry.ts';
import type { Level } from '../../../shared/level/schema.ts';
import type { Camera } from './camera.ts';
import { PALETTE } from './palette.ts';

const FONT = 'ExpoLayoutMono';
const GRID_STEP = 10;
/** Coordinates along the screen edges are at least this far apart (px). */
const MIN_LABEL_SPACING = 44;
/** A stand id shows once its letters are this tall on screen (px). */
const MIN_ID_PX = 7;
const INK = 0xc026d3;
const AXIS_INK = 0x111827;

let installed = false;
function installFont(): void {
  if (installed) return;
  installed = true;
  BitmapFont.install({
    name: FONT,
    style: { fontFamily: 'Menlo, Consolas, monospace', fontSize: 24, fontWeight: 'bold', fill: '#ffffff' },
    chars: [['a', 'z'], ['A', 'Z'], ['0', '9'], ' -_.,:()[]/#@+'],
    resolution: Math.min(2, window.devicePixelRatio || 1),
  });
}

/** The point halfway along a polyline. */
export function polylineMidpoint(points: readonly (readonly [number, number])[]): Vec {
  const lengths = points.slice(1).map((q, i) => Math.hypot(q[0] - points[i]![0], q[1] - points[i]![1]));
  let left = lengths.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    const len = lengths[i]!;
    const a = points[i]!;
    const b = points[i + 1]!;
    if (left <= len && len > 0) return { x: a[0] + ((b[0] - a[0]) * left) / len, y: a[1] + ((b[1] - a[1]) * left) / len };
    left -= len;
  }
  const p = points[0] ?? [0, 0];
  return { x: p[0], y: p[1] };
}

/** Label step for the screen edges: 10 m, or a round multiple when 10 m is too dense. */
export function axisStep(zoom: number): number {
  for (const k of [1, 2, 5, 10, 20, 50]) if (GRID_STEP * k * zoom >= MIN_LABEL_SPACING) return GRID_STEP * k;
  return GRID_STEP * 100;
}

function text(value: string, size: number, tint: number): BitmapText {
  const t = new BitmapText({ text: value, style: { fontFamily: FONT, fontSize: size } });
  t.tint = tint;
  return t;
}

export class LayoutOverlay {
  /** Added to the world container (metres). */
  readonly root = new Container({ label: 'layout' });
  /** Added over the world (screen pixels). */
  readonly screenRoot = new Container({ label: 'layout-screen' });
  private readonly standIds = new Container({ label: 'layout-stand-ids' });
  private readonly axes = new Container({ label: 'layout-axes' });
  private readonly markerRoot = new Container({ label: 'layout-markers' });
  private markers: { t: BitmapText; at: Vec }[] = [];
  private level: Level | null = null;
  private built: Level | null = null;
  /** Smallest stand-id letter height on this floor, metres. */
  private minIdSize = 0;
  on = false;

  constructor() {
    this.root.eventMode = 'none';
    this.screenRoot.eventMode = 'none';
    this.root.visible = false;
    this.screenRoot.visible = false;
    this.screenRoot.addChild(this.axes, this.markerRoot);
  }

  setLevel(level: Level): void {
    this.level = level;
    if (this.on) this.build(level);
  }

  setOn(on: boolean): void {
    this.on = on;
    this.root.visible = on;
    this.screenRoot.visible = on;
    if (on && this.level && this.built !== this.level) this.build(this.level);
  }

  private build(level: Level): void {
    installFont();
    this.built = level;
    for (const c of this.root.removeChildren()) if (c !== this.standIds) c.destroy();
    this.standIds.removeChildren().forEach((c) => c.destroy());
    this.markerRoot.removeChildren().forEach((c) => c.destroy());
    const { width, height } = level.size;

    const lines = new Graphics();
    for (let x = GRID_STEP; x < width; x += GRID_STEP) lines.moveTo(x, 0).lineTo(x, height);
    for (let y = GRID_STEP; y < height; y += GRID_STEP) lines.moveTo(0, y).lineTo(width, y);
    lines.stroke({ width: 1, color: AXIS_INK, alpha: 0.3, pixelLine: true });
    lines.rect(0, 0, width, height).stroke({ width: 1, color: INK, alpha: 0.8, pixelLine: true });
    for (const a of level.alleys) {
      a.points.forEach(([x, y], i) => (i === 0 ? lines.moveTo(x, y) : lines.lineTo(x, y)));
    }
    lines.stroke({ width: 1, color: PALETTE.path, alpha: 0.7, pixelLine: true });
    this.root.addChild(lines, this.standIds);

    this.minIdSize = Infinity;
    for (const s of level.stands) {
      const size = Math.max(0.25, Math.min(0.7, s.h * 0.22, (s.w * 0.9) / (s.id.length * 0.62)));
      this.minIdSize = Math.min(this.minIdSize, size);
      const t = text(s.id, size, INK);
      t.position.set(s.x + 0.15, s.y + 0.1);
      this.standIds.addChild(t);
    }

    const mark = (label: string, at: Vec, tint: number) => {
      const t = text(label, 12, tint);
      t.anchor.set(0.5, 0);
      this.markerRoot.addChild(t);
      this.markers.push({ t, at });
    };
    this.markers = [];
    for (const a of level.alleys) mark(a.id, polylineMidpoint(a.points), PALETTE.path);
    for (const p of level.portals) mark(p.id, p, PALETTE.portal);
    for (const l of level.landmarks) mark(l.id, l, PALETTE.landmark);
  }

  /** Places the screen-space labels for the current camera; call when the camera moves. */
  update(camera: Camera, view: Rect): void {
    if (!this.on || !this.built) return;
    const { width, height } = this.built.size;
    this.standIds.visible = this.minIdSize * camera.zoom >= MIN_ID_PX || camera.zoom >= 12;

    const step = axisStep(camera.zoom);
    // Along the screen's top and left edges, or the hall's when it begins further in.
    const corner = camera.worldToScreen({ x: 0, y: 0 });
    const top = Math.max(2, Math.round(corner.y) + 2);
    const left = Math.max(3, Math.round(corner.x) + 3);
    const wanted: { value: number; x: number; y: number }[] = [];
    const x0 = Math.max(0, Math.ceil(view.x / step) * step);
    for (let x = x0; x <= Math.min(width, view.x + view.w); x += step) {
      wanted.push({ value: x, x: Math.round(camera.worldToScreen({ x, y: 0 }).x) + 3, y: top });
    }
    const y0 = Math.max(0, Math.ceil(view.y / step) * step);
    for (let y = y0; y <= Math.min(height, view.y + view.h); y += step) {
      if (y === 0) continue;
      wanted.push({ value: y, x: left, y: Math.round(camera.worldToScreen({ x: 0, y }).y) + 2 });
    }
    while (this.axes.children.length < wanted.length) this.axes.addChild(text('', 12, AXIS_INK));
    this.axes.children.forEach((c, i) => {
      const t = c as BitmapText;
      const w = wanted[i];
      t.visible = w !== undefined;
      if (!w) return;
      t.text = String(w.value);
      t.position.set(w.x, w.y);
    });

    for (const { t, at } of this.markers) {
      const inView = at.x >= view.x - 5 && at.x <= view.x + view.w + 5 && at.y >= view.y - 5 && at.y <= view.y + view.h + 5;
      t.visible = inView;
      if (!inView) continue;
      const p = camera.worldToScreen(at);
      t.position.set(Math.round(p.x), Math.round(p.y) + 6);
    }
  }

  destroy(): void {
    this.root.destroy({ children: true });
    this.screenRoot.destroy({ children: true });
  }
}
