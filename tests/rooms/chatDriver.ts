// Drivers for stand chat room tests: a visitor or a staff member in one line, keeping what
// they saw the way the real client does (messages merged by id, so duplicates would show).
// A visitor is a browser: it has the server's signed expo_vid cookie (tests/fixtures/visitor.ts)
// and sends it with the join, as a page of the site does.
import { randomBytes } from 'node:crypto';
import { Client, type Room } from '@colyseus/sdk';
import { API } from '../../shared/api.ts';
import { type ChatActionResult, type ChatMessage, type ChatPage, type ChatPostResult, type ChatThread, mergeMessages } from '../../shared/chat.ts';
import { CHAT_CLIENT_MSG, CHAT_SERVER_MSG, type ChatStaffMsg, type ChatWelcome, PROTOCOL_VERSION, ROOMS } from '../../shared/protocol.ts';
import { call, login } from '../fixtures/cabinet.ts';
import type { TestAccount } from '../fixtures/accounts.ts';
import { visitorCookie } from '../fixtures/visitor.ts';

export interface ChatUser {
  room: Room;
  welcome: ChatWelcome;
  /** Every message received live (and by catching up), merged by id. */
  seen: ChatMessage[];
  /** Raw count of live message events, to tell duplicates from merges. */
  events: number;
  staff: ChatStaffMsg['staff'];
  mutedUntil: number | null;
  /** The close code once the server closed the connection (no reconnection followed). */
  closedWith: number | null;
  post(text: string, thread?: ChatThread): Promise<ChatPostResult>;
  history(thread: ChatThread, before?: number, limit?: number): Promise<ChatPage | { ok: false; error: string }>;
  since(after: number): Promise<ChatPage>;
  remove(id: number): Promise<ChatActionResult>;
  mute(id: number, minutes: number): Promise<ChatActionResult>;
  leave(): Promise<void>;
}

/** A made-up visitor id, as old pages sent in the join options (the server ignores it). */
export function newVisitorId(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Joins with the given Cookie header (none when null), plus any other headers, which reach
 * both the matchmaking request and the WebSocket upgrade.
 */
async function joinChat(url: string, options: Record<string, unknown>, cookie: string | null, headers: Record<string, string> = {}): Promise<ChatUser> {
  const client = new Client(url, { headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) } });
  const room = await client.joinOrCreate(ROOMS.standChat, { protocol: PROTOCOL_VERSION, ...options });
  room.reconnection.minUptime = 0;
  let welcomed!: (w: ChatWelcome) => void;
  const welcome = new Promise<ChatWelcome>((resolve) => (welcomed = resolve));
  const u: ChatUser = {
    room,
    welcome: undefined as unknown as ChatWelcome,
    seen: [],
    events: 0,
    staff: [],
    mutedUntil: null,
    closedWith: null,
    post: (text, thread = null) => room.request(CHAT_CLIENT_MSG.post, { text, thread }, { timeout: 5000 }),
    history: (thread, before, limit) => room.request(CHAT_CLIENT_MSG.history, { thread, before, limit }, { timeout: 5000 }),
    since: (after) => room.request(CHAT_CLIENT_MSG.since, { after }, { timeout: 5000 }),
    remove: (id) => room.request(CHAT_CLIENT_MSG.remove, { id }, { timeout: 5000 }),
    mute: (id, minutes) => room.request(CHAT_CLIENT_MSG.mute, { id, minutes }, { timeout: 5000 }),
    leave: async () => {
      await room.leave(true).catch(() => {});
    },
  };
  room.onMessage(CHAT_SERVER_MSG.welcome, (w: ChatWelcome) => {
    u.welcome = w;
    u.staff = w.staff;
    u.mutedUntil = w.mutedUntil;
    welcomed(w);
  });
  room.onMessage(CHAT_SERVER_MSG.message, (batch: ChatMessage[]) => {
    u.events += batch.length;
    u.seen = mergeMessages(u.seen, batch);
  });
  room.onMessage(CHAT_SERVER_MSG.staff, (m: ChatStaffMsg) => (u.staff = m.staff));
  room.onMessage(CHAT_SERVER_MSG.muted, (m: { until: number }) => (u.mutedUntil = m.until));
  room.onLeave((code) => (u.closedWith = code));
  await welcome;
  return u;
}

/** A visitor: a new browser (a fresh cookie), or the browser whose cookie is given. */
export async function joinAsVisitor(url: string, standId: string, name: string, cookie?: string): Promise<ChatUser & { cookie: string }> {
  const c = cookie ?? (await visitorCookie(url));
  return joinChat(url, { standId, name }, c).then((u) => Object.assign(u, { cookie: c }));
}

export async function ticketFor(url: string, who: TestAccount): Promise<string> {
  const cookie = await login(url, who);
  const res = await call(url, 'POST', API.chatTicket, { cookie });
  if (res.status !== 200) throw new Error(`ticket for ${who}: ${res.status} ${res.text}`);
  return (res.json as { ticket: string }).ticket;
}

export async function joinAsStaff(url: string, standId: string, who: TestAccount): Promise<ChatUser> {
  return joinChat(url, { standId, ticket: await ticketFor(url, who) }, null);
}

/** Joins with raw options, as a new browser (a fresh cookie) unless a cookie (or null: none) is given. */
export async function joinWith(url: string, options: Record<string, unknown>, cookie?: string | null, headers?: Record<string, string>): Promise<ChatUser> {
  return joinChat(url, options, cookie === undefined ? await visitorCookie(url) : cookie, headers);
}

export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function texts(list: readonly ChatMessage[]): string[] {
  return list.map((m) => m.text);
}
