// The only place the client talks to stand chat rooms. One connection per stand, as a
// visitor (the browser's signed visitor cookie and a display name) or as staff (a ticket
// fetched with the cabinet session). Messages go to the store merged by id; after a dropped
// link or a server restart the connection catches up from the last id it saw, so nothing is
// lost or doubled. Joining, resuming and rejoining are the RoomConnection's. A question
// written while the chat still connects is sent once it is live. The Colyseus client is
// imported lazily: the page shell loads without it.
import type { Client } from '@colyseus/sdk';
import type { ChatActionResult, ChatMe, ChatMessage, ChatPostResult, ChatThread, ChatTicket } from '../../../shared/chat.ts';
import { CHAT_PAGE, conversationKey } from '../../../shared/chat.ts';
import { CHAT_CLIENT_MSG, CHAT_SERVER_MSG, type ChatJoinOptions, type ChatWelcome, PROTOCOL_VERSION, ROOMS } from '../../../shared/protocol.ts';
import type { ChatStatus } from '../store/chatSlice.ts';
import { useStore } from '../store/index.ts';
import { fetchInbox, fetchTicket, fetchUnread } from './chatHttp.ts';
import { type ConnectionState, RoomConnection } from './roomConnection.ts';
import type { ChatProtocol } from './typedRoom.ts';

const REJOIN_DELAYS = [500, 1000, 2000, 4000, 8000, 15000, 30000];
const REQUEST_TIMEOUT_MS = 8000;
/** How long a message written before the chat is live waits for it (then it stays in the field). */
const PENDING_MAX_MS = 20_000;
/** Catching up stops after this many pages; the conversation then reloads its newest page. */
const CATCH_UP_PAGES = 10;

let sdk: Promise<Client> | null = null;

function colyseus(): Promise<Client> {
  sdk ??= import('./colyseusSdk.ts').then((m) => new m.Client(location.origin));
  return sdk;
}

let ticket: ChatTicket | null = null;

async function staffTicket(): Promise<string> {
  if (!ticket || ticket.expiresAt - 60_000 < Date.now()) ticket = await fetchTicket();
  return ticket.ticket;
}

/** Thrown by actions tried while the room is not connected. */
export class ChatOffline extends Error {
  constructor() {
    super('the chat is not connected');
    this.name = 'ChatOffline';
  }
}

/** The chat's words for the connection's state; "live" waits for the room's welcome. */
function statusOf(state: ConnectionState): ChatStatus | null {
  switch (state) {
    case 'live':
      return null;
    case 'outdated':
      return 'error';
    default:
      return state;
  }
}

export class ChatConnection {
  private readonly conn: RoomConnection<ChatProtocol, ChatJoinOptions>;
  /** Newest message id received live or by catching up: the next catch-up starts after it. */
  private lastLiveId = 0;
  private welcomed = false;
  /** Welcomed in the room joined now: requests may go. */
  private ready = false;
  private readonly waiters = new Set<{ ok(): void; fail(): void }>();
  private readonly unsubscribe: () => void;
  /** Staff: the cabinet page is idle or hidden; told to every room joined (again). */
  private away = false;

  constructor(
    readonly standId: string,
    readonly mode: 'visitor' | 'staff',
    /** Staff: every new or changed message (inbox, notifications). */
    private readonly onMessages?: (messages: ChatMessage[]) => void,
  ) {
    this.conn = new RoomConnection<ChatProtocol, ChatJoinOptions>({
      room: ROOMS.standChat,
      client: colyseus,
      rejoinDelays: REJOIN_DELAYS,
      options: async () => {
        if (this.mode === 'staff') return { standId, ticket: await staffTicket(), protocol: PROTOCOL_VERSION };
        const s = useStore.getState();
        return { standId, name: s.profile?.name ?? (s.shownName || undefined), protocol: PROTOCOL_VERSION };
      },
      onJoinFailed: (err) => {
        // A refused ticket (expired, or the server restarted with a new key): get a new one.
        if (this.mode === 'staff') ticket = null;
        console.warn(`[chat] ${standId}: could not join`, err);
      },
    });
    const c = this.conn;
    c.on(CHAT_SERVER_MSG.welcome, (w) => void this.welcome(w));
    c.on(CHAT_SERVER_MSG.message, (batch) => this.receive(batch));
    c.on(CHAT_SERVER_MSG.staff, (m) => useStore.getState().chatStand(standId, { staff: m.staff }));
    c.on(CHAT_SERVER_MSG.muted, (m) => useStore.getState().chatStand(standId, { mutedUntil: m.until ?? null }));
    this.unsubscribe = c.subscribe((state) => {
      if (state !== 'live') this.ready = false;
      if (state === 'offline' || state === 'outdated') this.settleWaiters(false);
      const status = statusOf(state);
      if (status) useStore.getState().chatStand(standId, { status });
    });
  }

  start(): void {
    this.conn.start();
  }

  get live(): boolean {
    return this.conn.live && this.ready;
  }

  private async welcome(w: ChatWelcome): Promise<void> {
    useStore.getState().chatStand(this.standId, {
      exhibitorId: w.exhibitorId,
      company: w.company,
      me: w.me,
      staff: w.staff,
      mutedUntil: w.mutedUntil,
      status: 'live',
    });
    this.ready = true;
    // A room joined anew starts everyone active, and a resumed seat keeps what it was told
    // before the drop: either way it learns the page's state now.
    if (this.mode === 'staff') this.conn.send(CHAT_CLIENT_MSG.away, { away: this.away });
    this.settleWaiters(true);
    if (!this.welcomed) {
      this.welcomed = true;
      this.lastLiveId = Math.max(this.lastLiveId, w.lastId);
      if (w.me.kind === 'visitor') {
        await Promise.all([this.loadLatest(null), this.loadLatest(w.me.ref)]).catch((err: unknown) => console.warn('[chat] history', err));
      }
      return;
    }
    await this.catchUp().catch((err: unknown) => console.warn('[chat] catching up', err));
  }

  private settleWaiters(ok: boolean): void {
    for (const w of [...this.waiters]) (ok ? w.ok : w.fail)();
  }

  /** Resolves once welcomed in a live room; rejects when offline, stopped or after `ms`. */
  private whenReady(ms: number): Promise<void> {
    if (this.live) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const w = {
        ok: () => finish(resolve),
        fail: () => finish(() => reject(new ChatOffline())),
      };
      const timer = setTimeout(w.fail, ms);
      const finish = (fn: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(w);
        fn();
      };
      this.waiters.add(w);
    });
  }

  /** Everything we may see after the last id we saw: what was said while the link was down. */
  private async catchUp(): Promise<void> {
    for (let i = 0; i < CATCH_UP_PAGES; i++) {
      if (!this.conn.room) return;
      const page = await this.conn.request(CHAT_CLIENT_MSG.since, { after: this.lastLiveId }, REQUEST_TIMEOUT_MS);
      if (!('messages' in page)) return;
      this.receive(page.messages);
      if (!page.more) return;
    }
  }

  private receive(messages: ChatMessage[]): void {
    if (messages.length === 0) return;
    for (const m of messages) if (m.id > this.lastLiveId) this.lastLiveId = m.id;
    useStore.getState().chatAdd(this.standId, messages);
    this.onMessages?.(messages);
  }

  private need(): void {
    if (!this.conn.room) throw new ChatOffline();
  }

  /** The newest page of a conversation (it opens, or it was never loaded). */
  async loadLatest(thread: ChatThread): Promise<void> {
    this.need();
    const page = await this.conn.request(CHAT_CLIENT_MSG.history, { thread, limit: CHAT_PAGE }, REQUEST_TIMEOUT_MS);
    if ('messages' in page) useStore.getState().chatAdd(this.standId, page.messages, { thread, older: page.more });
  }

  /** The page before the oldest message loaded ("scroll up for older"). */
  async loadOlder(thread: ChatThread): Promise<void> {
    const first = useStore.getState().chatConvs[conversationKey(this.standId, thread)]?.messages[0]?.id;
    if (first === undefined) return this.loadLatest(thread);
    this.need();
    const page = await this.conn.request(CHAT_CLIENT_MSG.history, { thread, before: first, limit: CHAT_PAGE }, REQUEST_TIMEOUT_MS);
    if ('messages' in page) useStore.getState().chatAdd(this.standId, page.messages, { thread, older: page.more });
  }

  /**
   * Posts to a thread: the public chat (null), a private thread, or `mine` (a visitor's own
   * private thread, known once welcomed). Written while the chat connects, the message
   * waits (one at a time: the composer sends nothing else meanwhile) and goes once live.
   */
  async post(text: string, thread: ChatThread | { mine: true }): Promise<ChatPostResult> {
    await this.whenReady(PENDING_MAX_MS);
    const to = thread !== null && typeof thread === 'object' ? this.ownThread() : thread;
    const result = await this.conn.request(CHAT_CLIENT_MSG.post, { text, thread: to }, REQUEST_TIMEOUT_MS);
    if (result.ok) {
      this.receive([result.message]);
      // Taking part is what makes later staff answers "unread" for a visitor.
      if (this.mode === 'visitor') useStore.getState().chatMarkRead(this.standId, result.message.id);
    } else if (result.error === 'muted' && result.until !== undefined) {
      useStore.getState().chatStand(this.standId, { mutedUntil: result.until });
    }
    return result;
  }

  private ownThread(): ChatThread {
    const me: ChatMe | null | undefined = useStore.getState().chatStands[this.standId]?.me;
    if (me?.kind !== 'visitor') throw new ChatOffline();
    return me.ref;
  }

  remove(id: number): Promise<ChatActionResult> {
    this.need();
    return this.conn.request(CHAT_CLIENT_MSG.remove, { id }, REQUEST_TIMEOUT_MS);
  }

  mute(id: number, minutes: number): Promise<ChatActionResult> {
    this.need();
    return this.conn.request(CHAT_CLIENT_MSG.mute, { id, minutes }, REQUEST_TIMEOUT_MS);
  }

  /** Staff: this conversation is read up to `upTo` (shared by the account's devices). */
  read(thread: ChatThread, upTo: number): void {
    this.conn.send(CHAT_CLIENT_MSG.read, { thread, upTo });
  }

  /** Staff: the cabinet page went idle or hidden, or is in use again (visitors see "away"). */
  setAway(away: boolean): void {
    if (this.away === away) return;
    this.away = away;
    if (this.live) this.conn.send(CHAT_CLIENT_MSG.away, { away });
  }

  stop(): void {
    this.unsubscribe();
    this.settleWaiters(false);
    this.conn.dispose();
  }
}

// --- visitors -----------------------------------------------------------------------------

/** Conversations kept live after their stand page closes, so answers arrive while walking. */
const BACKGROUND_MAX = 3;
/** On arrival, conversations this recent reconnect in the background. */
const RECENT_MS = 24 * 3600_000;

const visitorChats = new Map<string, { conn: ChatConnection; users: number }>();

export function visitorChat(standId: string): ChatConnection | undefined {
  return visitorChats.get(standId)?.conn;
}

function ensureVisitorChat(standId: string): { conn: ChatConnection; users: number } {
  let entry = visitorChats.get(standId);
  if (!entry) {
    entry = { conn: new ChatConnection(standId, 'visitor'), users: 0 };
    visitorChats.set(standId, entry);
    entry.conn.start();
  }
  return entry;
}

/** Keeps the most recent conversations the visitor took part in; closes the rest. */
function trimBackground(): void {
  const marks = useStore.getState().chatMarks;
  const idle = [...visitorChats.entries()].filter(([, e]) => e.users === 0);
  idle.sort((a, b) => (marks[b[0]]?.at ?? 0) - (marks[a[0]]?.at ?? 0));
  idle.forEach(([standId, e], i) => {
    if (!marks[standId] || i >= BACKGROUND_MAX) {
      e.conn.stop();
      visitorChats.delete(standId);
    }
  });
}

/** The stand's chat is on screen: connect (or reuse the connection); returns the release. */
export function openVisitorChat(standId: string): () => void {
  const entry = ensureVisitorChat(standId);
  entry.users++;
  useStore.getState().chatView(standId, true);
  return () => {
    entry.users--;
    if (entry.users > 0) return;
    useStore.getState().chatView(standId, false);
    trimBackground();
  };
}

let visitorStarted = false;

/**
 * On arrival: unread staff answers of the stands the visitor talked to (so the hall shows
 * them after a reload), then live connections to the most recent of those conversations.
 */
export async function startVisitorChats(): Promise<void> {
  if (visitorStarted) return;
  visitorStarted = true;
  const { chatMarks } = useStore.getState();
  const entries = Object.entries(chatMarks);
  if (entries.length === 0) return;
  try {
    const { unread } = await fetchUnread(Object.fromEntries(entries.map(([id, m]) => [id, m.id])));
    useStore.getState().chatSetUnread(unread);
  } catch (err) {
    console.warn('[chat] unread counts', err);
  }
  const now = Date.now();
  for (const [standId] of entries.filter(([, m]) => now - m.at < RECENT_MS).sort((a, b) => b[1].at - a[1].at).slice(0, BACKGROUND_MAX)) {
    ensureVisitorChat(standId);
  }
}

// --- staff --------------------------------------------------------------------------------

/** Own stands joined at once by the inbox (beyond that, stands join when opened). */
const OWN_LIVE_MAX = 20;
const INBOX_REFRESH_MS = 30_000;

/**
 * The cabinet's staff connections (net/staffDesk.ts holds them while any cabinet page is
 * signed in): every own stand live at once (staff show as online or away there and hear
 * every question), other stands (organisers, moderators) when opened in the Chats tab.
 */
export class StaffChats {
  private readonly conns = new Map<string, ChatConnection>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  private away = false;

  constructor(private readonly onMessages: (messages: ChatMessage[]) => void) {}

  /** The cabinet page is idle or hidden (true) or in use (false): every stand joined hears it. */
  setAway(away: boolean): void {
    this.away = away;
    for (const c of this.conns.values()) c.setAway(away);
  }

  async start(): Promise<void> {
    await this.refresh();
    // Stopped while the first list was on its way (the tab closed, StrictMode's second run):
    // starting the refresh now would outlive the component.
    if (this.stopped || this.timer) return;
    this.timer = setInterval(() => void this.refresh().catch(() => {}), INBOX_REFRESH_MS);
  }

  /** Reloads the conversation list and joins own stands not joined yet. */
  async refresh(): Promise<void> {
    const inbox = await fetchInbox();
    if (this.stopped) return;
    useStore.getState().inboxLoaded(inbox.me, inbox.conversations);
    const own = [...new Set(inbox.conversations.filter((c) => c.own).map((c) => c.standId))].slice(0, OWN_LIVE_MAX);
    for (const standId of own) this.connection(standId);
  }

  connection(standId: string): ChatConnection {
    let conn = this.conns.get(standId);
    if (this.stopped) {
      // Asked for after the inbox closed (a late effect): a connection that never joins.
      const closed = new ChatConnection(standId, 'staff');
      closed.stop();
      return closed;
    }
    if (!conn) {
      conn = new ChatConnection(standId, 'staff', (messages) => {
        useStore.getState().inboxNote(messages);
        this.onMessages(messages);
      });
      this.conns.set(standId, conn);
      conn.setAway(this.away);
      conn.start();
    }
    return conn;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const c of this.conns.values()) c.stop();
    this.conns.clear();
  }
}
