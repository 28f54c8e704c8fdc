// The floor as a list: which alley each stand opens onto (or its category), and the stand to
// move to from another with the arrow keys (rows of the plan, read like a grid). Pure: the
// list view and the hall's keyboard group both use these.
import { projectOnSegment } from '../geometry.ts';
import { readingOrder } from './model.ts';
import type { Alley, Stand } from './schema.ts';
import { entranceMid } from './stand.ts';

/** The named alley a stand's entrance is nearest to (unnamed alleys are skipped), or null. */
export function alleyOf(stand: Stand, alleys: readonly Alley[]): Alley | null {
  const door = entranceMid(stand);
  let best: Alley | null = null;
  let bestD = Infinity;
  for (const a of alleys) {
    if (!a.name) continue;
    for (let i = 1; i < a.points.length; i++) {
      const [ax, ay] = a.points[i - 1]!;
      const [bx, by] = a.points[i]!;
      const d = projectOnSegment(door, { x: ax, y: ay }, { x: bx, y: by }).d;
      if (d < bestD) {
        bestD = d;
        best = a;
      }
    }
  }
  return best;
}

export interface StandGroup<K extends string> {
  key: K;
  /** Stand indices in reading order. */
  stands: number[];
}

/** Stands grouped by a key, groups in the order their first stand is read, stands in reading order. */
export function groupStands<K extends string>(stands: readonly Stand[], keyOf: (s: Stand, i: number) => K): StandGroup<K>[] {
  const groups = new Map<K, number[]>();
  for (const i of readingOrder(stands)) {
    const k = keyOf(stands[i]!, i);
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  return [...groups].map(([key, list]) => ({ key, stands: list }));
}

export type GridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

/** Stands whose centres are within this many metres vertically share a row. */
const ROW_BAND = 8;

/**
 * The stand the arrow key moves to from `from` (an index into stands, or -1 for none yet):
 * left/right step through the reading order, up/down go to the nearest stand of the row above
 * or below, Home/End to the first or last. Returns `from` at an edge.
 */
export function gridStep(stands: readonly Stand[], from: number, key: GridKey): number {
  const order = readingOrder(stands);
  if (order.length === 0) return -1;
  const at = order.indexOf(from);
  if (at < 0 || key === 'Home') return order[0]!;
  if (key === 'End') return order[order.length - 1]!;
  if (key === 'ArrowRight') return order[Math.min(order.length - 1, at + 1)]!;
  if (key === 'ArrowLeft') return order[Math.max(0, at - 1)]!;
  const row = (s: Stand) => Math.floor((s.y + s.h / 2) / ROW_BAND);
  const cur = stands[from]!;
  const curRow = row(cur);
  const dir = key === 'ArrowDown' ? 1 : -1;
  let target: number | null = null;
  for (const i of order) {
    const r = row(stands[i]!);
    if ((r - curRow) * dir <= 0) continue;
    if (target === null || Math.abs(r - curRow) < Math.abs(target - curRow)) target = r;
  }
  if (target === null) return from;
  const cx = cur.x + cur.w / 2;
  let best = from;
  let bestD = Infinity;
  for (const i of order) {
    const s = stands[i]!;
    if (row(s) !== target) continue;
    const d = Math.abs(s.x + s.w / 2 - cx);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
