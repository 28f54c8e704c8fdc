// Whether a stand's own staff are there for visitors: online (some cabinet page of theirs is
// in use), away (cabinet pages open, but none touched for a while or all hidden) or offline
// (no cabinet page open). The stand chat room counts its connections with these rules; the
// visitor's chat header and the hall read the result. Pure: the room and the client feed it.
import type { StaffOnline } from './chat.ts';

/** No input on a cabinet page for this long, and its staff count as away. */
export const STAFF_AWAY_AFTER_MS = 5 * 60_000;

export type StaffState = 'online' | 'away' | 'offline';

/** One staff connection to a stand's chat room, as the room knows it. */
export interface StaffConnection {
  accountId: string;
  name: string;
  /** One of the exhibitor's own people (organisers and moderators are never shown). */
  own: boolean;
  away: boolean;
}

/**
 * The stand's own people connected now, once each by name order. A person with several pages
 * (tabs, devices) is away only when every one of them is.
 */
export function staffOnDuty(conns: Iterable<StaffConnection>): StaffOnline[] {
  const people = new Map<string, { name: string; away: boolean }>();
  for (const c of conns) {
    if (!c.own) continue;
    const known = people.get(c.accountId);
    people.set(c.accountId, { name: c.name, away: (known?.away ?? true) && c.away });
  }
  return [...people.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p): StaffOnline => (p.away ? { name: p.name, away: true } : { name: p.name }));
}

/** What visitors are told: someone active is online; only away people, away; nobody, offline. */
export function staffState(staff: readonly StaffOnline[]): StaffState {
  if (staff.some((s) => !s.away)) return 'online';
  return staff.length > 0 ? 'away' : 'offline';
}

/** The names of those active now (the chat header's "online: …" and the hall's staffed stands). */
export function activeStaff(staff: readonly StaffOnline[]): string[] {
  return staff.filter((s) => !s.away).map((s) => s.name);
}

/** Whether a cabinet page counts as away: hidden, or no input for STAFF_AWAY_AFTER_MS. */
export function pageAway(hidden: boolean, lastInputAt: number, now: number, awayAfterMs = STAFF_AWAY_AFTER_MS): boolean {
  return hidden || now - lastInputAt >= awayAfterMs;
}
