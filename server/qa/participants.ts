// Who is in an event's Q&A room. A visitor is a per-event ref derived from the signed visitor
// id of their cookie (never an id the client names), so votes and ballots count once per
// browser, refs cannot be followed from event to event, and an anonymous question's asker is
// known to the server only by that ref. Moderators join with the stand chat's staff ticket
// (server/chat/tickets.ts), bound to a live cabinet session; their role and the event's
// assigned moderators are read afresh (shared/eventModerators.ts).
import { createHash } from 'node:crypto';
import { moderatesEvent } from '../organiser/eventModerators.ts';
import type { Storage } from '../storage/storage.ts';
import type { TicketSigner } from '../chat/tickets.ts';

export type QaParticipant =
  | { kind: 'visitor'; ref: string; name: string; address: string }
  | { kind: 'moderator'; accountId: string; sessionHash: string; name: string };

export function qaVisitorRef(eventId: string, visitorId: string): string {
  return createHash('sha256').update(`qa\n${eventId}\n${visitorId}`).digest('base64url').slice(0, 16);
}

export { moderatesEvent };

export async function sessionLive(storage: Storage, accountId: string, sessionHash: string, now: number): Promise<boolean> {
  const session = await storage.getSession(sessionHash);
  return !!session && session.accountId === accountId && Date.parse(session.expiresAt) > now;
}

/** The moderator a ticket stands for, or null (bad or expired ticket, session ended, not this event's moderator). */
export async function moderatorOf(storage: Storage, tickets: TicketSigner, ticket: string, eventId: string, now = Date.now()): Promise<QaParticipant | null> {
  const holder = tickets.verify(ticket, now);
  if (!holder || !(await sessionLive(storage, holder.accountId, holder.sessionHash, now))) return null;
  const account = await storage.getAccount(holder.accountId);
  if (!account || !(await moderatesEvent(storage, account, eventId))) return null;
  return { kind: 'moderator', accountId: account.id, sessionHash: holder.sessionHash, name: account.name };
}
