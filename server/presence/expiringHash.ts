// Counts that several writers (room instances, possibly in several processes) keep in one
// presence hash, a field each, and that outlive no writer: each value carries the time it was
// written, writers rewrite theirs every second or so, and readers ignore (and delete) values
// older than the time-to-live. So when a process is killed without disposing its rooms, its
// visitors drop out of the sums within seconds instead of staying counted forever.
import type { Presence } from '@colyseus/core';

export interface Stamped {
  /** Date.now() of the write. */
  at: number;
}

export async function writeStamped<T extends object>(presence: Presence, key: string, field: string, value: T, now = Date.now()): Promise<void> {
  await presence.hset(key, field, JSON.stringify({ ...value, at: now }));
}

/** The fields written within the last `ttlMs`; older ones (and unreadable ones) are removed. */
export async function readFresh<T extends object>(presence: Presence, key: string, ttlMs: number, now = Date.now()): Promise<Array<T & Stamped>> {
  const all = (await presence.hgetall(key)) ?? {};
  const fresh: Array<T & Stamped> = [];
  const stale: string[] = [];
  for (const [field, json] of Object.entries(all)) {
    let value: (T & Stamped) | null;
    try {
      value = JSON.parse(json) as T & Stamped;
    } catch {
      value = null;
    }
    if (value && typeof value === 'object' && typeof value.at === 'number' && now - value.at <= ttlMs) fresh.push(value);
    else stale.push(field);
  }
  // Several readers may delete the same field; HDEL of a missing field is harmless.
  await Promise.all(stale.map((field) => presence.hdel(key, field)));
  return fresh;
}
