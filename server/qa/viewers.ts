// The live viewer count of a programme event: every Q&A room instance (the event page joins
// it) writes how many distinct visitors it holds into one presence hash, a field per room,
// stamped (presence/expiringHash.ts), so instances in several processes add up through
// Redis and a killed process drops out within VIEWERS_TTL_MS. Readers (the stream status,
// the broadcast page) sum the fresh shares, cached briefly: thousands of players ask.
import type { Presence } from '@colyseus/core';
import { readFresh, writeStamped } from '../presence/expiringHash.ts';

/** Rooms rewrite their share this often… */
export const VIEWERS_WRITE_MS = 2000;
/** …and a share older than this is a room that is gone. */
export const VIEWERS_TTL_MS = 8000;
const READ_CACHE_MS = 1000;

const keyOf = (eventId: string) => `qa-viewers:${eventId}`;

export function writeViewers(presence: Presence, eventId: string, roomId: string, visitors: number): Promise<void> {
  return writeStamped(presence, keyOf(eventId), roomId, { visitors });
}

export async function dropViewers(presence: Presence, eventId: string, roomId: string): Promise<void> {
  await presence.hdel(keyOf(eventId), roomId);
}

/** Sums the fresh shares of an event; answers from a short cache (per event) when asked again. */
export function viewersReader(presence: Presence, now: () => number = Date.now): (eventId: string) => Promise<number> {
  const cache = new Map<string, { at: number; n: Promise<number> }>();
  return (eventId) => {
    const t = now();
    const hit = cache.get(eventId);
    if (hit && t - hit.at < READ_CACHE_MS) return hit.n;
    if (cache.size > 2000) for (const [k, v] of cache) if (t - v.at >= READ_CACHE_MS) cache.delete(k);
    const n = readFresh<{ visitors: number }>(presence, keyOf(eventId), VIEWERS_TTL_MS, t).then(
      (shares) => shares.reduce((sum, s) => sum + (Number.isFinite(s.visitors) ? s.visitors : 0), 0),
      () => 0,
    );
    cache.set(eventId, { at: t, n });
    return n;
  };
}
