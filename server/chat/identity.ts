// Visitors in the chat: a per-stand ref derived from the signed visitor id of the browser's
// `expo_vid` cookie (server/visitors/visitorId.ts). The ref is what others see (and what a
// private thread is keyed by); the id itself stays a secret between the visitor's browser
// and the server, so a ref cannot be used to join as someone else, and refs differ per stand
// so nobody can follow a visitor across stands. The guest name ("Гость 1234") is one per
// visitor everywhere: guestNameOf(visitorId).
import { createHash } from 'node:crypto';

export function visitorRef(standId: string, visitorId: string): string {
  return createHash('sha256').update(`chat\n${standId}\n${visitorId}`).digest('base64url').slice(0, 16);
}
