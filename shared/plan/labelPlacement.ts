// Label placement for the hall plan (and the 3D view's name tags): names fitted into their
// stand's rectangle, wrapped at spaces and shrunk down to a legible minimum, never cut inside
// a word; then every label of the view placed greedily by priority (focused stand, route
// stops, landmarks, portals, names, booth numbers), each at the first of its candidate
// positions that overlaps nothing placed before, else hidden. Pure and unit-agnostic: the
// engine works in pixels at its zoom step, tests in whatever units they like. Text widths
// come from a `Measure` of the font the caller draws with.

/** An axis-aligned box: x, y of its top-left corner, width and height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Width of `text` at font size 1 (em units) in the font the caller draws with. */
export type Measure = (text: string) => number;

export interface FittedText {
  lines: string[];
  size: number;
  /** The widest line and the block's height, in the caller's units. */
  width: number;
  height: number;
}

export interface FitOptions {
  /** Largest and smallest font size to try. */
  maxSize: number;
  minSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight?: number;
  /** Each try shrinks the size by this factor. */
  step?: number;
}

/** One-letter words ("и", "в", "&") stay on the line of the word after them, as typesetters do. */
function words(text: string): string[] {
  const raw = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i]!;
    if (w.length === 1 && i + 1 < raw.length) raw[i + 1] = `${w}\u00a0${raw[i + 1]}`;
    else out.push(w);
  }
  return out;
}

/**
 * Greedy wrap of `text` into lines no wider than `maxWidth` at font `size`; null when one
 * word alone is wider (a word is never broken). Spaces of the input collapse to one.
 */
export function wrapWords(text: string, maxWidth: number, size: number, measure: Measure): string[] | null {
  const ws = words(text);
  const space = measure(' ') * size;
  const lines: string[] = [];
  let cur = '';
  let curW = 0;
  for (const w of ws) {
    const ww = measure(w) * size;
    if (ww > maxWidth) return null;
    if (cur && curW + space + ww <= maxWidth) {
      cur += ` ${w}`;
      curW += space + ww;
    } else {
      if (cur) lines.push(cur);
      cur = w;
      curW = ww;
    }
  }
  if (cur) lines.push(cur);
  return lines;
}

/**
 * The largest size in [minSize, maxSize] at which `text` wraps into a `width` × `height` box,
 * with lines evened out (the same number of lines, as narrow as they go); null if even the
 * smallest size does not fit.
 */
export function fitText(text: string, width: number, height: number, opts: FitOptions, measure: Measure): FittedText | null {
  const lh = opts.lineHeight ?? 1.15;
  const step = opts.step ?? 0.9;
  if (opts.maxSize < opts.minSize || width <= 0 || height < opts.minSize * lh) return null;
  // Bounds that skip sizes which cannot fit: the longest word must fit the width, and the
  // whole text (as one line of width W em) must fit the area, whatever the wrapping.
  const ws = words(text);
  const longest = Math.max(0, ...ws.map((w) => measure(w)));
  const total = measure(ws.join(' '));
  if (longest * opts.minSize > width) return null;
  const bound = Math.min(opts.maxSize, longest > 0 ? width / longest : opts.maxSize, height / lh, total > 0 ? Math.sqrt((width * height) / (total * lh)) : opts.maxSize);
  if (bound < opts.minSize) return null;
  for (let size = bound; ; size = Math.max(opts.minSize, size * step)) {
    const lines = wrapWords(text, width, size, measure);
    if (lines && lines.length > 0 && lines.length * size * lh <= height) {
      const balanced = balance(text, lines.length, width, size, measure) ?? lines;
      const w = Math.max(...balanced.map((l) => measure(l) * size));
      return { lines: balanced, size, width: w, height: balanced.length * size * lh };
    }
    if (size <= opts.minSize) return null;
  }
}

/** The narrowest wrap width that keeps `count` lines (bisection): "Сеть детских / садов" reads better than "Сеть детских садов / «Бусинки»" only when even. */
function balance(text: string, count: number, width: number, size: number, measure: Measure): string[] | null {
  if (count < 2) return null;
  let lo = 0;
  let hi = width;
  let best: string[] | null = null;
  for (let k = 0; k < 8; k++) {
    const mid = (lo + hi) / 2;
    const lines = wrapWords(text, mid, size, measure);
    if (lines && lines.length <= count) {
      best = lines;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

export interface StandLabelOptions {
  /** Booth number font sizes (it sits in a pill at the box's top-left corner). */
  numberMin: number;
  numberMax: number;
  /** Name font sizes. */
  nameMin: number;
  nameMax: number;
  /** A logo shows from this side length, up to the maximum. */
  logoMin: number;
  logoMax: number;
  /** Space between the parts. */
  gap: number;
}

export interface StandLabelLayout {
  number: { text: string; size: number; box: Box } | null;
  name: (FittedText & { box: Box }) | null;
  logo: Box | null;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * What a stand shows inside `inner` (its floor, walls excluded): the booth number in the
 * corner; the name when it fits at a legible size, with the logo above it when there is room;
 * otherwise the logo alone (it may sit under the number's pill on the smallest stands).
 */
export function layoutStandLabel(inner: Box, name: string, number: string, o: StandLabelOptions, measure: Measure): StandLabelLayout {
  let num: StandLabelLayout['number'] = null;
  for (const size of [clamp(Math.min(inner.w, inner.h) * 0.2, o.numberMin, o.numberMax), o.numberMin]) {
    const w = measure(number) * size + size * 0.5;
    const h = size * 1.25;
    if (number && w <= inner.w && h <= inner.h) {
      num = { text: number, size, box: { x: inner.x, y: inner.y, w, h } };
      break;
    }
  }
  const top = num ? num.box.h + o.gap : 0;
  // The name goes under the number, or beside it when that gives it a larger size.
  const below: Box = { x: inner.x, y: inner.y + top, w: inner.w, h: inner.h - top };
  const beside: Box | null = num ? { x: inner.x + num.box.w + o.gap, y: inner.y, w: inner.w - num.box.w - o.gap, h: inner.h } : null;
  const fit = (b: Box) => (b.h > 0 && b.w > 0 ? fitText(name, b.w, b.h, { maxSize: o.nameMax, minSize: o.nameMin }, measure) : null);
  let body = below;
  let fitted = fit(below);
  if (beside) {
    const other = fit(beside);
    if (other && (!fitted || other.size > fitted.size * 1.05)) {
      body = beside;
      fitted = other;
    }
  }
  if (fitted) {
    const free = body.h - fitted.height - o.gap;
    const side = Math.min(free, body.w * 0.5, o.logoMax);
    const logoSide = side >= o.logoMin ? side : 0;
    const block = fitted.height + (logoSide ? logoSide + o.gap : 0);
    const y0 = body.y + (body.h - block) / 2;
    const logo = logoSide ? { x: body.x + (body.w - logoSide) / 2, y: y0, w: logoSide, h: logoSide } : null;
    const ny = logo ? y0 + logoSide + o.gap : y0;
    return { number: num, name: { ...fitted, box: { x: body.x + (body.w - fitted.width) / 2, y: ny, w: fitted.width, h: fitted.height } }, logo };
  }
  // No legible name: the logo takes the body, or the whole floor when the body is too flat.
  const area = Math.min(body.w, body.h) >= o.logoMin ? body : inner;
  const side = Math.min(area.w, area.h, o.logoMax);
  const logo = side >= o.logoMin ? { x: area.x + (area.w - side) / 2, y: area.y + (area.h - side) / 2, w: side, h: side } : null;
  return { number: num, name: null, logo };
}

export function overlaps(a: Box, b: Box, pad = 0): boolean {
  return a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;
}

/** Priorities, lowest placed first. */
export const LABEL_PRIORITY = { focused: 0, route: 1, landmark: 2, portal: 3, name: 4, number: 5, tag: 6 } as const;

export interface LabelCandidate<K> {
  key: K;
  priority: number;
  /** Where the label may go, in order of preference. */
  boxes: Box[];
}

/**
 * Greedy placement: by priority (ties keep input order), each label takes its first box that
 * overlaps no label placed before it and no obstacle; a label with no free box is hidden.
 * Returns the chosen box index per placed key. A uniform grid keeps it near-linear.
 */
export function placeLabels<K>(candidates: readonly LabelCandidate<K>[], obstacles: readonly Box[] = [], pad = 0): Map<K, number> {
  const order = candidates.map((c, i) => ({ c, i })).sort((a, b) => a.c.priority - b.c.priority || a.i - b.i);
  let cell = 0;
  let n = 0;
  // Cells about twice the mean label size: each label touches a few cells, each cell holds a few labels.
  for (const { c } of order)
    for (const b of c.boxes) {
      cell += Math.max(b.w, b.h);
      n++;
    }
  cell = Math.max(1e-6, n ? (cell / n) * 2 : 1);
  const grid = new Map<string, Box[]>();
  const cells = (b: Box, fn: (k: string) => boolean | void): boolean => {
    const x0 = Math.floor((b.x - pad) / cell);
    const x1 = Math.floor((b.x + b.w + pad) / cell);
    const y0 = Math.floor((b.y - pad) / cell);
    const y1 = Math.floor((b.y + b.h + pad) / cell);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) if (fn(`${x},${y}`)) return true;
    return false;
  };
  const add = (b: Box) =>
    void cells(b, (k) => {
      const list = grid.get(k);
      if (list) list.push(b);
      else grid.set(k, [b]);
    });
  const blocked = (b: Box) => cells(b, (k) => grid.get(k)?.some((o) => overlaps(o, b, pad)) ?? false);
  for (const o of obstacles) add(o);
  const placed = new Map<K, number>();
  for (const { c } of order) {
    const at = c.boxes.findIndex((b) => !blocked(b));
    if (at < 0) continue;
    add(c.boxes[at]!);
    placed.set(c.key, at);
  }
  return placed;
}

/** Boxes around a point (a landmark, a figure's head) for a label of `w` × `h`: above, below, right, left. */
export function boxesAround(p: { x: number; y: number }, w: number, h: number, gap: number): Box[] {
  return [
    { x: p.x - w / 2, y: p.y - gap - h, w, h },
    { x: p.x - w / 2, y: p.y + gap, w, h },
    { x: p.x + gap, y: p.y - h / 2, w, h },
    { x: p.x - gap - w, y: p.y - h / 2, w, h },
  ];
}
