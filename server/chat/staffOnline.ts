// "Staff online" across rooms and processes: each stand chat room keeps, in Colyseus
// presence, the names of the exhibitor's own people connected to it (the chat open, or the
// cabinet inbox); floor rooms read it to tell visitors which stands are staffed now.
import type { Presence } from '@colyseus/core';

/** Presence hash: standId -> JSON array of names (one room per stand, so one writer per field). */
export const STAFF_ONLINE_KEY = 'chat:staffOnline';

export async function publishStaffOnline(presence: Presence, standId: string, names: string[]): Promise<void> {
  if (names.length > 0) await presence.hset(STAFF_ONLINE_KEY, standId, JSON.stringify(names));
  else await presence.hdel(STAFF_ONLINE_KEY, standId);
}

/** Stand ids with staff online, among the given ones. */
export async function staffedStands(presence: Presence, among: ReadonlySet<string>): Promise<string[]> {
  const all = await presence.hgetall(STAFF_ONLINE_KEY);
  return Object.keys(all ?? {})
    .filter((id) => among.has(id))
    .sort();
}
