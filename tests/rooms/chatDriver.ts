// Drivers for stand chat room tests: a visitor or a staff member in one line, keeping what
// they saw the way the real client does (messages merged by id, so duplicates would show).
import { randomBytes } from 'node:crypto';
import { Client, type Room } from '@colyseus/sdk';
import { API } from '../../shared/api.ts';
import { type ChatActionResult, type ChatMessage, type ChatPage, type ChatPostResult, type ChatThread, mergeMessages } from '../../shared/chat.ts';
import { CHAT_CLIENT_MSG, CHAT_SERVER_MSG, type ChatStaffMsg, type ChatWelcome, ROOMS } from '../../shared/protocol.ts';
import { call, login } from '../fixtures/cabinet.ts';
import type { TestAccount } from '../fixtures/accounts.ts';

export interface ChatUser {
  room: Room;
  welcome: ChatWelcome;
  /** Every message received live (and by catching up), merged by id. */
  seen: ChatMessage[];
  /** Raw count of live message events, to tell duplicates from merges. */
  events: number;
  staff: ChatStaffMsg['staff'];
  mutedUntil: number | null;
  post(text: string, thread?: ChatThread): Promise<ChatPostResult>;
  history(thread: ChatThread, before?: number, limit?: number): Promise<ChatPage | { ok: false; error: string }>;
  since(after: number): Promise<ChatPage>;
  remove(id: number): Promise<ChatActionResult>;
  mute(id: number, minutes: number): Promise<ChatActionResult>;
  leave(): Promise<void>;
}

export function newVisitorId(): string {
  return randomBytes(12).toString('base64url');
}

async function joinChat(url: string, options: Record<string, unknown>): Promise<ChatUser> {
  const client = new Client(url);
  const room = await client.joinOrCreate(ROOMS.standChat, options);
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
  await welcome;
  return u;
}

export function joinAsVisitor(url: string, standId: string, name: string, visitorId = newVisitorId()): Promise<ChatUser & { visitorId: string }> {
  return joinChat(url, { standId, visitorId, name }).then((u) => Object.assign(u, { visitorId }));
}

export async function ticketFor(url: string, who: TestAccount): Promise<string> {
  const cookie = await login(url, who);
  const res = await call(url, 'POST', API.chatTicket, { cookie });
  if (res.status !== 200) throw new Error(`ticket for ${who}: ${res.status} ${res.text}`);
  return (res.json as { ticket: string }).ticket;
}

export async function joinAsStaff(url: string, standId: string, who: TestAccount): Promise<ChatUser> {
  return joinChat(url, { standId, ticket: await ticketFor(url, who) });
}

export function joinWith(url: string, options: Record<string, unknown>): Promise<ChatUser> {
  return joinChat(url, options);
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
