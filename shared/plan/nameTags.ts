// Visitors' name tags and the route's marks as inputs of the label placement
// (labelPlacement.ts): a tag is the lowest-priority label, placed around its avatar after the
// stand labels, so it never covers a stand's name, number, a landmark, a route stop or another
// tag; a route stop is an obstacle every label avoids. Tags show only when they can be read
// and do not swamp the plan: close enough, and few enough people in view. Pure, screen units.
import { type Box, LABEL_PRIORITY, type LabelCandidate, type Measure, boxesAround, placeLabels } from './labelPlacement.ts';

/** A visitor drawn on screen: where (the avatar's centre), how large, and the name to show. */
export interface TagPerson<K> {
  key: K;
  x: number;
  y: number;
  /** The avatar's radius on screen. */
  r: number;
  name: string;
}

export interface TagOptions {
  /** The view's zoom (px per metre) and the least zoom at which tags show. */
  zoom: number;
  minZoom: number;
  /** More people than this in view: no tags at all (a crowd of names reads as noise). */
  maxInView: number;
  /** Font size on screen. */
  size: number;
  viewport: { width: number; height: number };
  /** Tags nearest this point come first when space is short (the visitor's own avatar). */
  near?: { x: number; y: number } | null;
}

/** A tag's box: its text plus a little padding each side (a little more on the left, for a colour stripe). */
export function tagSize(name: string, size: number, measure: Measure): { w: number; h: number } {
  return { w: measure(name) * size + size * 1.1, h: size * 1.35 };
}

/**
 * Candidates for the tags of `people`: above the avatar, else below, right, left, then a
 * line further above or below (clear of a route stop the avatar stands on), and only
 * positions wholly on screen. Empty when zoomed out below `minZoom` or with more than
 * `maxInView` people on screen.
 */
export function tagCandidates<K>(people: readonly TagPerson<K>[], o: TagOptions, measure: Measure): LabelCandidate<K>[] {
  if (o.zoom < o.minZoom) return [];
  const { width: vw, height: vh } = o.viewport;
  const inView = people.filter((p) => p.name && p.x >= 0 && p.y >= 0 && p.x <= vw && p.y <= vh);
  if (inView.length > o.maxInView) return [];
  const near = o.near;
  const order = near ? [...inView].sort((a, b) => Math.hypot(a.x - near.x, a.y - near.y) - Math.hypot(b.x - near.x, b.y - near.y)) : inView;
  const out: LabelCandidate<K>[] = [];
  for (const p of order) {
    const { w, h } = tagSize(p.name, o.size, measure);
    const far = p.r + 2 + h * 1.5;
    const boxes = [...boxesAround(p, w, h, p.r + 2), { x: p.x - w / 2, y: p.y - far - h, w, h }, { x: p.x - w / 2, y: p.y + far, w, h }].filter((b) => b.x >= 0 && b.y >= 0 && b.x + b.w <= vw && b.y + b.h <= vh);
    if (boxes.length > 0) out.push({ key: p.key, priority: LABEL_PRIORITY.tag, boxes });
  }
  return out;
}

/** The square around a circle (a route stop, an avatar) as an obstacle. */
export function circleBox(c: { x: number; y: number }, r: number): Box {
  return { x: c.x - r, y: c.y - r, w: 2 * r, h: 2 * r };
}

/**
 * Places tags among labels already placed (stand labels, landmarks: `taken`) and marks
 * (`obstacles`: route stops, avatars). Equivalent to one placement of everything, since tags
 * rank last: returns the chosen box per placed key.
 */
export function placeTags<K>(cands: readonly LabelCandidate<K>[], taken: readonly Box[], obstacles: readonly Box[] = []): Map<K, Box> {
  const placed = placeLabels(cands, [...taken, ...obstacles]);
  const out = new Map<K, Box>();
  for (const c of cands) {
    const at = placed.get(c.key);
    if (at !== undefined) out.set(c.key, c.boxes[at]!);
  }
  return out;
}
