// Names, booth numbers and logo places on the plan, and the landmark and portal labels.
// What each stand shows is laid out by shared/plan/labelPlacement.ts at a zoom step (labels
// keep a near-constant size on screen: between steps they scale with the floor, at a step
// they are laid out again), and every redraw places the labels of the view by priority so
// none overlaps another. Stand labels live in world space, built once per stand and step, a
// few per frame so a zoom into a dense floor never stalls; landmark and portal labels are
// few and sit in screen space.
import { BitmapFont, BitmapText, Container, Sprite, Texture } from 'pixi.js';
import type { Rect } from '../../../shared/geometry.ts';
import type { Level, Stand } from '../../../shared/level/schema.ts';
import type { StandGrid } from '../../../shared/level/spatial.ts';
import { boothNumbers } from '../../../shared/plan/boothNumbers.ts';
import {
  type Box,
  LABEL_PRIORITY,
  type LabelCandidate,
  type Measure,
  type StandLabelLayout,
  boxesAround,
  layoutStandLabel,
  placeLabels,
} from '../../../shared/plan/labelPlacement.ts';
import type { Camera } from './camera.ts';
import { PALETTE } from './palette.ts';
import { standInner } from './floorScene.ts';

export const FONT_BOLD = 'ExpoLabelBold';
const FONT_PX = 32;
let installed = false;

export function installFonts(): void {
  if (installed) return;
  installed = true;
  const chars = [['a', 'z'], ['A', 'Z'], ['0', '9'], ['а', 'я'], ['А', 'Я'], ' ёЁ«»—–-.,:;!?()"\'&+/№#%@…'];
  BitmapFont.install({
    name: FONT_BOLD,
    style: { fontFamily: 'Arial, sans-serif', fontSize: FONT_PX, fontWeight: 'bold', fill: '#ffffff' },
    chars,
    resolution: Math.min(2, window.devicePixelRatio || 1),
    // Kerning measures every pair of the ~150 glyphs: ~0.6 s of one long task in software
    // rendering before the first names, for no visible gain on short bold labels.
    skipKerning: true,
  });
}

let widths: Map<string, number> | null = null;
let ctx: CanvasRenderingContext2D | null = null;
/** Widths in em of the bitmap font's source font, per character (what BitmapText advances by). */
export const measureBold: Measure = (text) => {
  if (!ctx) {
    ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `bold 100px Arial, sans-serif`;
    widths = new Map();
  }
  let w = 0;
  for (const ch of text) {
    let cw = widths!.get(ch);
    if (cw === undefined) {
      cw = ctx.measureText(ch === '\u00a0' ? ' ' : ch).width / 100;
      widths!.set(ch, cw);
    }
    w += cw;
  }
  // A little air: glyph advances of the generated font round up.
  return w * 1.04;
};

/** Zoom steps: labels are laid out again when the zoom moves by more than this factor. */
const STEP = 1.2;
/** New text objects per frame at most; the rest follow on the next frames. */
const BUILD_BUDGET = 40;
/** Stands laid out per frame at most (a zoom step lays out the whole view again). */
const LAYOUT_BUDGET = 60;
/** Sizes on screen, px. */
const SIZES = { numberMin: 7, numberMax: 12, nameMin: 8, logoMin: 12, logoMax: 72, gap: 2 };
const MARKER_PX = 13;
/** Line height of names, in em (the layout uses the same). */
const LINE = 1.15;

export interface LabelSource {
  standNames: string[];
  markerNames: string[];
}

/** What the redraw needs to know for priorities. */
export interface LabelMarks {
  focused: number;
  highlighted: number;
  /** Stand labels too (the plan), or only the landmark and portal labels (the 3D view draws its own names). */
  stands?: boolean;
  /** Marks every label keeps clear of, in screen px (the route's stop circles and floor tags). */
  obstacles?: readonly Box[];
}

/** A label on screen (tests and the benchmark read these). */
export interface ShownLabel {
  kind: 'name' | 'number' | 'marker';
  text: string;
  /** Stand index for names and numbers, marker index otherwise. */
  index: number;
  box: Box;
}

interface StandTexts {
  step: number;
  pill?: Sprite;
  num?: BitmapText;
  name?: BitmapText;
}

export class LabelLayer {
  /** Added to the world container (metres). */
  readonly worldRoot = new Container({ label: 'stand-labels' });
  /** Added over the world (screen pixels). */
  readonly screenRoot = new Container({ label: 'marker-labels' });
  private readonly pills = new Container({ label: 'number-pills' });
  private readonly numberTexts = new Container({ label: 'numbers' });
  private readonly nameTexts = new Container({ label: 'names' });
  private layouts = new Map<number, StandLabelLayout>();
  private texts = new Map<number, StandTexts>();
  private shown = new Set<number>();
  private markers: BitmapText[] = [];
  private numbers: string[] = [];
  private step = 0;
  private layoutBudget = 0;
  private readonly visible: number[] = [];
  private lastShown: ShownLabel[] = [];
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
    this.worldRoot.addChild(this.pills, this.numberTexts, this.nameTexts);
  }

  /** Drops every label (a new floor, or names in another language). */
  reset(level: Level, names: LabelSource): void {
    for (const c of [this.pills, this.numberTexts, this.nameTexts, this.screenRoot]) c.removeChildren().forEach((x) => x.destroy());
    this.layouts = new Map();
    this.texts = new Map();
    this.shown = new Set();
    this.enabled = false;
    this.markers = [];
    this.lastShown = [];
    this.numbers = boothNumbers(level);
    this.markerSource = { level, names };
    // Only the very first floor waits for its first frame; afterwards the font exists.
    if (installed) this.enable();
  }

  private markerSource: { level: Level; names: LabelSource } | null = null;

  /** Booth numbers of the floor shown, by stand index. */
  boothNumbers(): readonly string[] {
    return this.numbers;
  }

  /** Turns names on after the first frame of a floor; builds the few fixed marker labels. */
  enable(): void {
    if (this.enabled || !this.markerSource) return;
    installFonts();
    this.enabled = true;
    const { level, names } = this.markerSource;
    this.markers = [...level.landmarks, ...level.portals].map((_, i) => {
      const t = new BitmapText({ text: names.markerNames[i] ?? '', style: { fontFamily: FONT_BOLD, fontSize: MARKER_PX } });
      t.anchor.set(0.5);
      t.tint = i < level.landmarks.length ? PALETTE.landmark : PALETTE.portal;
      t.visible = false;
      this.screenRoot.addChild(t);
      return t;
    });
  }

  /** The layout of stand `i` at the current step, in px at that step's zoom (null: over this frame's budget). */
  private layout(s: Stand, i: number, name: string, budgeted = false): StandLabelLayout | null {
    let l = this.layouts.get(i);
    if (!l) {
      if (budgeted && this.layoutBudget-- <= 0) {
        this.pending = true;
        return null;
      }
      const z = this.step;
      const m = standInner(s);
      const inner = { x: m.x * z, y: m.y * z, w: m.w * z, h: m.h * z };
      // Bigger stands, bigger names: a plan reads its large stands from afar.
      const nameMax = Math.max(11, Math.min(22, inner.h * 0.2, inner.w * 0.12));
      l = layoutStandLabel(inner, name, this.numbers[i] ?? '', { ...SIZES, nameMax }, measureBold);
      this.layouts.set(i, l);
    }
    return l;
  }

  /** Where stand `i` shows its logo, in metres (null: no room, or not laid out yet). */
  logoBox(i: number): Box | null {
    const b = this.enabled ? this.layouts.get(i)?.logo : null;
    if (!b) return null;
    const z = this.step;
    return { x: b.x / z, y: b.y / z, w: b.w / z, h: b.h / z };
  }

  /** Shows the labels that fit the current camera; call when the camera or level changes. */
  update(level: Level, grid: StandGrid, names: LabelSource, camera: Camera, view: Rect, marks: LabelMarks = { focused: -1, highlighted: -1 }): void {
    if (!this.enabled) return;
    const zoom = camera.zoom;
    const step = STEP ** Math.round(Math.log(zoom) / Math.log(STEP));
    if (step !== this.step) {
      this.step = step;
      this.layouts.clear();
    }
    grid.query(view, this.visible);
    if (marks.stands === false) this.visible.length = 0;
    // Screen px of a box laid out at the step's zoom.
    const k = zoom / step;
    const ox = camera.viewport.width / 2 - camera.x * zoom;
    const oy = camera.viewport.height / 2 - camera.y * zoom;
    const toScreen = (b: Box): Box => ({ x: b.x * k + ox, y: b.y * k + oy, w: b.w * k, h: b.h * k });

    type Key = { kind: ShownLabel['kind']; index: number };
    const cands: LabelCandidate<Key>[] = [];
    const markerList = [...level.landmarks, ...level.portals];
    markerList.forEach((m, i) => {
      const t = this.markers[i];
      if (!t) return;
      t.visible = false;
      if (m.x < view.x - 10 || m.x > view.x + view.w + 10 || m.y < view.y - 10 || m.y > view.y + view.h + 10) return;
      const p = camera.worldToScreen({ x: m.x, y: m.y });
      const priority = i < level.landmarks.length ? LABEL_PRIORITY.landmark : LABEL_PRIORITY.portal;
      // Only positions wholly on screen: a label half off the edge reads as a cut name.
      const { width: vw, height: vh } = camera.viewport;
      const boxes = boxesAround(p, t.width + 4, t.height, Math.max(7, 1.6 * zoom)).filter((b) => b.x >= 0 && b.y >= 0 && b.x + b.w <= vw && b.y + b.h <= vh);
      if (boxes.length > 0) cands.push({ key: { kind: 'marker', index: i }, priority, boxes });
    });
    this.pending = false;
    this.layoutBudget = LAYOUT_BUDGET;
    for (const i of this.visible) {
      const l = this.layout(level.stands[i]!, i, names.standNames[i] ?? '', true);
      if (!l) continue;
      const top = i === marks.focused ? LABEL_PRIORITY.focused : i === marks.highlighted ? LABEL_PRIORITY.route : null;
      if (l.name) cands.push({ key: { kind: 'name', index: i }, priority: top ?? LABEL_PRIORITY.name, boxes: [toScreen(l.name.box)] });
      if (l.number) cands.push({ key: { kind: 'number', index: i }, priority: top ?? LABEL_PRIORITY.number, boxes: [toScreen(l.number.box)] });
    }
    const placed = placeLabels(cands, marks.obstacles ?? []);

    const shown: ShownLabel[] = [];
    const next = new Set<number>();
    let budget = BUILD_BUDGET;
    const want = new Map<number, { name: boolean; number: boolean }>();
    for (const c of cands) {
      const at = placed.get(c.key);
      if (at === undefined) continue;
      const box = c.boxes[at]!;
      if (c.key.kind === 'marker') {
        const t = this.markers[c.key.index]!;
        t.visible = true;
        t.position.set(Math.round(box.x + box.w / 2), Math.round(box.y + box.h / 2));
        shown.push({ kind: 'marker', text: t.text, index: c.key.index, box });
        continue;
      }
      const w = want.get(c.key.index) ?? { name: false, number: false };
      w[c.key.kind] = true;
      want.set(c.key.index, w);
      const l = this.layouts.get(c.key.index)!;
      shown.push({ kind: c.key.kind, text: c.key.kind === 'name' ? l.name!.lines.join(' ') : l.number!.text, index: c.key.index, box });
    }
    for (const [i, w] of want) {
      let t = this.texts.get(i);
      if (!t || t.step !== step) {
        if (budget-- <= 0) {
          this.pending = true;
          // A stale label still fits its stand: it stays until its turn comes.
          if (!t) continue;
        } else t = this.build(i, t);
      }
      if (t.num) t.num.visible = w.number;
      if (t.pill) t.pill.visible = w.number;
      if (t.name) t.name.visible = w.name;
      next.add(i);
    }
    for (const i of this.shown) if (!next.has(i)) this.hide(i);
    this.shown = next;
    this.lastShown = shown;
  }

  private hide(i: number): void {
    const t = this.texts.get(i);
    if (!t) return;
    if (t.num) t.num.visible = false;
    if (t.pill) t.pill.visible = false;
    if (t.name) t.name.visible = false;
  }

  /** (Re)builds stand i's text objects for the current step, reusing the old ones. */
  private build(i: number, old: StandTexts | undefined): StandTexts {
    const l = this.layouts.get(i)!;
    const z = this.step;
    const t: StandTexts = old ?? { step: z };
    t.step = z;
    if (l.number) {
      const b = l.number.box;
      if (!t.pill) {
        t.pill = new Sprite(Texture.WHITE);
        t.pill.tint = PALETTE.label;
        t.pill.alpha = 0.86;
        this.pills.addChild(t.pill);
      }
      t.pill.position.set(b.x / z, b.y / z);
      t.pill.width = b.w / z;
      t.pill.height = b.h / z;
      if (!t.num) {
        t.num = new BitmapText({ text: l.number.text, style: { fontFamily: FONT_BOLD, fontSize: FONT_PX } });
        t.num.anchor.set(0.5);
        this.numberTexts.addChild(t.num);
      }
      t.num.scale.set(l.number.size / z / FONT_PX);
      t.num.position.set((b.x + b.w / 2) / z, (b.y + b.h / 2) / z);
    } else {
      t.pill?.destroy();
      t.num?.destroy();
      delete t.pill;
      delete t.num;
    }
    if (l.name) {
      const text = l.name.lines.join('\n').replace(/\u00a0/g, ' ');
      if (!t.name) {
        t.name = new BitmapText({ text, style: { fontFamily: FONT_BOLD, fontSize: FONT_PX, align: 'center', lineHeight: FONT_PX * LINE } });
        t.name.anchor.set(0.5);
        t.name.tint = PALETTE.label;
        this.nameTexts.addChild(t.name);
      } else if (t.name.text !== text) t.name.text = text;
      const b = l.name.box;
      const scale = l.name.size / z / FONT_PX;
      t.name.scale.set(scale);
      // The generated font's glyph boxes run a little taller than the layout's estimate: shrink to the box, never spill.
      const over = Math.max(t.name.width / (b.w / z), t.name.height / (b.h / z));
      if (over > 1) t.name.scale.set(scale / over);
      t.name.position.set((b.x + b.w / 2) / z, (b.y + b.h / 2) / z);
    } else {
      t.name?.destroy();
      delete t.name;
    }
    this.texts.set(i, t);
    return t;
  }

  /**
   * On idle frames, lays out and builds a few labels for stands just outside the view, so that
   * panning finds them ready instead of building them while the camera moves.
   */
  prebuild(level: Level, grid: StandGrid, names: LabelSource, _zoom: number, view: Rect): boolean {
    if (!this.enabled || !this.step) return false;
    const around = { x: view.x - view.w, y: view.y - view.h, w: view.w * 3, h: view.h * 3 };
    grid.query(around, this.visible);
    let built = 0;
    for (const i of this.visible) {
      const t = this.texts.get(i);
      if ((t && t.step === this.step) || this.shown.has(i)) continue;
      const l = this.layout(level.stands[i]!, i, names.standNames[i] ?? '');
      if (!l || (!l.name && !l.number)) continue;
      const nt = this.build(i, t);
      if (nt.num) nt.num.visible = false;
      if (nt.pill) nt.pill.visible = false;
      if (nt.name) nt.name.visible = false;
      if (++built >= 4) return true;
    }
    return false;
  }

  /** Labels placed on the last update, in screen px. */
  shownLabels(): readonly ShownLabel[] {
    return this.lastShown;
  }

  get count(): number {
    return this.shown.size;
  }

  destroy(): void {
    this.worldRoot.destroy({ children: true });
    this.screenRoot.destroy({ children: true });
  }
}
