// One stand's chat: the public chat and visitors' private threads with the stand's staff.
// Created on demand (filtered by stand id), disposed when empty; messages live in the store,
// so the room is only the live view. Staff join with a ticket from their cabinet session,
// checked in onAuth; whatever else a client claims about itself is ignored.
import { type AuthContext, type Client, type Delayed, ErrorCode, Room, ServerError } from '@colyseus/core';
import type { ChatActionResult, ChatError, ChatMessage, StaffOnline } from '../../shared/chat.ts';
import {
  CHAT_CLIENT_MSG,
  CHAT_CLIENT_SCHEMAS,
  CHAT_SERVER_MSG,
  type ChatClientMsg,
  ChatJoinOptions,
  type ChatStaffMsg,
  type ChatWelcome,
} from '../../shared/protocol.ts';
import { TokenBucket } from '../tokenBucket.ts';
import { STAFF_POSTS, VISITOR_POSTS } from './postLimit.ts';
import { type ChatStand, type Participant, meOf } from './service.ts';
import { chatService } from './settings.ts';
import { publishStaffOnline } from './staffOnline.ts';

const RECONNECT_SECONDS = 20;
/**
 * Public messages go out at most once per this many ms, several in one frame when a stand is
 * busy: the cost of fan-out is a socket write per listener per frame, not the bytes. A quiet
 * stand's message goes at once. (bench:chat: 500 listeners at 50 messages/s.)
 */
const FANOUT_MS = 50;

type ChatMsgType = (typeof CHAT_CLIENT_MSG)[keyof typeof CHAT_CLIENT_MSG];

interface Conn {
  p: Participant;
  /** Every request counts here: a client far over it is flooding and is disconnected. */
  requests: TokenBucket;
  malformed: number;
}

export class StandChatRoom extends Room {
  private stand!: ChatStand;
  private company = '';
  private readonly conns = new Map<string, Conn>();
  /** Per person (visitor ref or account), so several tabs share one allowance. */
  private readonly posts = new Map<string, TokenBucket>();
  private staffShown = '[]';
  private readonly kicked = new Set<string>();
  private pending: ChatMessage[] = [];
  private lastFanout = 0;
  private fanoutTimer: Delayed | null = null;

  override async onCreate(options: unknown): Promise<void> {
    const parsed = ChatJoinOptions.safeParse(options);
    const stand = parsed.success ? chatService().stand(parsed.data.standId) : undefined;
    if (!stand) throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, 'no such stand');
    this.stand = stand;
    this.company = await chatService().company(stand.exhibitorId);
    this.autoDispose = true;
    // Our own buckets decide about floods; Colyseus' counter is a last line of defence.
    this.maxMessagesPerSecond = 200;
    void this.setMetadata({ standId: stand.standId });
    for (const type of Object.values(CHAT_CLIENT_MSG)) {
      this.onMessage(type, (client: Client, payload: unknown) => this.receive(client, type, payload));
    }
    this.onMessage('*', (client: Client, type: unknown) => {
      this.reject(client, `unknown message "${String(type)}"`);
    });
  }

  override async onAuth(_client: Client, options: unknown, _context: AuthContext): Promise<Participant> {
    const parsed = ChatJoinOptions.safeParse(options);
    if (!parsed.success || parsed.data.standId !== this.stand.standId) throw new ServerError(ErrorCode.AUTH_FAILED, 'bad join options');
    const o = parsed.data;
    if (o.ticket !== undefined) {
      const staff = await chatService().staff(this.stand, o.ticket);
      if (!staff) throw new ServerError(ErrorCode.AUTH_FAILED, 'this ticket does not let you staff this stand (expired, or not your stand)');
      return staff;
    }
    if (o.visitorId === undefined) throw new ServerError(ErrorCode.AUTH_FAILED, 'a visitor id or a staff ticket is required');
    return chatService().visitor(this.stand, o.visitorId, o.name);
  }

  override async onJoin(client: Client, _options: unknown, auth: Participant): Promise<void> {
    this.conns.set(client.sessionId, { p: auth, requests: new TokenBucket(20, 40, Date.now()), malformed: 0 });
    await this.welcome(client);
    if (auth.kind === 'staff') await this.staffChanged();
  }

  override async onDrop(client: Client, code?: number): Promise<void> {
    if (this.kicked.delete(client.sessionId) || code === 1001) return;
    // Staff stay "online" while their link recovers; the client catches up with `since`.
    await this.allowReconnection(client, RECONNECT_SECONDS);
  }

  override async onReconnect(client: Client): Promise<void> {
    await this.welcome(client);
  }

  override async onLeave(client: Client): Promise<void> {
    const conn = this.conns.get(client.sessionId);
    this.conns.delete(client.sessionId);
    if (conn?.p.kind === 'staff') await this.staffChanged();
  }

  override async onDispose(): Promise<void> {
    // A room whose stand was unknown never got one.
    if (!this.stand) return;
    await publishStaffOnline(this.presence, this.stand.standId, []);
  }

  private async welcome(client: Client): Promise<void> {
    const conn = this.conns.get(client.sessionId);
    if (!conn) return;
    const service = chatService();
    const w: ChatWelcome = {
      standId: this.stand.standId,
      exhibitorId: this.stand.exhibitorId,
      company: this.company,
      me: meOf(conn.p),
      staff: this.staffOnline(),
      lastId: await service.lastId(this.stand),
      mutedUntil: await service.mutedUntil(this.stand, conn.p),
    };
    client.send(CHAT_SERVER_MSG.welcome, w);
  }

  /** The exhibitor's own people connected now, once each, by name. */
  private staffOnline(): StaffOnline[] {
    const names = new Map<string, string>();
    for (const { p } of this.conns.values()) if (p.kind === 'staff' && p.online) names.set(p.accountId, p.name);
    return [...names.values()].sort((a, b) => a.localeCompare(b)).map((name) => ({ name }));
  }

  private async staffChanged(): Promise<void> {
    const staff = this.staffOnline();
    const text = JSON.stringify(staff);
    if (text === this.staffShown) return;
    this.staffShown = text;
    const msg: ChatStaffMsg = { staff };
    this.broadcast(CHAT_SERVER_MSG.staff, msg);
    await publishStaffOnline(
      this.presence,
      this.stand.standId,
      staff.map((s) => s.name),
    );
  }

  private reject(client: Client, why: string): ChatError {
    const conn = this.conns.get(client.sessionId);
    console.warn(`[chat] ${this.stand.standId}/${client.sessionId}: dropped ${why}`);
    if (conn && ++conn.malformed > 50) this.kick(client, 4005, 'too many malformed messages');
    return { ok: false, error: 'invalid' };
  }

  private kick(client: Client, code: number, reason: string): void {
    console.warn(`[chat] ${this.stand.standId}/${client.sessionId}: disconnected, ${reason}`);
    this.kicked.add(client.sessionId);
    client.leave(code, reason);
  }

  private postLimit(p: Participant, now: number): TokenBucket {
    const key = p.kind === 'visitor' ? `v:${p.ref}` : `s:${p.accountId}`;
    let limit = this.posts.get(key);
    if (!limit) {
      const rate = p.kind === 'visitor' ? VISITOR_POSTS : STAFF_POSTS;
      limit = new TokenBucket(rate.perSecond, rate.burst, now);
      this.posts.set(key, limit);
      // Forget people whose allowance is full again, so the map does not grow all day.
      if (this.posts.size > 1000) for (const [k, l] of this.posts) if (l.idle(now)) this.posts.delete(k);
    }
    return limit;
  }

  /** Sends a new or changed message to everyone who may see its thread. */
  private deliver(m: ChatMessage): void {
    if (m.thread === null) {
      this.pending.push(m);
      if (this.fanoutTimer) return;
      const wait = this.lastFanout + FANOUT_MS - Date.now();
      if (wait <= 0) this.fanout();
      else this.fanoutTimer = this.clock.setTimeout(() => this.fanout(), wait);
      return;
    }
    const service = chatService();
    for (const client of this.clients) {
      const conn = this.conns.get(client.sessionId);
      if (conn && service.sees(conn.p, m.thread)) client.send(CHAT_SERVER_MSG.message, [m]);
    }
  }

  /** The public chat's pending messages to everyone, encoded once for all listeners. */
  private fanout(): void {
    this.fanoutTimer = null;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.lastFanout = Date.now();
    this.broadcast(CHAT_SERVER_MSG.message, batch);
  }

  private async receive(client: Client, type: ChatMsgType, payload: unknown): Promise<unknown> {
    const conn = this.conns.get(client.sessionId);
    if (!conn) return { ok: false, error: 'forbidden' } satisfies ChatError;
    const now = Date.now();
    if (!conn.requests.take(now)) {
      if (conn.requests.refused > 200) this.kick(client, 4004, 'flooding');
      return { ok: false, error: 'rate', retryInMs: 1000 } satisfies ChatError;
    }
    const parsed = CHAT_CLIENT_SCHEMAS[type].safeParse(payload);
    if (!parsed.success) return this.reject(client, `malformed "${type}": ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const service = chatService();
    const { p } = conn;
    switch (type) {
      case CHAT_CLIENT_MSG.post: {
        const m = parsed.data as ChatClientMsg['post'];
        const result = await service.post(this.stand, p, this.company, m.text, m.thread, () => {
          const t = Date.now();
          return this.postLimit(p, t).wait(t);
        });
        if (result.ok) this.deliver(result.message);
        return result;
      }
      case CHAT_CLIENT_MSG.history: {
        const m = parsed.data as ChatClientMsg['history'];
        return service.history(this.stand, p, m.thread, m.before, m.limit);
      }
      case CHAT_CLIENT_MSG.since:
        return service.since(this.stand, p, (parsed.data as ChatClientMsg['since']).after);
      case CHAT_CLIENT_MSG.remove: {
        const { result, changed } = await service.remove(this.stand, p, (parsed.data as ChatClientMsg['remove']).id);
        if (changed) this.deliver(changed);
        return result;
      }
      case CHAT_CLIENT_MSG.mute: {
        const m = parsed.data as ChatClientMsg['mute'];
        const { result, ref } = await service.mute(this.stand, p, m.id, m.minutes);
        if (result.ok && ref) this.tellMuted(ref, result);
        return result;
      }
      case CHAT_CLIENT_MSG.read: {
        const m = parsed.data as ChatClientMsg['read'];
        await service.markRead(this.stand, p, m.thread, m.upTo);
        return undefined;
      }
    }
  }

  private tellMuted(ref: string, result: ChatActionResult): void {
    for (const client of this.clients) {
      const conn = this.conns.get(client.sessionId);
      if (conn?.p.kind === 'visitor' && conn.p.ref === ref) client.send(CHAT_SERVER_MSG.muted, { until: result.ok ? result.until : undefined });
    }
  }
}
