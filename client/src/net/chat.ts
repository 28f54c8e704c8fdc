// The only place the client talks to stand chat rooms. One connection per stand, as a
// visitor (their browser id and display name) or as staff (a ticket fetched with the cabinet
// session). Messages go to the store merged by id; after a dropped link or a server restart
// the connection catches up from the last id it saw, so nothing is lost or doubled. The
// Colyseus client is imported lazily: the page shell loads without it.
import type { Client, Room } from '@colyseus/sdk';
import type { ChatActionResult, ChatMessage, ChatPage, ChatPostResult, ChatThread, ChatTicket } from '../../../shared/chat.ts';
import { CHAT_PAGE, conversationKey } from '../../../shared/chat.ts';
import {
  CHAT_CLIENT_MSG,
  CHAT_SERVER_MSG,
  type ChatStaffMsg,
  type ChatWelcome,
  PROTOCOL_VERSION,
  ROOMS,
} from '../../../shared/protocol.ts';
import { useStore } from '../store/index.ts';
import { fetchInbox, fetchTicket, fetchUnread } from './chatHttp.ts';

const REJOIN_DELAYS = [500, 1000, 2000, 4000, 8000, 15000, 30000];
const REQUEST_TIMEOUT_MS = 8000;
/** Catching up stops after this many pages; the conversation then reloads its newest page. */
const CATCH_UP_PAGES = 10;

let sdk: Promise<Client> | null = null;

function colyseus(): Promise<Client> {
  sdk ??= import('@colyseus/sdk').then((m) => new m.Client(location.origin));
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

export class ChatConnection {
  private room: Room | null = null;
  /** Newest message id received live or by catching up: the next catch-up starts after it. */
  private lastLiveId = 0;
  private welcomed = false;
  private generation = 0;
  private attempt = 0;
  private rejoinTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly standId: string,
    readonly mode: 'visitor' | 'staff',
    /** Staff: every new or changed message (inbox, notifications). */
    private readonly onMessages?: (messages: ChatMessage[]) => void,
  ) {}

  start(): void {
    void this.join(this.generation);
  }

  get live(): boolean {
    return this.room !== null;
  }

  private async join(gen: number): Promise<void> {
    const store = useStore.getState();
    store.chatStand(this.standId, { status: this.attempt > 0 ? 'reconnecting' : 'connecting' });
    try {
      const client = await colyseus();
      const options =
        this.mode === 'staff'
          ? { standId: this.standId, ticket: await staffTicket(), protocol: PROTOCOL_VERSION }
          : { standId: this.standId, visitorId: store.visitorId, name: store.profile?.name ?? (store.shownName || undefined), protocol: PROTOCOL_VERSION };
      const room = await client.joinOrCreate(ROOMS.standChat, options);
      if (gen !== this.generation) {
        void room.leave(true).catch(() => {});
        return;
      }
      this.bind(room, gen);
      this.attempt = 0;
    } catch (err) {
      if (gen !== this.generation) return;
      // A refused ticket (expired, or the server restarted with a new key): get a new one.
      if (this.mode === 'staff') ticket = null;
      console.warn(`[chat] ${this.standId}: could not join`, err);
      this.scheduleRejoin(gen);
    }
  }

  private bind(room: Room, gen: number): void {
    this.room = room;
    room.reconnection.maxRetries = 8;
    room.onMessage(CHAT_SERVER_MSG.welcome, (w: ChatWelcome) => void this.welcome(w));
    room.onMessage(CHAT_SERVER_MSG.message, (batch: ChatMessage[]) => this.receive(batch));
    room.onMessage(CHAT_SERVER_MSG.staff, (m: ChatStaffMsg) => useStore.getState().chatStand(this.standId, { staff: m.staff }));
    room.onMessage(CHAT_SERVER_MSG.muted, (m: { until?: number }) => useStore.getState().chatStand(this.standId, { mutedUntil: m.until ?? null }));
    room.onDrop(() => {
      if (gen === this.generation) useStore.getState().chatStand(this.standId, { status: 'reconnecting' });
    });
    // The server welcomes a resumed session again; catching up happens there.
    room.onReconnect(() => {
      if (gen === this.generation) useStore.getState().chatStand(this.standId, { status: 'live' });
    });
    room.onLeave(() => {
      if (gen !== this.generation || this.room !== room) return;
      // Not a leave we asked for: the server went away (restart). Join afresh.
      this.room = null;
      this.scheduleRejoin(gen);
    });
  }

  private scheduleRejoin(gen: number): void {
    const delay = REJOIN_DELAYS[Math.min(this.attempt, REJOIN_DELAYS.length - 1)]!;
    this.attempt++;
    useStore.getState().chatStand(this.standId, { status: navigator.onLine === false || this.attempt > 4 ? 'offline' : 'reconnecting' });
    this.rejoinTimer = setTimeout(() => {
      this.rejoinTimer = null;
      if (gen === this.generation) void this.join(gen);
    }, delay);
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

  /** Everything we may see after the last id we saw: what was said while the link was down. */
  private async catchUp(): Promise<void> {
    for (let i = 0; i < CATCH_UP_PAGES; i++) {
      const room = this.room;
      if (!room) return;
      const page = await room.request<{ after: number }, ChatPage>(CHAT_CLIENT_MSG.since, { after: this.lastLiveId }, { timeout: REQUEST_TIMEOUT_MS });
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

  private need(): Room {
    if (!this.room) throw new ChatOffline();
    return this.room;
  }

  /** The newest page of a conversation (it opens, or it was never loaded). */
  async loadLatest(thread: ChatThread): Promise<void> {
    const page = await this.need().request<unknown, ChatPage | { ok: false }>(CHAT_CLIENT_MSG.history, { thread, limit: CHAT_PAGE }, { timeout: REQUEST_TIMEOUT_MS });
    if ('messages' in page) useStore.getState().chatAdd(this.standId, page.messages, { thread, older: page.more });
  }

  /** The page before the oldest message loaded ("scroll up for older"). */
  async loadOlder(thread: ChatThread): Promise<void> {
    const first = useStore.getState().chatConvs[conversationKey(this.standId, thread)]?.messages[0]?.id;
    if (first === undefined) return this.loadLatest(thread);
    const page = await this.need().request<unknown, ChatPage | { ok: false }>(
      CHAT_CLIENT_MSG.history,
      { thread, before: first, limit: CHAT_PAGE },
      { timeout: REQUEST_TIMEOUT_MS },
    );
    if ('messages' in page) useStore.getState().chatAdd(this.standId, page.messages, { thread, older: page.more });
  }

  async post(text: string, thread: ChatThread): Promise<ChatPostResult> {
    const result = await this.need().request<unknown, ChatPostResult>(CHAT_CLIENT_MSG.post, { text, thread }, { timeout: REQUEST_TIMEOUT_MS });
    if (result.ok) {
      this.receive([result.message]);
      // Taking part is what makes later staff answers "unread" for a visitor.
      if (this.mode === 'visitor') useStore.getState().chatMarkRead(this.standId, result.message.id);
    } else if (result.error === 'muted' && result.until !== undefined) {
      useStore.getState().chatStand(this.standId, { mutedUntil: result.until });
    }
    return result;
  }

  remove(id: number): Promise<ChatActionResult> {
    return this.need().request<unknown, ChatActionResult>(CHAT_CLIENT_MSG.remove, { id }, { timeout: REQUEST_TIMEOUT_MS });
  }

  mute(id: number, minutes: number): Promise<ChatActionResult> {
    return this.need().request<unknown, ChatActionResult>(CHAT_CLIENT_MSG.mute, { id, minutes }, { timeout: REQUEST_TIMEOUT_MS });
  }

  /** Staff: this conversation is read up to `upTo` (shared by the account's devices). */
  read(thread: ChatThread, upTo: number): void {
    this.room?.send(CHAT_CLIENT_MSG.read, { thread, upTo });
  }

  stop(): void {
    this.generation++;
    if (this.rejoinTimer) clearTimeout(this.rejoinTimer);
    void this.room?.leave(true).catch(() => {});
    this.room = null;
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
  const { chatMarks, visitorId } = useStore.getState();
  const entries = Object.entries(chatMarks);
  if (entries.length === 0) return;
  try {
    const { unread } = await fetchUnread(visitorId, Object.fromEntries(entries.map(([id, m]) => [id, m.id])));
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
 * The cabinet inbox's connections: every own stand live at once (staff show as online there
 * and hear every question), other stands (organisers, moderators) when opened.
 */
export class StaffChats {
  private readonly conns = new Map<string, ChatConnection>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;

  constructor(private readonly onMessages: (messages: ChatMessage[]) => void) {}

  async start(): Promise<void> {
    await this.refresh();
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
    if (!conn) {
      conn = new ChatConnection(standId, 'staff', (messages) => {
        useStore.getState().inboxNote(messages);
        this.onMessages(messages);
      });
      this.conns.set(standId, conn);
      conn.start();
    }
    return conn;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const c of this.conns.values()) c.stop();
    this.conns.clear();
  }
}
