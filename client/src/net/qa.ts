// The only place the client talks to an event's Q&A room, over the shared reconnecting
// RoomConnection. It keeps the view the panels render (questions merged by id, the visitor's
// own and their votes, polls, comments, the latest reactions) and lets React subscribe to it
// (useSyncExternalStore); every welcome (first join, resumed seat, fresh join after a restart)
// replaces the view whole, so nothing is lost or doubled. Visitors are their browser's signed
// cookie; moderators send a staff ticket fetched with their cabinet session.
import type { Client } from '@colyseus/sdk';
import { PROTOCOL_VERSION, ROOMS } from '../../../shared/protocol.ts';
import { receiveAnnouncement } from './announcementsApi.ts';
import {
  type ModerateAction,
  type Poll,
  QA_CLIENT_MSG,
  QA_SERVER_MSG,
  type QaClientMessages,
  type QaComment,
  type QaError,
  type QaJoinOptions,
  type QaMe,
  type QaReactionsMsg,
  type QaReplies,
  type QaServerMessages,
  type Question,
  type Reaction,
} from '../../../shared/qa.ts';
import { fetchTicket } from './chatHttp.ts';
import { type ConnectionState, RoomConnection } from './roomConnection.ts';

interface QaProtocol {
  client: QaClientMessages;
  replies: QaReplies;
  server: QaServerMessages;
}

const REQUEST_TIMEOUT_MS = 8000;
/** Comments kept in view (the newest). */
const COMMENTS_KEPT = 200;

export interface QaView {
  state: ConnectionState;
  /** Set by the first welcome. */
  me: QaMe | null;
  questions: Question[];
  mine: ReadonlySet<number>;
  voted: ReadonlySet<number>;
  polls: Poll[];
  ballots: Readonly<Record<string, number[]>>;
  comments: QaComment[];
  slowModeSeconds: number;
  mutedUntil: number | null;
  /** The latest aggregate and a counter that changes with each one (for animations). */
  reactions: QaReactionsMsg | null;
  reactionTick: number;
}

const EMPTY: QaView = {
  state: 'connecting',
  me: null,
  questions: [],
  mine: new Set(),
  voted: new Set(),
  polls: [],
  ballots: {},
  comments: [],
  slowModeSeconds: 0,
  mutedUntil: null,
  reactions: null,
  reactionTick: 0,
};

let sdk: Promise<Client> | null = null;
function colyseus(): Promise<Client> {
  sdk ??= import('./colyseusSdk.ts').then((m) => new m.Client(location.origin));
  return sdk;
}

function upsert<T extends { id: number }>(list: readonly T[], items: readonly T[]): T[] {
  const byId = new Map(list.map((x) => [x.id, x]));
  for (const i of items) byId.set(i.id, i);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** A refusal that never reached the server: the room is not connected. */
export const OFFLINE: QaError = { ok: false, error: 'unavailable' };

export class QaConnection {
  private readonly conn: RoomConnection<QaProtocol, QaJoinOptions>;
  private view: QaView = EMPTY;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly eventId: string,
    readonly mode: 'visitor' | 'moderator',
    name: () => string | undefined = () => undefined,
  ) {
    this.conn = new RoomConnection<QaProtocol, QaJoinOptions>({
      room: ROOMS.qa,
      client: colyseus,
      options: async () => {
        if (mode === 'moderator') return { eventId, ticket: (await fetchTicket()).ticket, protocol: PROTOCOL_VERSION };
        const n = name();
        return { eventId, protocol: PROTOCOL_VERSION, ...(n ? { name: n } : {}) };
      },
    });
    this.conn.on(QA_SERVER_MSG.welcome, (w) =>
      this.set({
        me: w.me,
        questions: upsert([], w.questions),
        mine: new Set(w.mine),
        voted: new Set(w.voted),
        polls: upsert([], w.polls),
        ballots: w.ballots,
        comments: w.comments,
        slowModeSeconds: w.slowModeSeconds,
        mutedUntil: w.mutedUntil,
      }),
    );
    this.conn.on(QA_SERVER_MSG.questions, (qs) => this.set({ questions: upsert(this.view.questions, qs) }));
    this.conn.on(QA_SERVER_MSG.hidden, (ids) => {
      // One's own questions stay in view with their status ("rejected", "merged").
      const drop = new Set(ids.filter((id) => !this.view.mine.has(id)));
      this.set({ questions: this.view.questions.filter((q) => !drop.has(q.id)) });
    });
    this.conn.on(QA_SERVER_MSG.polls, (ps) => this.set({ polls: upsert(this.view.polls, ps) }));
    this.conn.on(QA_SERVER_MSG.comments, (cs) => this.set({ comments: upsert(this.view.comments, cs).slice(-COMMENTS_KEPT) }));
    this.conn.on(QA_SERVER_MSG.reactions, (r) => this.set({ reactions: r, reactionTick: this.view.reactionTick + 1 }));
    this.conn.on(QA_SERVER_MSG.settings, (s) => this.set({ slowModeSeconds: s.slowModeSeconds }));
    this.conn.on(QA_SERVER_MSG.muted, (m) => this.set({ mutedUntil: m.until }));
    // Organisers' announcements to this event's viewers: shown by programme/EventAnnouncements.tsx.
    this.conn.on(QA_SERVER_MSG.announcement, (a) => receiveAnnouncement(a));
    this.conn.subscribe((state) => this.set({ state }));
    this.conn.start();
  }

  get snapshot(): QaView {
    return this.view;
  }

  /** For useSyncExternalStore: returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<QaView>): void {
    this.view = { ...this.view, ...patch };
    for (const l of [...this.listeners]) l();
  }

  private async request<K extends keyof QaReplies & keyof QaClientMessages>(type: K, payload: QaClientMessages[K]): Promise<QaReplies[K]> {
    if (!this.conn.live) return OFFLINE as QaReplies[K];
    try {
      return await this.conn.request(type, payload, REQUEST_TIMEOUT_MS);
    } catch {
      return OFFLINE as QaReplies[K];
    }
  }

  async ask(text: string, anonymous: boolean): Promise<QaReplies['ask']> {
    const r = await this.request(QA_CLIENT_MSG.ask, { text, anonymous });
    if (r.ok) this.set({ questions: upsert(this.view.questions, [r.question]), mine: new Set([...this.view.mine, r.question.id]) });
    return r;
  }

  async vote(id: number): Promise<QaReplies['vote']> {
    const r = await this.request(QA_CLIENT_MSG.vote, { id });
    if (r.ok || r.error === 'already') this.set({ voted: new Set([...this.view.voted, id]) });
    return r;
  }

  comment(text: string): Promise<QaReplies['comment']> {
    return this.request(QA_CLIENT_MSG.comment, { text });
  }

  async ballot(pollId: number, choices: number[]): Promise<QaReplies['ballot']> {
    const r = await this.request(QA_CLIENT_MSG.ballot, { pollId, choices });
    if (r.ok) this.set({ ballots: { ...this.view.ballots, [String(pollId)]: choices } });
    return r;
  }

  react(emoji: Reaction): Promise<QaReplies['react']> {
    return this.request(QA_CLIENT_MSG.react, { emoji });
  }

  moderate(id: number, action: ModerateAction, into?: number): Promise<QaReplies['moderate']> {
    return this.request(QA_CLIENT_MSG.moderate, into !== undefined ? { id, action, into } : { id, action });
  }

  answer(id: number, text: string): Promise<QaReplies['answer']> {
    return this.request(QA_CLIENT_MSG.answer, { id, text });
  }

  removeComment(id: number): Promise<QaReplies['removeComment']> {
    return this.request(QA_CLIENT_MSG.removeComment, { id });
  }

  mute(commentId: number, minutes: number): Promise<QaReplies['mute']> {
    return this.request(QA_CLIENT_MSG.mute, { commentId, minutes });
  }

  slowMode(seconds: number): Promise<QaReplies['slowMode']> {
    return this.request(QA_CLIENT_MSG.slowMode, { seconds });
  }

  pollSave(poll: { id?: number; question: string; options: string[]; multiple: boolean }): Promise<QaReplies['pollSave']> {
    return this.request(QA_CLIENT_MSG.pollSave, poll);
  }

  pollState(id: number, status: 'open' | 'closed'): Promise<QaReplies['pollState']> {
    return this.request(QA_CLIENT_MSG.pollState, { id, status });
  }

  dispose(): void {
    this.conn.dispose();
    this.listeners.clear();
  }
}
