// Stand chat: the message model and the pure rules both sides apply (text cleaning and
// limits, safe links, who may see a thread, unread counting). No clocks or I/O here: the
// server stamps ids and times, the client renders plain text with links split out.
import { z } from 'zod';
import { Me } from './accounts.ts';
import { VisitorId } from './analytics.ts';

/** Longest message, in characters (code points) after cleaning. */
export const CHAT_TEXT_MAX = 1000;
/** Longer input is refused as too long before it is even cleaned. */
export const CHAT_TEXT_HARD_MAX = 16_384;
/** Messages per history page. */
export const CHAT_PAGE = 40;
export const CHAT_PAGE_MAX = 100;
/** A mute lasts 1 minute to 1 day. */
export const MUTE_MINUTES_MAX = 24 * 60;
export const MUTE_CHOICES = [5, 15, 60, 24 * 60] as const;
/** Saved answers per exhibitor. */
export const QUICK_REPLIES_MAX = 30;
/** How many stands' unread counts one request may ask about. */
export const UNREAD_STANDS_MAX = 100;
/** Close codes of a stand chat connection that the client acts on (never auto-reconnected). */
export const CHAT_CLOSE = {
  /** Staff: the cabinet session behind the ticket ended (logout, password change): fetch a new ticket, or log in. */
  sessionEnded: 4011,
} as const;

/** A stand id as in the floor files. */
export const StandId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(64);

/**
 * A visitor as the chat shows them to others: a hash of (stand, visitor id) computed by the
 * server. The raw visitor id never leaves the visitor's browser except to the server, and
 * the hash differs per stand, so nobody can follow a visitor from stand to stand by it.
 */
export const VisitorRef = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/);
export type VisitorRef = z.infer<typeof VisitorRef>;

/** Staff answer with a badge: the stand's own staff (with the company name), or the fair's people. */
export const StaffBadge = z.enum(['staff', 'moderator', 'organiser']);
export type StaffBadge = z.infer<typeof StaffBadge>;

export const ChatAuthor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('visitor'), ref: VisitorRef, name: z.string() }),
  z.object({ kind: z.literal('staff'), badge: StaffBadge, name: z.string(), company: z.string() }),
]);
export type ChatAuthor = z.infer<typeof ChatAuthor>;

/** A thread: null is the stand's public chat, a visitor ref is that visitor's private thread. */
export const ChatThread = VisitorRef.nullable();
export type ChatThread = z.infer<typeof ChatThread>;

export const ChatMessage = z.object({
  /** Increasing per stand, given by the server; clients deduplicate and page by it. */
  id: z.number().int().positive(),
  standId: StandId,
  thread: ChatThread,
  author: ChatAuthor,
  /** Plain text; empty once deleted. */
  text: z.string(),
  /** Server time, ms since the epoch. */
  at: z.number(),
  deleted: z.boolean().optional(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatPage = z.object({ messages: z.array(ChatMessage), more: z.boolean() });
export type ChatPage = z.infer<typeof ChatPage>;

/** What went wrong with a chat action; the client words it. */
export const ChatErrorCode = z.enum(['empty', 'too-long', 'rate', 'muted', 'forbidden', 'not-found', 'invalid']);
export type ChatErrorCode = z.infer<typeof ChatErrorCode>;

export interface ChatError {
  ok: false;
  error: ChatErrorCode;
  /** too-long: the limit. */
  max?: number;
  /** rate: when the next message will be accepted. */
  retryInMs?: number;
  /** muted: until when (ms since the epoch). */
  until?: number;
}

export type ChatPostResult = { ok: true; message: ChatMessage } | ChatError;
export type ChatActionResult = { ok: true; until?: number } | ChatError;

/**
 * Staff of a stand connected now (any cabinet page open), as visitors see them; `away` when
 * none of that person's cabinet pages had input for a while or all are hidden
 * (shared/staffPresence.ts decides; absent means active).
 */
export const StaffOnline = z.object({ name: z.string(), away: z.literal(true).optional() });
export type StaffOnline = z.infer<typeof StaffOnline>;

/** Who this connection is in the room. */
export type ChatMe =
  | { kind: 'visitor'; ref: VisitorRef; name: string }
  | { kind: 'staff'; name: string; badge: StaffBadge; seesPrivate: boolean; moderates: boolean };

// --- text ---------------------------------------------------------------------------------

// Control characters (but newline and tab), zero-width characters and bidi overrides: they
// hide text or make it display as something else.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;

/** The text as stored: invisible characters removed, line breaks normalised, at most one blank line, trimmed. */
export function cleanChatText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export type TextCheck = { ok: true; text: string } | { ok: false; error: 'empty' | 'too-long'; max?: number };

export function checkChatText(raw: string): TextCheck {
  if (raw.length > CHAT_TEXT_HARD_MAX) return { ok: false, error: 'too-long', max: CHAT_TEXT_MAX };
  const text = cleanChatText(raw);
  if (!text) return { ok: false, error: 'empty' };
  if (textLength(text) > CHAT_TEXT_MAX) return { ok: false, error: 'too-long', max: CHAT_TEXT_MAX };
  return { ok: true, text };
}

// --- links --------------------------------------------------------------------------------

/** The address to open for a link written in a message, or null unless it is plain http(s). */
export function safeHref(raw: string): string | null {
  const candidate = /^www\./i.test(raw) ? `https://${raw}` : raw;
  if (!/^https?:\/\//i.test(candidate) || !URL.canParse(candidate)) return null;
  const url = new URL(candidate);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url.href;
}

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?»"'’”)\]]+$/;

/** Splits a message into text and http(s) links; everything else stays text. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    let link = m[0];
    // Sentence punctuation after a link is not part of it; a ")" is when the link opened one.
    const tail = TRAILING.exec(link);
    if (tail) {
      let cut = tail[0];
      if (cut.startsWith(')') && link.includes('(')) cut = cut.slice(1);
      link = link.slice(0, link.length - cut.length);
    }
    const href = safeHref(link);
    if (!href) continue;
    const start = m.index;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', text: link, href });
    last = start + link.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

// --- visibility and unread ----------------------------------------------------------------

/** A conversation key: a stand's public chat or one private thread. */
export function conversationKey(standId: string, thread: ChatThread): string {
  return thread ? `${standId}/${thread}` : standId;
}

export function parseConversationKey(key: string): { standId: string; thread: ChatThread } {
  const i = key.indexOf('/');
  return i < 0 ? { standId: key, thread: null } : { standId: key.slice(0, i), thread: key.slice(i + 1) };
}

/** Who may read a message: everyone for the public chat; the visitor and the stand's staff for a thread. */
export function canSee(viewer: { kind: 'visitor'; ref: string } | { kind: 'staff'; seesPrivate: boolean }, thread: ChatThread): boolean {
  if (thread === null) return true;
  return viewer.kind === 'staff' ? viewer.seesPrivate : viewer.ref === thread;
}

/** Staff answers a visitor has not read: staff messages after `afterId` in the public chat or their thread. */
export function visitorUnread(messages: readonly ChatMessage[], ref: string, afterId: number): number {
  let n = 0;
  for (const m of messages) {
    if (m.id > afterId && !m.deleted && m.author.kind === 'staff' && (m.thread === null || m.thread === ref)) n++;
  }
  return n;
}

/** Visitor messages staff have not read in one conversation. */
export function staffUnread(messages: readonly ChatMessage[], thread: ChatThread, afterId: number): number {
  let n = 0;
  for (const m of messages) if (m.id > afterId && !m.deleted && m.thread === thread && m.author.kind === 'visitor') n++;
  return n;
}

/** Adds messages to a list sorted by id, replacing any with the same id (a deletion, a resend). */
export function mergeMessages(list: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return list as ChatMessage[];
  const byId = new Map<number, ChatMessage>();
  for (const m of list) byId.set(m.id, m);
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

// --- HTTP bodies --------------------------------------------------------------------------

export const ChatTicket = z.object({ ticket: z.string(), expiresAt: z.number() });
export type ChatTicket = z.infer<typeof ChatTicket>;

export const UnreadQuery = z.strictObject({
  /**
   * Ignored (older pages sent their own id). The visitor is the one of the request's signed
   * `expo_vid` cookie, so nobody can ask about another visitor's private answers.
   */
  visitorId: VisitorId.optional(),
  /** standId -> the last message id the visitor has read there. */
  marks: z.record(StandId, z.number().int().min(0)).refine((m) => Object.keys(m).length <= UNREAD_STANDS_MAX, {
    message: `at most ${UNREAD_STANDS_MAX} stands at once`,
  }),
});
export type UnreadQuery = z.infer<typeof UnreadQuery>;

export const UnreadCounts = z.object({ unread: z.record(z.string(), z.number().int()) });
export type UnreadCounts = z.infer<typeof UnreadCounts>;

/** One conversation in the staff inbox. */
export const InboxEntry = z.object({
  standId: StandId,
  /** The booth number on the floor's plan ("A11"), as visitors see it. */
  booth: z.string().optional(),
  floorId: z.string(),
  exhibitorId: z.string(),
  company: z.string(),
  thread: ChatThread,
  /** The visitor's name for a private thread. */
  visitorName: z.string().optional(),
  last: ChatMessage.nullable(),
  unread: z.number().int(),
  /** Stands of the account's own exhibitors: the inbox keeps these live (and shows staff online). */
  own: z.boolean(),
});
export type InboxEntry = z.infer<typeof InboxEntry>;

export const Inbox = z.object({ me: Me, conversations: z.array(InboxEntry) });
export type Inbox = z.infer<typeof Inbox>;

const QuickReply = z
  .string()
  .transform(cleanChatText)
  .pipe(z.string().min(1, 'a saved answer cannot be empty').refine((s) => textLength(s) <= CHAT_TEXT_MAX, `a saved answer is at most ${CHAT_TEXT_MAX} characters`));

export const QuickReplies = z.strictObject({
  replies: z.array(QuickReply).max(QUICK_REPLIES_MAX, `at most ${QUICK_REPLIES_MAX} saved answers`),
});
export type QuickReplies = z.infer<typeof QuickReplies>;

/** Newest activity first; conversations without messages last. */
export function byLatestActivity(a: { last: ChatMessage | null }, b: { last: ChatMessage | null }): number {
  return (b.last?.at ?? 0) - (a.last?.at ?? 0);
}
