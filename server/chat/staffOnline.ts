// "Staff online" across rooms and processes: each stand chat room keeps, in Colyseus
// presence (Redis when several processes run), the names of the exhibitor's own people
// active on it (a cabinet page open and not away); floor rooms read it to tell visitors
// which stands are staffed now. A room rewrites its entry every few seconds while staff are
// there, and entries not rewritten expire, so a killed process's staff stop showing.
import type { Presence } from '@colyseus/core';
import { readFresh, writeStamped } from '../presence/expiringHash.ts';

/** Presence hash: standId -> { names, at } (one room per stand, so one writer per field). */
export const STAFF_ONLINE_KEY = 'chat:staffOnline';
/** How often a room with staff rewrites its entry. */
export const STAFF_REFRESH_MS = 5_000;
/** An entry older than this belongs to a room (or process) that is gone. */
const STAFF_TTL_MS = 3 * STAFF_REFRESH_MS;

export async function publishStaffOnline(presence: Presence, standId: string, names: string[]): Promise<void> {
  if (names.length > 0) await writeStamped(presence, STAFF_ONLINE_KEY, standId, { standId, names });
  else await presence.hdel(STAFF_ONLINE_KEY, standId);
}

/** Stand ids with staff online, among the given ones. */
export async function staffedStands(presence: Presence, among: ReadonlySet<string>): Promise<string[]> {
  const all = await readFresh<{ standId: string; names: string[] }>(presence, STAFF_ONLINE_KEY, STAFF_TTL_MS);
  return all
    .map((e) => e.standId)
    .filter((id) => typeof id === 'string' && among.has(id))
    .sort();
}
