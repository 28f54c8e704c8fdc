// Who moderates a programme event (its Q&A and its broadcast page): organisers always; the
// accounts organisers assigned to the event (moderators or any staff); and, for an event with
// nobody assigned, every account with the moderator role that is not assigned elsewhere (so a
// fair that assigns no one works as before). An assigned moderator keeps to their events.
import { z } from 'zod';
import { Role } from './accounts.ts';

export interface Assignments {
  /** Accounts assigned to this event. */
  assigned: readonly string[];
  /** How many events the account asking is assigned to. */
  ownEvents: number;
}

export function mayModerateEvent(account: { id: string; role: Role }, a: Assignments): boolean {
  if (account.role === 'organiser') return true;
  if (a.assigned.includes(account.id)) return true;
  return account.role === 'moderator' && a.assigned.length === 0 && a.ownEvents === 0;
}

/** At most this many moderators per event. */
export const EVENT_MODERATORS_MAX = 20;

export const EventModeratorsBody = z.strictObject({
  accountIds: z.array(z.string().min(1).max(100)).max(EVENT_MODERATORS_MAX, `at most ${EVENT_MODERATORS_MAX} moderators per event`),
});
export type EventModeratorsBody = z.infer<typeof EventModeratorsBody>;

export const StaffRef = z.object({ id: z.string(), name: z.string(), email: z.string(), role: Role });
export type StaffRef = z.infer<typeof StaffRef>;

export const EventModeratorsView = z.object({
  eventId: z.string(),
  assigned: z.array(StaffRef),
  /** Accounts an organiser may assign (active staff); empty for everyone else. */
  candidates: z.array(StaffRef),
  /** May the one asking change the list (organisers). */
  canAssign: z.boolean(),
});
export type EventModeratorsView = z.infer<typeof EventModeratorsView>;
