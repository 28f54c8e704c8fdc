// One programme event's moderated Q&A room (filtered by event id): questions go to the
// moderators' queue and only approved ones reach other visitors; comments beside the player
// with slow mode, mutes and limits answered as errors (never disconnects); polls; reactions
// summed per tick. Visitors are who their signed `expo_vid` cookie says; moderators join with
// a staff ticket. The rules and writes are EventQa's; this class holds connections, limits and
// fan-out: changes are batched per FANOUT_MS and encoded once for all visitors.
import { type AuthContext, type Client, type Delayed, ErrorCode, Room, ServerError } from '@colyseus/core';
import { CHAT_CLOSE } from '../../shared/chat.ts';
import { JOIN_ERRORS } from '../../shared/protocol.ts';
import {
  COMMENT_MAX,
  QA_CLIENT_MSG,
  QA_CLIENT_SCHEMAS,
  QA_SERVER_MSG,
  type Poll,
  type QaClientMessages,
  QaJoinOptions,
  type QaComment,
  type QaError,
  type QaReplies,
  type QaServerMessages,
  type Question,
  REACTION_TICK_MS,
} from '../../shared/qa.ts';
import { AddressMutes } from '../chat/addressMutes.ts';
import { STAFF_POSTS, VISITOR_POSTS, type PostRate } from '../chat/postLimit.ts';
import type { BusTopics } from '../events/bus.ts';
import { TypedRoom, refuseOutdated } from '../rooms/typedRoom.ts';
import { TokenBucket } from '../tokenBucket.ts';
import { guestNameOf } from '../visitors/visitorId.ts';
import { addressKey, peerFromHeaders } from '../visitors/peerAddress.ts';
import { cleanName } from '../../shared/names.ts';
import { EventQa, type QaChanges } from './eventQa.ts';
import { type QaParticipant, moderatesEvent, moderatorOf, qaVisitorRef, sessionLive } from './participants.ts';
import { ReactionCounter } from './reactions.ts';
import { qaSettings } from './settings.ts';
import { fairHooks } from '../organiser/fairHooks.ts';
import { VIEWERS_WRITE_MS, dropViewers, writeViewers } from './viewers.ts';

const RECONNECT_SECONDS = 20;
/** Changes go out at most once per this many ms, batched: at 5 000 watchers a broadcast is 5 000 socket writes. */
const FANOUT_MS = 100;
/** Questions: a burst of 3, then one every 20 s per visitor. */
const QUESTION_POSTS: PostRate = { perSecond: 1 / 20, burst: 3 };

interface QaProtocol {
  client: QaClientMessages;
  replies: QaReplies;
  server: QaServerMessages;
}

/** An answer without its change list, per member of the result union. */
type WithoutChanges<T> = T extends unknown ? Omit<T, 'changes'> : never;

interface Conn {
  p: QaParticipant;
  requests: TokenBucket;
  malformed: number;
}

/** Address mutes outlive a room that empties (memory only, as in the stand chat). */
const addressMutes = new AddressMutes();

export class QaRoom extends Room {
  private qa!: EventQa;
  private io!: TypedRoom<QaProtocol>;
  private readonly conns = new Map<string, Conn>();
  private readonly moderators = new Set<Client>();
  private readonly kicked = new Set<string>();
  private readonly buckets = new Map<string, TokenBucket>();
  /** Slow mode: each visitor's last comment (ms). */
  private readonly lastComment = new Map<string, number>();
  private readonly reactions = new ReactionCounter();
  private stopRevocations: (() => void) | null = null;
  private pendingQuestions = new Map<number, Question>();
  private pendingAskers = new Set<string>();
  private pendingPolls = new Map<number, Poll>();
  private pendingComments: QaComment[] = [];
  private fanoutTimer: Delayed | null = null;
  private lastFanout = 0;

  private get muteKey(): string {
    return `qa:${this.qa.eventId}`;
  }

  override async onCreate(options: unknown): Promise<void> {
    const parsed = QaJoinOptions.safeParse(options);
    const { storage, eventExists, bus } = qaSettings();
    if (!parsed.success || !eventExists(parsed.data.eventId)) throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, 'no such event');
    this.qa = await EventQa.open(parsed.data.eventId, storage);
    this.autoDispose = true;
    this.maxMessagesPerSecond = 200;
    void this.setMetadata({ eventId: parsed.data.eventId });
    this.stopRevocations = bus.on('accountRevoked', (r) => this.revoke(r));
    this.io = new TypedRoom<QaProtocol>(this, QA_CLIENT_SCHEMAS, {
      admit: (client) => this.admit(client),
      invalid: (client, _type, why) => this.invalid(client, why),
    });
    this.handlers();
    this.clock.setInterval(() => this.tickReactions(), REACTION_TICK_MS);
    this.clock.setInterval(() => void this.publishViewers(), VIEWERS_WRITE_MS);
  }

  /** This instance's share of the event's live viewer count (viewers.ts): distinct visitors here. */
  private async publishViewers(): Promise<void> {
    const refs = new Set<string>();
    for (const { p } of this.conns.values()) if (p.kind === 'visitor') refs.add(p.ref);
    await writeViewers(this.presence, this.qa.eventId, this.roomId, refs.size).catch((e: unknown) => console.warn(`[qa] ${this.qa.eventId}: viewer count not written: ${String(e)}`));
  }

  override async onAuth(_client: Client, options: unknown, context: AuthContext): Promise<QaParticipant> {
    refuseOutdated(options);
    const parsed = QaJoinOptions.safeParse(options);
    if (!parsed.success || parsed.data.eventId !== this.qa.eventId) throw new ServerError(ErrorCode.AUTH_FAILED, 'bad join options');
    const { storage, tickets, visitorOf } = qaSettings();
    if (parsed.data.ticket !== undefined) {
      const mod = await moderatorOf(storage, tickets, parsed.data.ticket, this.qa.eventId);
      if (!mod) throw new ServerError(ErrorCode.AUTH_FAILED, 'this ticket does not let you moderate this event (expired, or not its moderator)');
      return mod;
    }
    const visitorId = visitorOf(context.headers.get('cookie'));
    if (!visitorId) throw new ServerError(JOIN_ERRORS.visitorRequired.code, JOIN_ERRORS.visitorRequired.message);
    const name = (parsed.data.name !== undefined ? cleanName(parsed.data.name) : null) ?? guestNameOf(visitorId);
    return { kind: 'visitor', ref: qaVisitorRef(this.qa.eventId, visitorId), name, address: addressKey(peerFromHeaders(context.headers)) };
  }

  override async onJoin(client: Client, _options: unknown, auth: QaParticipant): Promise<void> {
    this.conns.set(client.sessionId, { p: auth, requests: new TokenBucket(20, 40, Date.now()), malformed: 0 });
    if (auth.kind === 'moderator') this.moderators.add(client);
    await this.welcome(client);
  }

  override async onDrop(client: Client, code?: number): Promise<void> {
    if (this.kicked.delete(client.sessionId) || code === 1001) return;
    await this.allowReconnection(client, RECONNECT_SECONDS);
  }

  override async onReconnect(client: Client): Promise<void> {
    const p = this.conns.get(client.sessionId)?.p;
    if (p?.kind === 'moderator' && !(await sessionLive(qaSettings().storage, p.accountId, p.sessionHash, Date.now()))) {
      this.kick(client, CHAT_CLOSE.sessionEnded, 'the cabinet session ended');
      return;
    }
    // An organiser may have given the event to other moderators meanwhile.
    if (p?.kind === 'moderator') {
      const account = await qaSettings().storage.getAccount(p.accountId);
      if (!account || !(await moderatesEvent(qaSettings().storage, account, this.qa.eventId))) {
        this.kick(client, CHAT_CLOSE.sessionEnded, 'no longer a moderator of this event');
        return;
      }
    }
    // What changed while the link was down: the whole view again (it is small).
    await this.welcome(client);
  }

  override onLeave(client: Client): void {
    this.conns.delete(client.sessionId);
    this.moderators.delete(client);
  }

  override onDispose(): void {
    this.stopRevocations?.();
    void dropViewers(this.presence, this.qa.eventId, this.roomId).catch(() => {});
  }

  private async welcome(client: Client): Promise<void> {
    const conn = this.conns.get(client.sessionId);
    if (!conn) return;
    const { p } = conn;
    const { storage } = qaSettings();
    const view = this.qa.visibleTo(p);
    const visitor = p.kind === 'visitor';
    this.io.sendTo(client, QA_SERVER_MSG.welcome, {
      eventId: this.qa.eventId,
      me: { kind: p.kind, name: p.name },
      ...view,
      voted: visitor ? await storage.qaVotesOf(this.qa.eventId, p.ref) : [],
      ballots: visitor ? await storage.qaBallotsOf(this.qa.eventId, p.ref) : {},
      slowModeSeconds: this.qa.slowModeSeconds,
      mutedUntil: visitor ? await this.mutedUntil(p) : null,
    });
  }

  // --- requests -------------------------------------------------------------------------

  private handlers(): void {
    const { io, qa } = this;
    const me = (client: Client) => this.conns.get(client.sessionId)!.p;
    io.onTyped(QA_CLIENT_MSG.ask, async (client, m) => {
      const p = me(client);
      if (p.kind !== 'visitor') return this.no('forbidden');
      const blocked = (await this.muted(p)) ?? this.limited(p, QUESTION_POSTS, 'q');
      if (blocked) return blocked;
      return this.publish(await qa.ask(p, m.text, m.anonymous, Date.now()));
    });
    io.onTyped(QA_CLIENT_MSG.vote, async (client, m) => this.publish(await qa.vote(me(client), m.id)));
    io.onTyped(QA_CLIENT_MSG.comment, async (client, m) => {
      const p = me(client);
      const now = Date.now();
      if (p.kind === 'visitor') {
        const blocked = (await this.muted(p)) ?? this.slow(p.ref, now) ?? this.limited(p, VISITOR_POSTS, 'c');
        if (blocked) return blocked;
      } else if (this.limited(p, STAFF_POSTS, 'c')) return this.no('rate', { retryInMs: 1000 });
      const out = await qa.comment(p, m.text, { max: COMMENT_MAX }, now);
      if (out.ok) {
        if (p.kind === 'visitor') {
          this.lastComment.set(p.ref, now);
          addressMutes.noteAuthor(this.muteKey, p.ref, p.address);
        }
        this.queueComment(out.comment);
      }
      return out;
    });
    io.onTyped(QA_CLIENT_MSG.ballot, async (client, m) => this.publish(await qa.ballot(me(client), m.pollId, m.choices)));
    io.onTyped(QA_CLIENT_MSG.react, (client, m) => {
      const p = me(client);
      if (p.kind !== 'visitor') return this.no('forbidden');
      const wait = this.reactions.add(p.ref, m.emoji, Date.now());
      return wait > 0 ? this.no('rate', { retryInMs: wait }) : { ok: true };
    });
    io.onTyped(QA_CLIENT_MSG.moderate, async (client, m) => this.publish(await qa.moderate(me(client), m.id, m.action, m.into, Date.now())));
    io.onTyped(QA_CLIENT_MSG.answer, async (client, m) => this.publish(await qa.answer(me(client), m.id, m.text, Date.now())));
    io.onTyped(QA_CLIENT_MSG.removeComment, async (client, m) => {
      const out = await qa.removeComment(me(client), m.id);
      if (!out.ok) return out;
      if (out.comment) this.queueComment(out.comment);
      fairHooks().moderated('qaRemoved');
      return { ok: true };
    });
    io.onTyped(QA_CLIENT_MSG.mute, async (client, m) => {
      const p = me(client);
      const author = await qa.commentAuthor(p, m.commentId);
      if (!author.ok || p.kind !== 'moderator') return author.ok ? this.no('forbidden') : author;
      const now = Date.now();
      const until = now + m.minutes * 60_000;
      await qaSettings().storage.setQaMute(qa.eventId, author.ref, until, p.accountId);
      addressMutes.muteAuthor(this.muteKey, author.ref, until, now);
      this.tellMuted(author.ref, until);
      fairHooks().moderated('qaMuted');
      return { ok: true, until };
    });
    io.onTyped(QA_CLIENT_MSG.slowMode, async (client, m) => {
      const out = await qa.setSlowMode(me(client), m.seconds);
      if (out.ok) this.io.broadcast(QA_SERVER_MSG.settings, { slowModeSeconds: m.seconds });
      return out;
    });
    io.onTyped(QA_CLIENT_MSG.pollSave, async (client, m) => this.publish(await qa.pollSave(me(client), m)));
    io.onTyped(QA_CLIENT_MSG.pollState, async (client, m) => this.publish(await qa.pollState(me(client), m.id, m.status)));
  }

  private no(error: QaError['error'], extra: Omit<QaError, 'ok' | 'error'> = {}): QaError {
    return { ok: false, error, ...extra };
  }

  /** Flood control per connection: over it the request is refused; far over it, disconnected. */
  private admit(client: Client): { pass: true } | { pass: false; reply?: unknown } {
    const conn = this.conns.get(client.sessionId);
    if (!conn) return { pass: false, reply: this.no('forbidden') };
    if (conn.requests.take(Date.now())) return { pass: true };
    if (conn.requests.refused > 200) this.kick(client, 4004, 'flooding');
    return { pass: false, reply: this.no('rate', { retryInMs: 1000 }) };
  }

  private invalid(client: Client, why: string): QaError {
    const conn = this.conns.get(client.sessionId);
    console.warn(`[qa] ${this.qa.eventId}/${client.sessionId}: dropped ${why}`);
    if (conn && ++conn.malformed > 50) this.kick(client, 4005, 'too many malformed messages');
    return this.no('invalid');
  }

  /** A refusal while rate limited: per person, then per address (a refusal by the address costs only the poster). */
  private limited(p: QaParticipant, rate: PostRate, what: string): QaError | null {
    const now = Date.now();
    const own = this.bucket(`${what}:${p.kind === 'visitor' ? p.ref : p.accountId}`, rate, now).wait(now);
    if (own > 0) return this.no('rate', { retryInMs: own });
    if (p.kind !== 'visitor') return null;
    const address = this.bucket(`${what}:a:${p.address}`, qaSettings().addressPosts, now).wait(now);
    return address > 0 ? this.no('rate', { retryInMs: address }) : null;
  }

  private bucket(key: string, rate: PostRate, now: number): TokenBucket {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= 5000) for (const [k, l] of this.buckets) if (l.idle(now)) this.buckets.delete(k);
      b = new TokenBucket(rate.perSecond, rate.burst, now);
      this.buckets.set(key, b);
    }
    return b;
  }

  private slow(ref: string, now: number): QaError | null {
    const seconds = this.qa.slowModeSeconds;
    const last = this.lastComment.get(ref);
    if (seconds <= 0 || last === undefined) return null;
    const wait = last + seconds * 1000 - now;
    return wait > 0 ? this.no('slow', { retryInMs: wait }) : null;
  }

  private async mutedUntil(p: QaParticipant & { kind: 'visitor' }): Promise<number | null> {
    const now = Date.now();
    const stored = await qaSettings().storage.qaMutedUntil(this.qa.eventId, p.ref);
    const own = stored !== undefined && stored > now ? stored : null;
    const byAddress = addressMutes.mutedUntil(this.muteKey, p.address, now);
    return own === null ? byAddress : byAddress === null ? own : Math.max(own, byAddress);
  }

  private async muted(p: QaParticipant & { kind: 'visitor' }): Promise<QaError | null> {
    const until = await this.mutedUntil(p);
    return until !== null ? this.no('muted', { until }) : null;
  }

  /** Tells the muted visitor, and everyone here behind their address (muted with them). */
  private tellMuted(ref: string, until: number): void {
    const addresses = new Set<string>();
    for (const { p } of this.conns.values()) if (p.kind === 'visitor' && p.ref === ref) addresses.add(p.address);
    for (const client of this.clients) {
      const p = this.conns.get(client.sessionId)?.p;
      if (p?.kind === 'visitor' && (p.ref === ref || addresses.has(p.address))) this.io.sendTo(client, QA_SERVER_MSG.muted, { until });
    }
  }

  // --- fan-out --------------------------------------------------------------------------

  /** Queues what a change did for the next fan-out and strips it from the answer. */
  private publish<T extends { changes?: QaChanges }>(out: T): WithoutChanges<T> {
    const { changes, ...answer } = out;
    if (changes) {
      for (const q of changes.questions ?? []) this.pendingQuestions.set(q.id, q);
      for (const a of changes.askers ?? []) this.pendingAskers.add(a);
      for (const p of changes.polls ?? []) this.pendingPolls.set(p.id, p);
      this.scheduleFanout();
    }
    return answer as WithoutChanges<T>;
  }

  private queueComment(c: QaComment): void {
    this.pendingComments.push(c);
    this.scheduleFanout();
  }

  private scheduleFanout(): void {
    if (this.fanoutTimer) return;
    const wait = this.lastFanout + FANOUT_MS - Date.now();
    if (wait <= 0) this.fanout();
    else this.fanoutTimer = this.clock.setTimeout(() => this.fanout(), wait);
  }

  private fanout(): void {
    this.fanoutTimer = null;
    this.lastFanout = Date.now();
    const questions = [...this.pendingQuestions.values()];
    const askers = this.pendingAskers;
    const polls = [...this.pendingPolls.values()];
    const comments = this.pendingComments;
    this.pendingQuestions = new Map();
    this.pendingAskers = new Set();
    this.pendingPolls = new Map();
    this.pendingComments = [];
    const mods = [...this.moderators];
    if (questions.length > 0) {
      for (const m of mods) this.io.sendTo(m, QA_SERVER_MSG.questions, questions);
      const shown = questions.filter((q) => q.status === 'approved');
      const hidden = questions.filter((q) => q.status !== 'approved').map((q) => q.id);
      if (shown.length > 0) this.broadcastVisitors(QA_SERVER_MSG.questions, shown, mods);
      if (hidden.length > 0) this.broadcastVisitors(QA_SERVER_MSG.hidden, hidden, mods);
      // Askers see their own questions whatever their status (after the "hidden" above).
      const own = questions.filter((q) => q.status !== 'approved');
      if (own.length > 0 && askers.size > 0) this.toAskers(own, askers);
    }
    if (polls.length > 0) {
      for (const m of mods) this.io.sendTo(m, QA_SERVER_MSG.polls, polls);
      const shown = polls.filter((p) => p.status !== 'draft');
      if (shown.length > 0) this.broadcastVisitors(QA_SERVER_MSG.polls, shown, mods);
    }
    if (comments.length > 0) this.io.broadcast(QA_SERVER_MSG.comments, comments);
  }

  /** To every visitor at once (one encoding), moderators excepted. */
  private broadcastVisitors<K extends keyof QaServerMessages & string>(type: K, payload: QaServerMessages[K], except: Client[]): void {
    this.broadcast(type, payload, except.length > 0 ? { except } : undefined);
  }

  private toAskers(questions: Question[], askers: Set<string>): void {
    const mine = new Map<string, Question[]>();
    for (const q of questions) {
      const ref = this.qa.askerOf(q.id);
      if (ref && askers.has(ref)) mine.set(ref, [...(mine.get(ref) ?? []), q]);
    }
    if (mine.size === 0) return;
    for (const client of this.clients) {
      const p = this.conns.get(client.sessionId)?.p;
      const own = p?.kind === 'visitor' ? mine.get(p.ref) : undefined;
      if (own) this.io.sendTo(client, QA_SERVER_MSG.questions, own);
    }
  }

  private tickReactions(): void {
    const msg = this.reactions.flush(Date.now());
    if (msg) this.io.broadcast(QA_SERVER_MSG.reactions, msg);
  }

  // --- moderators' sessions -------------------------------------------------------------

  /**
   * For the organisers' moderation overview (server/organiser/eventRooms.ts asks by remote
   * room call, so any process's room answers): who moderates here now, how many questions wait.
   */
  dutyReport(): { moderators: string[]; waiting: number } {
    const names = new Set<string>();
    for (const c of this.moderators) names.add(this.conns.get(c.sessionId)?.p.name ?? '');
    const waiting = this.qa.visibleTo({ kind: 'moderator', accountId: '', sessionHash: '', name: '' }).questions.filter((q) => q.status === 'pending').length;
    return { moderators: [...names].filter(Boolean).sort(), waiting };
  }

  private revoke({ accountId, session, except }: BusTopics['accountRevoked']): void {
    for (const client of this.clients) {
      const p = this.conns.get(client.sessionId)?.p;
      if (p?.kind !== 'moderator' || p.accountId !== accountId) continue;
      if ((session !== undefined && p.sessionHash !== session) || (except !== undefined && p.sessionHash === except)) continue;
      this.kick(client, CHAT_CLOSE.sessionEnded, 'the cabinet session ended');
    }
  }

  private kick(client: Client, code: number, reason: string): void {
    console.warn(`[qa] ${this.qa.eventId}/${client.sessionId}: disconnected, ${reason}`);
    this.kicked.add(client.sessionId);
    client.leave(code, reason);
  }
}
