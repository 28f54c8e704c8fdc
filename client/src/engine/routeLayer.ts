// The planned personal route on the floor shown: a cased polyline along the alleys, numbered
// circles at the stops and "» floor" tags where the route takes stairs or a lift. Everything
// is in world metres but sized in screen pixels, so it is redrawn when the zoom changes.
import { BitmapText, Container, Graphics } from 'pixi.js';
import type { Box } from '../../../shared/plan/labelPlacement.ts';
import { circleBox } from '../../../shared/plan/nameTags.ts';
import type { DrawnRoute, RouteSummary } from './drawnRoute.ts';

const FONT = 'ExpoLabelBold';
/** Size the font was installed at (labels.ts). */
const FONT_PX = 32;
const COLOUR = { line: 0xea580c, casing: 0xffffff, todo: 0xea580c, next: 0xe11d48, visited: 0x16a34a, portal: 0x7e22ce } as const;

export class RouteLayer {
  readonly root = new Container({ label: 'route' });
  private readonly line = new Graphics();
  private readonly marks = new Graphics();
  private readonly texts = new Container({ label: 'route-texts' });
  private route: DrawnRoute | null = null;
  private floor: string | null = null;
  private zoom = 1;
  private numbers: { t: BitmapText; x: number; y: number }[] = [];
  private tags: { t: BitmapText; x: number; y: number }[] = [];

  constructor() {
    this.root.eventMode = 'none';
    this.root.addChild(this.line, this.marks, this.texts);
  }

  set(route: DrawnRoute | null, floor: string | null, zoom: number): void {
    this.route = route;
    this.floor = floor;
    this.zoom = zoom;
    this.rebuildTexts();
    this.redraw();
  }

  setZoom(zoom: number): void {
    if (zoom === this.zoom) return;
    this.zoom = zoom;
    this.redraw();
  }

  summary(): RouteSummary {
    const r = this.route;
    const on = <T extends { floor: string }>(xs: readonly T[]) => xs.filter((x) => x.floor === this.floor);
    return {
      floor: r ? this.floor : null,
      stops: r ? on(r.stops).length : 0,
      points: r ? on(r.segments).reduce((n, s) => n + s.points.length, 0) : 0,
      portals: r ? on(r.portals).length : 0,
    };
  }

  /**
   * The stop circles and "» floor" tags as drawn at `zoom`, in screen px: the plan's labels
   * and visitors' tags keep clear of them (a stop's number is what the route is read by).
   */
  obstacles(toScreen: (p: { x: number; y: number }) => { x: number; y: number }, zoom: number): Box[] {
    const r = this.route;
    if (!r) return [];
    const radius = Math.max(0.7 * zoom, 12);
    const out: Box[] = [];
    for (const s of r.stops) if (s.floor === this.floor) out.push(circleBox(toScreen(s), s.state === 'next' ? radius * 1.25 + 5 : radius));
    for (const { t, x, y } of this.tags) {
      const p = toScreen({ x, y });
      out.push(circleBox(p, radius * 0.75));
      // Same sizes as redraw(): 13 px text, 7 px padding, 22 px high, starting a radius right of the mark.
      const w = (t.width / Math.max(1e-9, t.scale.x)) * (13 / FONT_PX) + 14;
      out.push({ x: p.x + radius, y: p.y - 11, w, h: 22 });
    }
    return out;
  }

  private rebuildTexts(): void {
    this.texts.removeChildren().forEach((c) => c.destroy());
    this.numbers = [];
    this.tags = [];
    const r = this.route;
    if (!r) return;
    for (const s of r.stops) {
      if (s.floor !== this.floor) continue;
      const t = new BitmapText({ text: String(s.n), style: { fontFamily: FONT, fontSize: FONT_PX } });
      t.anchor.set(0.5);
      this.texts.addChild(t);
      this.numbers.push({ t, x: s.x, y: s.y });
    }
    for (const p of r.portals) {
      if (p.floor !== this.floor) continue;
      const t = new BitmapText({ text: p.text, style: { fontFamily: FONT, fontSize: FONT_PX } });
      t.anchor.set(0, 0.5);
      this.texts.addChild(t);
      this.tags.push({ t, x: p.x, y: p.y });
    }
  }

  private redraw(): void {
    this.line.clear();
    this.marks.clear();
    const r = this.route;
    if (!r) return;
    const px = 1 / this.zoom;
    const width = Math.max(0.35, 5 * px);
    for (const seg of r.segments) {
      const [first, ...rest] = seg.points;
      if (seg.floor !== this.floor || !first || rest.length === 0) continue;
      for (const [w, colour, alpha] of [
        [width + Math.max(0.25, 4 * px), COLOUR.casing, 0.9],
        [width, COLOUR.line, 1],
      ] as const) {
        this.line.moveTo(first.x, first.y);
        for (const p of rest) this.line.lineTo(p.x, p.y);
        this.line.stroke({ width: w, color: colour, alpha, cap: 'round', join: 'round' });
      }
    }
    const radius = Math.max(0.7, 12 * px);
    for (const s of r.stops) {
      if (s.floor !== this.floor) continue;
      const fill = s.state === 'next' ? COLOUR.next : s.state === 'visited' ? COLOUR.visited : COLOUR.todo;
      const rr = s.state === 'next' ? radius * 1.25 : radius;
      if (s.state === 'next') this.marks.circle(s.x, s.y, rr + 5 * px).fill({ color: COLOUR.next, alpha: 0.25 });
      this.marks.circle(s.x, s.y, rr).fill(fill).stroke({ width: Math.max(0.12, 2.5 * px), color: COLOUR.casing });
    }
    const scaleNum = (radius * 1.15) / FONT_PX;
    for (const { t, x, y } of this.numbers) {
      t.scale.set(scaleNum);
      t.position.set(x, y);
    }
    const tagScale = (13 * px) / FONT_PX;
    const pad = 7 * px;
    for (const { t, x, y } of this.tags) {
      t.scale.set(tagScale);
      const w = t.width + 2 * pad;
      const h = 22 * px;
      const left = x + radius;
      this.marks.circle(x, y, radius * 0.75).fill(COLOUR.portal).stroke({ width: Math.max(0.12, 2.5 * px), color: COLOUR.casing });
      this.marks.roundRect(left, y - h / 2, w, h, h / 2).fill({ color: COLOUR.portal, alpha: 0.95 }).stroke({ width: Math.max(0.1, 2 * px), color: COLOUR.casing });
      t.position.set(left + pad, y);
    }
  }
}
