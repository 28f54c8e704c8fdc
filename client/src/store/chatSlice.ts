// Stand chats as the UI needs them: per stand the connection and who we are, per
// conversation (public chat or private thread) the messages loaded so far, merged by id so
// a reconnect never doubles one; the visitor's read marks (remembered in the browser) and
// unread staff answers; the staff inbox's conversation list; stands with staff online.
import type { StateCreator } from 'zustand';
import {
  type ChatMe,
  type ChatMessage,
  type ChatThread,
  type InboxEntry,
  type StaffOnline,
  byLatestActivity,
  canSee,
  conversationKey,
  mergeMessages,
} from '../../../shared/chat.ts';
import type { Me } from '../../../shared/accounts.ts';
import type { AppState } from './index.ts';

export type ChatStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'error';

export interface StandChatInfo {
  standId: string;
  exhibitorId: string;
  company: string;
  status: ChatStatus;
  me: ChatMe | null;
  staff: StaffOnline[];
  mutedUntil: number | null;
}

export interface ChatConversation {
  standId: string;
  thread: ChatThread;
  messages: ChatMessage[];
  /** Older messages exist before the first loaded one; undefined until a page was loaded. */
  older: boolean | undefined;
}

/** Where the visitor has read up to on a stand, and when they last took part there. */
export interface ReadMark {
  id: number;
  at: number;
}

const MARKS_KEY = 'expo.chat.read';
const MARKS_MAX = 100;

function storedMarks(): Record<string, ReadMark> {
  try {
    const raw = JSON.parse(localStorage.getItem(MARKS_KEY) ?? '{}') as unknown;
    const out: Record<string, ReadMark> = {};
    if (raw && typeof raw === 'object') {
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
        const m = v as Partial<ReadMark> | null;
        if (/^[a-z0-9][a-z0-9-]*$/.test(k) && m && Number.isInteger(m.id) && typeof m.at === 'number') out[k] = { id: m.id!, at: m.at };
      }
    }
    return out;
  } catch {
    return {};
  }
}

function saveMarks(marks: Record<string, ReadMark>): Record<string, ReadMark> {
  // The most recent stands only: an old conversation is not worth a slot.
  const kept = Object.fromEntries(
    Object.entries(marks)
      .sort((a, b) => b[1].at - a[1].at)
      .slice(0, MARKS_MAX),
  );
  try {
    localStorage.setItem(MARKS_KEY, JSON.stringify(kept));
  } catch {
    // Private mode: remembered for this page only.
  }
  return kept;
}

export interface ChatSlice {
  chatStands: Record<string, StandChatInfo>;
  chatConvs: Record<string, ChatConversation>;
  /** Visitor: stands whose chat is on screen now (answers there are read at once). */
  chatViewing: Record<string, boolean>;
  chatMarks: Record<string, ReadMark>;
  /** Visitor: unread staff answers per stand. */
  chatUnread: Record<string, number>;
  /** Stand ids with staff online, from the floor counts. */
  staffOnline: Record<string, true>;
  /** Staff inbox: the account and its conversations by key; null until loaded. */
  inboxMe: Me | null;
  inbox: Record<string, InboxEntry>;
  /** Staff inbox: the conversation open now. */
  inboxOpen: string | null;

  chatStand(standId: string, patch: Partial<StandChatInfo>): void;
  /** Messages arrived (live, a history page, catching up); `page` says whether older ones remain. */
  chatAdd(standId: string, messages: ChatMessage[], page?: { thread: ChatThread; older: boolean }): void;
  chatView(standId: string, on: boolean): void;
  /** The visitor took part on this stand (posted): remember it and read everything up to `id`. */
  chatMarkRead(standId: string, id: number): void;
  chatSetUnread(counts: Record<string, number>): void;
  setStaffOnline(standIds: readonly string[]): void;
  inboxLoaded(me: Me, entries: InboxEntry[]): void;
  inboxSelect(key: string | null): void;
  /** Staff: live messages update the inbox (newest message, unread questions). */
  inboxNote(messages: ChatMessage[]): void;
  /** Staff: a conversation was read up to its newest message. */
  inboxRead(key: string): void;
}

function pageVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

/** Does this message count as an unread answer for the visitor? */
function answersVisitor(m: ChatMessage, me: ChatMe | null | undefined): boolean {
  return me?.kind === 'visitor' && m.author.kind === 'staff' && !m.deleted && canSee(me, m.thread);
}

export const createChatSlice: StateCreator<AppState, [], [], ChatSlice> = (set, get) => ({
  chatStands: {},
  chatConvs: {},
  chatViewing: {},
  chatMarks: storedMarks(),
  chatUnread: {},
  staffOnline: {},
  inboxMe: null,
  inbox: {},
  inboxOpen: null,

  chatStand: (standId, patch) =>
    set((s) => {
      const known = s.chatStands[standId] ?? { standId, exhibitorId: '', company: '', status: 'connecting', me: null, staff: [], mutedUntil: null };
      return { chatStands: { ...s.chatStands, [standId]: { ...known, ...patch } } };
    }),

  chatAdd: (standId, messages, page) => {
    if (messages.length === 0 && !page) return;
    const s = get();
    const convs = { ...s.chatConvs };
    const byConv = new Map<string, ChatMessage[]>();
    for (const m of messages) {
      const key = conversationKey(standId, m.thread);
      byConv.set(key, [...(byConv.get(key) ?? []), m]);
    }
    if (page) byConv.set(conversationKey(standId, page.thread), byConv.get(conversationKey(standId, page.thread)) ?? []);
    for (const [key, list] of byConv) {
      const conv = convs[key] ?? { standId, thread: list[0]?.thread ?? page?.thread ?? null, messages: [], older: undefined };
      let older = conv.older;
      if (page && conversationKey(standId, page.thread) === key) {
        // A page reaching further back than what we hold says whether anything is older still.
        const first = conv.messages[0]?.id;
        const pageFirst = list[0]?.id;
        if (older === undefined || first === undefined || (pageFirst !== undefined && pageFirst <= first)) older = page.older;
      }
      convs[key] = { ...conv, messages: mergeMessages(conv.messages, list), older };
    }
    // Visitor unread: staff answers after the read mark on a stand they took part in. Counted
    // from the loaded messages (so a page loaded twice is not counted twice); until a page is
    // loaded, the count the server gave on arrival stands.
    const me = s.chatStands[standId]?.me;
    const mark = s.chatMarks[standId];
    let unread = s.chatUnread[standId] ?? 0;
    let marks = s.chatMarks;
    if (mark) {
      const mine = Object.values(convs).filter((c) => c.standId === standId);
      if (s.chatViewing[standId] && pageVisible()) {
        const newest = mine.reduce((n, c) => Math.max(n, c.messages.at(-1)?.id ?? 0), mark.id);
        if (newest > mark.id) marks = saveMarks({ ...marks, [standId]: { id: newest, at: mark.at } });
        unread = 0;
      } else if (mine.some((c) => c.older !== undefined)) {
        unread = 0;
        for (const c of mine) for (const m of c.messages) if (m.id > mark.id && answersVisitor(m, me)) unread++;
      }
    }
    set({ chatConvs: convs, chatUnread: { ...s.chatUnread, [standId]: unread }, chatMarks: marks });
  },

  chatView: (standId, on) => {
    set((s) => ({ chatViewing: { ...s.chatViewing, [standId]: on } }));
    if (!on) return;
    const s = get();
    const mark = s.chatMarks[standId];
    if (!mark) return;
    // Looking at the chat reads it.
    let newest = mark.id;
    for (const c of Object.values(s.chatConvs)) if (c.standId === standId) newest = Math.max(newest, c.messages.at(-1)?.id ?? 0);
    set({ chatMarks: saveMarks({ ...s.chatMarks, [standId]: { id: newest, at: mark.at } }), chatUnread: { ...s.chatUnread, [standId]: 0 } });
  },

  chatMarkRead: (standId, id) =>
    set((s) => ({
      chatMarks: saveMarks({ ...s.chatMarks, [standId]: { id: Math.max(id, s.chatMarks[standId]?.id ?? 0), at: Date.now() } }),
      chatUnread: { ...s.chatUnread, [standId]: 0 },
    })),

  chatSetUnread: (counts) => set((s) => ({ chatUnread: { ...s.chatUnread, ...counts } })),

  setStaffOnline: (standIds) => {
    const next: Record<string, true> = {};
    for (const id of standIds) next[id] = true;
    const now = get().staffOnline;
    const same = Object.keys(now).length === standIds.length && standIds.every((id) => now[id]);
    if (!same) set({ staffOnline: next });
  },

  inboxLoaded: (me, entries) =>
    set((s) => {
      const inbox: Record<string, InboxEntry> = {};
      for (const e of entries) {
        const key = conversationKey(e.standId, e.thread);
        const known = s.inbox[key];
        // Live messages may be newer than the summary the server just sent.
        const merged = known?.last && e.last && known.last.id > e.last.id ? { ...e, last: known.last, unread: Math.max(known.unread, e.unread) } : e;
        // The conversation on screen is being read (its read mark may still be on its way).
        inbox[key] = s.inboxOpen === key ? { ...merged, unread: 0 } : merged;
      }
      return { inboxMe: me, inbox };
    }),

  inboxSelect: (key) => set({ inboxOpen: key }),

  inboxNote: (messages) =>
    set((s) => {
      if (!s.inboxMe || messages.length === 0) return {};
      const inbox = { ...s.inbox };
      for (const m of messages) {
        const key = conversationKey(m.standId, m.thread);
        const known = inbox[key];
        if (known?.last && known.last.id > m.id) continue;
        const sibling = known ?? Object.values(inbox).find((e) => e.standId === m.standId);
        if (!sibling) continue;
        const isNew = !known?.last || known.last.id < m.id;
        const visitorName = m.thread !== null && m.author.kind === 'visitor' ? m.author.name : known?.visitorName;
        inbox[key] = {
          ...sibling,
          thread: m.thread,
          ...(visitorName !== undefined ? { visitorName } : {}),
          last: m,
          unread: (known?.unread ?? 0) + (isNew && m.author.kind === 'visitor' && !m.deleted && s.inboxOpen !== key ? 1 : 0),
        };
      }
      return { inbox };
    }),

  inboxRead: (key) =>
    set((s) => {
      const e = s.inbox[key];
      return e && e.unread > 0 ? { inbox: { ...s.inbox, [key]: { ...e, unread: 0 } } } : {};
    }),
});

/** Inbox entries newest activity first. */
export function sortedInbox(inbox: Record<string, InboxEntry>): InboxEntry[] {
  return Object.values(inbox).sort(byLatestActivity);
}

/** Total unread staff answers for the visitor. */
export function totalUnread(unread: Record<string, number>): number {
  let n = 0;
  for (const v of Object.values(unread)) n += v;
  return n;
}
