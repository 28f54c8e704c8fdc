// Visitors in the chat: a per-stand ref derived from the browser-remembered visitor id. The
// ref is what others see (and what a private thread is keyed by); the id itself stays a
// secret between the visitor's browser and the server, so a ref cannot be used to join as
// someone else, and refs differ per stand so nobody can follow a visitor across stands.
import { createHash } from 'node:crypto';

export function visitorRef(standId: string, visitorId: string): string {
  return createHash('sha256').update(`chat\n${standId}\n${visitorId}`).digest('base64url').slice(0, 16);
}

/** "Гость 1234": a stable default name per visitor and stand, for visitors who chose none. */
export function guestName(ref: string): string {
  let n = 0;
  for (const ch of ref) n = (n * 31 + ch.charCodeAt(0)) % 9000;
  return `Гость ${1000 + n}`;
}
