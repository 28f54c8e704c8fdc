// Which booths to fade in the isometric view: those drawn in front of something the visitor
// must see (their own avatar, the focused stand, the route) and covering it on screen, so a
// tall wall never hides them for good.
import type { Rect, Vec } from '../geometry.ts';
import { behind } from './depth.ts';
import { type IsoFrame, rotatedRect, viewBounds } from './projection.ts';

export interface FadeTarget {
  /** World rectangle on the floor (a point is a rectangle of size 0). */
  rect: Rect;
  /** Height of what must stay visible (an avatar about 1.8 m, a booth its wall height). */
  height: number;
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Indices of `boxes` to fade: nearer than some target and covering it on screen. */
export function boxesToFade(frame: IsoFrame, boxes: readonly { rect: Rect; height: number }[], targets: readonly FadeTarget[]): number[] {
  const out: number[] = [];
  const t = targets.map((x) => ({ fp: rotatedRect(frame, x.rect), vb: viewBounds(frame, x.rect, x.height) }));
  boxes.forEach((b, i) => {
    const fp = rotatedRect(frame, b.rect);
    const vb = viewBounds(frame, b.rect, b.height);
    if (t.some((x) => overlaps(vb, x.vb) && behind(x.fp, fp) < 0)) out.push(i);
  });
  return out;
}

/** A point (avatar, route stop) as a fade target. */
export function pointTarget(p: Vec, height = 1.8): FadeTarget {
  return { rect: { x: p.x - 0.3, y: p.y - 0.3, w: 0.6, h: 0.6 }, height };
}
