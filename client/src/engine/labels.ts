// Names on the canvas. Stand names live in world space, sized to their stand, so panning
// and zooming only move them with the floor: no per-frame text layout. Each label is built
// once, the first time its stand is on screen and large enough to read (level of detail),
// a few per frame so a zoom into a dense floor never stalls. Landmark and lobby names are
// few and stay a constant size on screen.
import { BitmapFont, BitmapText, Container, TextStyle } from 'pixi.js';
import type { Rect } from '../../../shared/geometry.ts';
import type { Level, Stand } from '../../../shared/level/schema.ts';
import type { StandGrid } from '../../../shared/level/spatial.ts';
import type { Camera } from './camera.ts';
import { PALETTE } from './palette.ts';

const FONT_BOLD = 'ExpoLabelBold';
let installed = false;

function installFonts(): void {
  if (installed) return;
  installed = true;
  const chars = [['a', 'z'], ['A', 'Z'], ['0', '9'], ['а', 'я'], ['А', 'Я'], ' ёЁ«»—–-.,:;!?()"\'&+/№#%@…'];
  BitmapFont.install({
    name: FONT_BOLD,
    style: { fontFamily: 'Arial, sans-serif', fontSize: 32, fontWeight: 'bold', fill: '#ffffff' },
    chars,
    resolution: Math.min(2, window.devicePixelRatio || 1),
  });
}

/** A stand name shows once its letters would be at least this tall on screen (px). */
const MIN_LETTER_PX = 8.5;
const MARKER_MIN_ZOOM = 2.2;
/** New labels built per frame at most; the rest follow on the next frames. */
const BUILD_BUDGET = 4;

function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return maxChars <= 1 ? '…' : `${text.slice(0, maxChars - 1).trimEnd()}…`;
}

/** Letter height for a stand's name in metres: bigger stands, bigger names (in 0.1 m steps). */
function letterSize(s: Stand): number {
  return Math.round(Math.max(0.5, Math.min(1.1, Math.min(s.w, s.h) * 0.16)) * 10) / 10;
}

// One style object per letter size, shared by every label: building a label then costs a
// text layout, not a style parse.
const styles = new Map<number, TextStyle>();
function styleFor(size: number): TextStyle {
  let st = styles.get(size);
  if (!st) {
    st = new TextStyle({ fontFamily: FONT_BOLD, fontSize: size });
    styles.set(size, st);
  }
  return st;
}

export interface LabelSource {
  standNames: string[];
  markerNames: string[];
}

export class LabelLayer {
  /** Added to the world container (metres). */
  readonly worldRoot = new Container({ label: 'stand-labels' });
  /** Added over the world (screen pixels). */
  readonly screenRoot = new Container({ label: 'marker-labels' });
  private stands = new Map<number, BitmapText>();
  private shown = new Set<number>();
  private markers: BitmapText[] = [];
  private readonly visible: number[] = [];
  /** Some labels were left for the next frame by the build budget. */
  pending = false;
  /**
   * Names wait until the floor itself is on screen: generating the font and laying out text
   * would otherwise delay the first picture of the hall.
   */
  enabled = false;

  constructor() {
    this.worldRoot.eventMode = 'none';
    this.screenRoot.eventMode = 'none';
  }

  /** Drops every label (a new floor, or names in another language). */
  reset(level: Level, names: LabelSource): void {
    this.worldRoot.removeChildren().forEach((c) => c.destroy());
    this.screenRoot.removeChildren().forEach((c) => c.destroy());
    this.stands = new Map();
    this.shown = new Set();
    this.enabled = false;
    this.markers = [];
    this.markerSource = { level, names };
    // Only the very first floor waits for its first frame; afterwards the font exists.
    if (installed) this.enable();
  }

  private markerSource: { level: Level; names: LabelSource } | null = null;

  /** Turns names on after the first frame of a floor; builds the few fixed marker labels. */
  enable(): void {
    if (this.enabled || !this.markerSource) return;
    installFonts();
    this.enabled = true;
    const { level, names } = this.markerSource;
    this.markers = [...level.landmarks, ...level.portals].map((_, i) => {
      const t = new BitmapText({ text: names.markerNames[i] ?? '', style: { fontFamily: FONT_BOLD, fontSize: 13 } });
      t.anchor.set(0.5);
      t.tint = i < level.landmarks.length ? PALETTE.landmark : PALETTE.portal;
      t.visible = false;
      this.screenRoot.addChild(t);
      return t;
    });
  }

  private build(s: Stand, name: string): BitmapText | null {
    const size = letterSize(s);
    const maxChars = Math.floor((s.w * 0.92) / (size * 0.58));
    if (maxChars < 4) return null;
    const t = new BitmapText({ text: truncate(name, maxChars), style: styleFor(size) });
    t.anchor.set(0.5);
    t.tint = PALETTE.label;
    t.position.set(s.x + s.w / 2, s.y + s.h * (s.entrance === 'north' ? 0.3 : 0.72));
    this.worldRoot.addChild(t);
    return t;
  }

  /** Shows the labels that fit the current camera; call when the camera or level changes. */
  update(level: Level, grid: StandGrid, names: LabelSource, camera: Camera, view: Rect): void {
    if (!this.enabled) return;
    const zoom = camera.zoom;
    grid.query(view, this.visible);
    const next = new Set<number>();
    let budget = BUILD_BUDGET;
    this.pending = false;
    for (const i of this.visible) {
      const s = level.stands[i]!;
      if (letterSize(s) * zoom < MIN_LETTER_PX) continue;
      let t = this.stands.get(i);
      if (t === undefined) {
        if (budget-- <= 0) {
          this.pending = true;
          continue;
        }
        t = this.build(s, names.standNames[i] ?? '') ?? undefined;
        this.stands.set(i, t as BitmapText);
      }
      if (!t) continue;
      t.visible = true;
      next.add(i);
    }
    for (const i of this.shown) if (!next.has(i)) this.stands.get(i)!.visible = false;
    this.shown = next;

    const markers = [...level.landmarks, ...level.portals];
    // Lifts and stairs cluster in lobbies: label a cluster once, not on top of itself.
    const placed: { x: number; y: number }[] = [];
    markers.forEach((m, i) => {
      const t = this.markers[i];
      if (!t) return;
      t.visible = false;
      if (zoom < MARKER_MIN_ZOOM) return;
      if (m.x < view.x - 10 || m.x > view.x + view.w + 10 || m.y < view.y - 10 || m.y > view.y + view.h + 10) return;
      const p = camera.worldToScreen({ x: m.x, y: m.y });
      const y = Math.round(p.y - Math.max(12, 2.2 * zoom));
      if (placed.some((q) => Math.abs(q.x - p.x) < 120 && Math.abs(q.y - y) < 18)) return;
      placed.push({ x: p.x, y });
      t.visible = true;
      t.position.set(Math.round(p.x), y);
    });
  }

  /**
   * On idle frames, builds a few labels for stands just outside the view, so that panning
   * finds them ready instead of building them while the camera moves.
   */
  prebuild(level: Level, grid: StandGrid, names: LabelSource, zoom: number, view: Rect): boolean {
    if (!this.enabled) return false;
    const around = { x: view.x - view.w, y: view.y - view.h, w: view.w * 3, h: view.h * 3 };
    grid.query(around, this.visible);
    let built = 0;
    for (const i of this.visible) {
      if (this.stands.has(i)) continue;
      const s = level.stands[i]!;
      if (letterSize(s) * zoom < MIN_LETTER_PX) continue;
      const t = this.build(s, names.standNames[i] ?? '');
      if (t) t.visible = false;
      this.stands.set(i, t as BitmapText);
      if (++built >= 2) return true;
    }
    return false;
  }

  get count(): number {
    return this.shown.size;
  }

  destroy(): void {
    this.worldRoot.destroy({ children: true });
    this.screenRoot.destroy({ children: true });
  }
}
