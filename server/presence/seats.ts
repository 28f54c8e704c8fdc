// Per signed visitor id, what the floor rooms of this process know beyond one connection:
// seats kept for a dropped link (so that the same visitor joining afresh can drop its ghost
// at once, on any floor) and where the visitor last stood on each floor (their spawn when
// they come back soon). In memory: after a restart visitors arrive at the floor's arrival point.
import type { Vec } from '../../shared/geometry.ts';

/** A last position older than this is forgotten: the visitor arrives at the entrance again. */
const KEEP_MS = 30 * 60_000;
/** Bound on remembered visitors; the oldest go first. */
const KEEP_MAX = 50_000;

const waiting = new Map<string, Set<() => void>>();
const open = new Map<string, number>();

/** A seat of this visitor now exists in some floor room (joined, until it leaves). */
export function seatOpened(visitorId: string): void {
  open.set(visitorId, (open.get(visitorId) ?? 0) + 1);
}

export function seatClosed(visitorId: string): void {
  const n = (open.get(visitorId) ?? 0) - 1;
  if (n > 0) open.set(visitorId, n);
  else open.delete(visitorId);
}

/** Seats this visitor has now, held ones included. */
export function seatCount(visitorId: string): number {
  return open.get(visitorId) ?? 0;
}
const last = new Map<string, { at: Vec; t: number }>();

/** Registers a seat held for a dropped visitor; returns its removal. */
export function holdSeat(visitorId: string, cancel: () => void): () => void {
  let set = waiting.get(visitorId);
  if (!set) waiting.set(visitorId, (set = new Set()));
  set.add(cancel);
  return () => {
    set.delete(cancel);
    if (set.size === 0 && waiting.get(visitorId) === set) waiting.delete(visitorId);
  };
}

/** The visitor joined afresh: seats still held for their dropped links go now. */
export function releaseSeats(visitorId: string): void {
  const set = waiting.get(visitorId);
  if (!set) return;
  waiting.delete(visitorId);
  for (const cancel of set) cancel();
}

export function rememberPosition(visitorId: string, floorId: string, at: Vec, now = Date.now()): void {
  const key = `${floorId}\n${visitorId}`;
  last.delete(key); // re-inserted last: Map order is then oldest first
  last.set(key, { at: { x: at.x, y: at.y }, t: now });
  if (last.size > KEEP_MAX) last.delete(last.keys().next().value!);
}

export function lastPosition(visitorId: string, floorId: string, now = Date.now()): Vec | null {
  const e = last.get(`${floorId}\n${visitorId}`);
  return e && now - e.t < KEEP_MS ? e.at : null;
}
