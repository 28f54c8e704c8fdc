// One stand's chat: the public chat and visitors' private threads with the stand's staff.
// Created on demand (filtered by stand id), disposed when empty; messages live in the store,
// so the room is only the live view. Visitors are who the signed `expo_vid` cookie of their
// WebSocket request says (no cookie, no join); staff join with a ticket bound to their
// cabinet session, and are closed out when that session ends (bus: accountRevoked). Whatever
// else a client claims about itself is ignored. Posting limits and mutes count per visitor
// and per client address.
import { type AuthContext, type Client, type Delayed, ErrorCode, Room, ServerError } from '@colyseus/core';
import { CHAT_CLOSE, type ChatActionResult, type ChatError, type ChatMessage, type StaffOnline } from '../../shared/chat.ts';
import {
  CHAT_CLIENT_MSG,
  CHAT_CLIENT_SCHEMAS,
  CHAT_SERVER_MSG,
  type ChatClientMessages,
  type ChatReplies,
  type ChatServerMessages,
  ChatJoinOptions,
  type ChatStaffMsg,
  type ChatWelcome,
  JOIN_ERRORS,
} from '../../shared/protocol.ts';
import type { BusTopics } from '../events/bus.ts';
import { TypedRoom, TypedSender, refuseOutdated } from '../rooms/typedRoom.ts';
import { TokenBucket } from '../tokenBucket.ts';
import { addressKey, peerFromHeaders } from '../visitors/peerAddress.ts';
import { STAFF_POSTS, VISITOR_POSTS } from './postLimit.ts';
import { type ChatStand, type Participant, meOf } from './service.ts';
import { chatService, chatSettings } from './settings.ts';
import { activeStaff, staffOnDuty } from '../../shared/staffPresence.ts';
import { STAFF_REFRESH_MS, publishStaffOnline } from './staffOnline.ts';

const RECONNECT_SECONDS = 20;
/**
 * Public messages go out at most once per this many ms, several in one frame when a stand is
 * busy: the cost of fan-out is a socket write per listener per frame, not the bytes. A quiet
 * stand's message goes at once. (bench:chat: 500 listeners at 50 messages/s.)
 */
const FANOUT_MS = 50;

/** The stand chat's protocol (shared/protocol.ts), for the typed handlers and sends. */
interface ChatProtocol {
  client: ChatClientMessages;
  replies: ChatReplies;
  server: ChatServerMessages;
}

interface Conn {
  p: Participant;
  /** Every request counts here: a client far over it is flooding and is disconnected. */
  requests: TokenBucket;
  malformed: number;
  /** Staff: this cabinet page is idle or hidden (the page says so; visitors never are). */
  away: boolean;
  /**
   * The welcome went out on this socket. Live messages wait for it: the client catches up with
   * `since` from the last id it saw once welcomed, and a message that reached it before the
   * welcome (while the join was still reading the store) would move that id past messages it
   * never got (posted while it was away, e.g. in the room re-created after a crash).
   */
  welcomed: boolean;
}

export class StandChatRoom extends Room {
  private stand!: ChatStand;
  private company = '';
  private readonly conns = new Map<string, Conn>();
  /** Per person (visitor ref or account), so several tabs share one allowance; and per address. */
  private readonly posts = new Map<string, TokenBucket>();
  private stopRevocations: (() => void) | null = null;
  private staffShown = '[]';
  private readonly kicked = new Set<string>();
  /** Sends checked against the chat protocol's server → client map. */
  private readonly out = new TypedSender<ChatServerMessages>(this);
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
    // A logout or password change closes that account's staff connections at once.
    this.stopRevocations = chatSettings().bus.on('accountRevoked', (r) => this.revoke(r));
    // "Staff online" expires unless rewritten, so a killed process's staff stop showing.
    this.clock.setInterval(() => {
      const names = activeStaff(this.staffOnline());
      if (names.length > 0) void publishStaffOnline(this.presence, this.stand.standId, names);
    }, STAFF_REFRESH_MS);
    // Every request passes the connection's bucket, then its schema, then a typed handler.
    const io = new TypedRoom<ChatProtocol>(this, CHAT_CLIENT_SCHEMAS, {
      admit: (client) => this.admit(client),
      invalid: (client, _type, why) => this.reject(client, why),
    });
    const service = chatService();
    const who = (client: Client) => this.conns.get(client.sessionId)!.p;
    io.onTyped(CHAT_CLIENT_MSG.post, async (client, m) => {
      const p = who(client);
      const result = await service.post(this.stand, p, this.company, m.text, m.thread, () => this.waitToPost(p));
      if (result.ok) this.deliver(result.message);
      return result;
    });
    io.onTyped(CHAT_CLIENT_MSG.history, (client, m) => service.history(this.stand, who(client), m.thread, m.before, m.limit));
    io.onTyped(CHAT_CLIENT_MSG.since, (client, m) => service.since(this.stand, who(client), m.after));
    io.onTyped(CHAT_CLIENT_MSG.remove, async (client, m) => {
      const { result, changed } = await service.remove(this.stand, who(client), m.id);
      if (changed) this.deliver(changed);
      return result;
    });
    io.onTyped(CHAT_CLIENT_MSG.mute, async (client, m) => {
      const { result, ref } = await service.mute(this.stand, who(client), m.id, m.minutes);
      if (result.ok && ref) this.tellMuted(ref, result);
      return result;
    });
    io.onTyped(CHAT_CLIENT_MSG.read, async (client, m) => {
      await service.markRead(this.stand, who(client), m.thread, m.upTo);
      return undefined;
    });
    io.onTyped(CHAT_CLIENT_MSG.away, async (client, m) => {
      const conn = this.conns.get(client.sessionId)!;
      if (conn.p.kind !== 'staff') return { ok: false, error: 'forbidden' };
      if (conn.away === m.away) return undefined;
      conn.away = m.away;
      await this.staffChanged();
      return undefined;
    });
  }

  override async onAuth(_client: Client, options: unknown, context: AuthContext): Promise<Participant> {
    refuseOutdated(options);
    const parsed = ChatJoinOptions.safeParse(options);
    if (!parsed.success || parsed.data.standId !== this.stand.standId) throw new ServerError(ErrorCode.AUTH_FAILED, 'bad join options');
    const o = parsed.data;
    if (o.ticket !== undefined) {
      const staff = await chatService().staff(this.stand, o.ticket);
      if (!staff) throw new ServerError(ErrorCode.AUTH_FAILED, 'this ticket does not let you staff this stand (expired, or not your stand)');
      return staff;
    }
    // o.visitorId (older pages) is ignored: only the server-signed cookie says who this is.
    const { service, visitorOf } = chatSettings();
    const visitorId = visitorOf(context.headers.get('cookie'));
    if (!visitorId) throw new ServerError(JOIN_ERRORS.visitorRequired.code, JOIN_ERRORS.visitorRequired.message);
    return service.visitor(this.stand, visitorId, o.name, addressKey(peerFromHeaders(context.headers)));
  }

  override async onJoin(client: Client, _options: unknown, auth: Participant): Promise<void> {
    this.conns.set(client.sessionId, { p: auth, requests: new TokenBucket(20, 40, Date.now()), malformed: 0, away: false, welcomed: false });
    await this.welcome(client);
    if (auth.kind === 'staff') await this.staffChanged();
  }

  override async onDrop(client: Client, code?: number): Promise<void> {
    if (this.kicked.delete(client.sessionId) || code === 1001) return;
    // Staff stay "online" while their link recovers; the client catches up with `since`.
    await this.allowReconnection(client, RECONNECT_SECONDS);
  }

  override async onReconnect(client: Client): Promise<void> {
    // The session may have ended while the link was down (the revocation found no socket).
    const p = this.conns.get(client.sessionId)?.p;
    if (p?.kind === 'staff' && !(await chatService().sessionLive(p.accountId, p.sessionHash))) {
      this.kick(client, CHAT_CLOSE.sessionEnded, 'the cabinet session ended');
      return;
    }
    const conn = this.conns.get(client.sessionId);
    if (conn) conn.welcomed = false;
    await this.welcome(client);
  }

  override async onLeave(client: Client): Promise<void> {
    const conn = this.conns.get(client.sessionId);
    this.conns.delete(client.sessionId);
    if (conn?.p.kind === 'staff') await this.staffChanged();
  }

  override async onDispose(): Promise<void> {
    this.stopRevocations?.();
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
    this.out.sendTo(client, CHAT_SERVER_MSG.welcome, w);
    conn.welcomed = true;
  }

  /** The exhibitor's own people connected now, once each, by name, with their away state. */
  private staffOnline(): StaffOnline[] {
    const staff = [];
    for (const { p, away } of this.conns.values()) if (p.kind === 'staff') staff.push({ accountId: p.accountId, name: p.name, own: p.online, away });
    return staffOnDuty(staff);
  }

  private async staffChanged(): Promise<void> {
    const staff = this.staffOnline();
    const text = JSON.stringify(staff);
    if (text === this.staffShown) return;
    this.staffShown = text;
    const msg: ChatStaffMsg = { staff };
    this.out.broadcast(CHAT_SERVER_MSG.staff, msg);
    // The hall marks a stand staffed only while someone there is active.
    await publishStaffOnline(this.presence, this.stand.standId, activeStaff(staff));
  }

  private reject(client: Client, why: string): ChatError {
    const conn = this.conns.get(client.sessionId);
    console.warn(`[chat] ${this.stand.standId}/${client.sessionId}: dropped ${why}`);
    if (conn && ++conn.malformed > 50) this.kick(client, 4005, 'too many malformed messages');
    return { ok: false, error: 'invalid' };
  }

  /** Closes the staff connections of the sessions that ended; "staff online" follows in onLeave. */
  private revoke({ accountId, session, except }: BusTopics['accountRevoked']): void {
    for (const client of this.clients) {
      const conn = this.conns.get(client.sessionId);
      if (conn?.p.kind !== 'staff' || conn.p.accountId !== accountId) continue;
      if ((session !== undefined && conn.p.sessionHash !== session) || (except !== undefined && conn.p.sessionHash === except)) continue;
      this.kick(client, CHAT_CLOSE.sessionEnded, 'the cabinet session ended');
    }
  }

  private kick(client: Client, code: number, reason: string): void {
    console.warn(`[chat] ${this.stand.standId}/${client.sessionId}: disconnected, ${reason}`);
    this.kicked.add(client.sessionId);
    client.leave(code, reason);
  }

  /**
   * How long to wait before posting (0: go ahead). Visitors need a token of their own, then
   * one of their address: in that order, so one visitor's refused posts never spend the
   * address budget of the others behind it (a refusal by the address costs only the poster).
   */
  private waitToPost(p: Participant): number {
    const now = Date.now();
    if (p.kind === 'staff') return this.postLimit(`s:${p.accountId}`, STAFF_POSTS, now).wait(now);
    const own = this.postLimit(`v:${p.ref}`, VISITOR_POSTS, now).wait(now);
    if (own > 0) return own;
    return this.postLimit(`a:${p.address}`, chatSettings().addressPosts, now).wait(now);
  }

  private postLimit(key: string, rate: { perSecond: number; burst: number }, now: number): TokenBucket {
    let limit = this.posts.get(key);
    if (!limit) {
      // Forget people whose allowance is full again, so the map does not grow all day (before
      // adding: a new bucket is full too, and forgetting it would forget its first post).
      if (this.posts.size >= 1000) for (const [k, l] of this.posts) if (l.idle(now)) this.posts.delete(k);
      limit = new TokenBucket(rate.perSecond, rate.burst, now);
      this.posts.set(key, limit);
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
      if (conn?.welcomed && service.sees(conn.p, m.thread)) this.out.sendTo(client, CHAT_SERVER_MSG.message, [m]);
    }
  }

  /** The public chat's pending messages to everyone, encoded once for all listeners. */
  private fanout(): void {
    this.fanoutTimer = null;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.lastFanout = Date.now();
    this.out.broadcast(
      CHAT_SERVER_MSG.message,
      batch,
      this.clients.filter((c) => !this.conns.get(c.sessionId)?.welcomed),
    );
  }

  /** A request may go on when the connection is known and within its bucket (a flood is kicked). */
  private admit(client: Client): { pass: true } | { pass: false; reply: ChatError } {
    const conn = this.conns.get(client.sessionId);
    if (!conn) return { pass: false, reply: { ok: false, error: 'forbidden' } };
    if (!conn.requests.take(Date.now())) {
      if (conn.requests.refused > 200) this.kick(client, 4004, 'flooding');
      return { pass: false, reply: { ok: false, error: 'rate', retryInMs: 1000 } };
    }
    return { pass: true };
  }

  /** Tells the muted visitor, and everyone here behind their address (muted with them). */
  private tellMuted(ref: string, result: ChatActionResult): void {
    const addresses = new Set<string>();
    for (const { p } of this.conns.values()) if (p.kind === 'visitor' && p.ref === ref) addresses.add(p.address);
    for (const client of this.clients) {
      const conn = this.conns.get(client.sessionId);
      if (conn?.p.kind === 'visitor' && (conn.p.ref === ref || addresses.has(conn.p.address))) {
        this.out.sendTo(client, CHAT_SERVER_MSG.muted, { until: result.ok ? result.until : undefined });
      }
    }
  }
}
