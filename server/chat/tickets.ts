// Chat tickets: how cabinet staff prove who they are to a stand chat room. Browsers (and
// Node clients) cannot always send cookies on a WebSocket, so the cabinet asks the HTTP API
// (behind its session) for a short-lived ticket, HMAC-signed by this server, and passes it
// in the join options; the room verifies it and then reads the account afresh. A ticket is
// tied to the session it came from (the session's token hash, the key the store already
// keeps it by; never the token): once that session ends (logout, password change) the
// ticket no longer joins, and the bus's accountRevoked closes connections already open.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ChatTicket } from '../../shared/chat.ts';

/** Long enough to join (and rejoin after a drop), short enough that a leaked one soon dies. */
export const TICKET_TTL_MS = 10 * 60_000;

export interface TicketHolder {
  accountId: string;
  /** sha256 of the session token the ticket was issued from (Session.tokenHash). */
  sessionHash: string;
}

export interface TicketSigner {
  issue(holder: TicketHolder, now?: number): ChatTicket;
  /** Who a genuine, unexpired ticket was issued to; null otherwise. */
  verify(ticket: string, now?: number): TicketHolder | null;
}

/**
 * A signer with the given secret, or a random one for this process (tickets then do not
 * outlive a restart, which only makes the client fetch a new one). Several processes
 * behind one address need the same CHAT_SECRET.
 */
export function ticketSigner(secret?: string): TicketSigner {
  const key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
  return {
    issue({ accountId, sessionHash }, now = Date.now()) {
      const expiresAt = now + TICKET_TTL_MS;
      const payload = Buffer.from(JSON.stringify({ a: accountId, s: sessionHash, e: expiresAt }), 'utf8').toString('base64url');
      return { ticket: `${payload}.${sign(payload)}`, expiresAt };
    },
    verify(ticket, now = Date.now()) {
      const [payload, mac, extra] = ticket.split('.');
      if (!payload || !mac || extra !== undefined) return null;
      const expected = Buffer.from(sign(payload), 'utf8');
      const given = Buffer.from(mac, 'utf8');
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      try {
        const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { a?: unknown; s?: unknown; e?: unknown };
        // Tickets from before sessions were bound (no `s`) are refused like expired ones.
        if (typeof body.a !== 'string' || typeof body.s !== 'string' || typeof body.e !== 'number' || body.e <= now) return null;
        return { accountId: body.a, sessionHash: body.s };
      } catch {
        return null;
      }
    },
  };
}
