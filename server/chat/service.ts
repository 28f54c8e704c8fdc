// The stand chat's rules on the server side, shared by the rooms and the HTTP API: who a
// connection is (a visitor by the signed id of their cookie, or staff by a ticket bound to a
// live session), what they may see and do, mutes (per visitor and per address), and the
// storage-backed answers (history pages, unread counts, the staff inbox).
import { type Me, canActFor, canModerate } from '../../shared/accounts.ts';
import type { DirectoryEntry } from '../../shared/api.ts';
import {
  CHAT_PAGE,
  type ChatActionResult,
  type ChatError,
  type ChatMe,
  type ChatMessage,
  type ChatPage,
  type ChatPostResult,
  type ChatThread,
  type Inbox,
  type InboxEntry,
  type StaffBadge,
  type UnreadQuery,
  byLatestActivity,
  canSee,
  checkChatText,
  conversationKey,
} from '../../shared/chat.ts';
import { cleanName } from '../../shared/names.ts';
import type { StoredChatMessage } from '../storage/chatStore.ts';
import type { Storage } from '../storage/storage.ts';
import { conversationsOf, muteDropCutoff } from './chatRules.ts';
import { guestNameOf } from '../visitors/visitorId.ts';
import { type AddressMuteStore, AddressMutes } from './addressMutes.ts';
import { visitorRef } from './identity.ts';
import type { TicketSigner } from './tickets.ts';
import { fairHooks } from '../organiser/fairHooks.ts';

export interface ChatStand {
  standId: string;
  floorId: string;
  exhibitorId: string;
}

export type Participant =
  | {
      kind: 'visitor';
      ref: string;
      name: string;
      /** Limit key of the client address (server/visitors/peerAddress.ts addressKey). */
      address: string;
    }
  | {
      kind: 'staff';
      accountId: string;
      /** The session the ticket came from: the connection lives only as long as it does. */
      sessionHash: string;
      name: string;
      badge: StaffBadge;
      /** May read and answer private threads (acts for the exhibitor). */
      seesPrivate: boolean;
      moderates: boolean;
      /** One of the exhibitor's own people: shown to visitors as "staff online". */
      online: boolean;
    };

/** Organisers' inbox lists at most this many conversations (the busiest first). */
const INBOX_MAX = 500;
/** Catching up after a reconnect returns at most this many messages at once. */
const SINCE_MAX = 200;

export function toWire(m: StoredChatMessage): ChatMessage {
  const { accountId: _a, deletedBy: _b, deletedAt: _c, ...wire } = m;
  return wire;
}

export function meOf(p: Participant): ChatMe {
  return p.kind === 'visitor'
    ? { kind: 'visitor', ref: p.ref, name: p.name }
    : { kind: 'staff', name: p.name, badge: p.badge, seesPrivate: p.seesPrivate, moderates: p.moderates };
}

function fail(error: ChatError['error'], extra: Omit<ChatError, 'ok' | 'error'> = {}): ChatError {
  return { ok: false, error, ...extra };
}

export class ChatService {
  constructor(
    private readonly storage: Storage,
    private readonly directory: () => DirectoryEntry[],
    readonly tickets: TicketSigner,
    private readonly now: () => number = Date.now,
    /** This process's memory, or shared by every process (backends.ts, with REDIS_URL). */
    private readonly addressMutes: AddressMuteStore = new AddressMutes(),
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {}

  /**
   * An address mute's part of a post or a mute, kept apart from the stored write: if a shared
   * store is unreachable the message or the id mute still stands, and the log says so.
   */
  private async addressPart<T>(work: () => T | Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (e) {
      this.log(`[chat] address mutes unavailable: ${e instanceof Error ? e.message : String(e)}`);
      return fallback;
    }
  }

  stand(standId: string): ChatStand | undefined {
    const e = this.directory().find((d) => d.stand === standId);
    return e && { standId: e.stand, floorId: e.floor, exhibitorId: e.exhibitor };
  }

  async company(exhibitorId: string): Promise<string> {
    return (await this.storage.getExhibitor(exhibitorId))?.name ?? exhibitorId;
  }

  /** A visitor by the signed id from their cookie (never one the client names). */
  visitor(stand: ChatStand, visitorId: string, name: string | undefined, address: string): Participant {
    const ref = visitorRef(stand.standId, visitorId);
    return { kind: 'visitor', ref, name: (name !== undefined ? cleanName(name) : null) ?? guestNameOf(visitorId), address };
  }

  /**
   * Staff from a ticket whose session is still live, with role and exhibitors read now (not
   * when the ticket was made).
   */
  async staff(stand: ChatStand, ticket: string): Promise<Participant | null> {
    const holder = this.tickets.verify(ticket, this.now());
    if (!holder || !(await this.sessionLive(holder.accountId, holder.sessionHash))) return null;
    const account = await this.storage.getAccount(holder.accountId);
    if (!account || !canModerate(account, stand.exhibitorId)) return null;
    const own = account.exhibitors.includes(stand.exhibitorId);
    const badge: StaffBadge = own ? 'staff' : account.role === 'exhibitor' ? 'staff' : account.role;
    return {
      kind: 'staff',
      accountId: account.id,
      sessionHash: holder.sessionHash,
      name: account.name,
      badge,
      seesPrivate: canActFor(account, stand.exhibitorId),
      moderates: true,
      online: own,
    };
  }

  /** Whether the session a staff ticket came from still exists (not logged out, not expired). */
  async sessionLive(accountId: string, sessionHash: string): Promise<boolean> {
    const session = await this.storage.getSession(sessionHash);
    return !!session && session.accountId === accountId && Date.parse(session.expiresAt) > this.now();
  }

  /** The threads a participant may read on this stand. */
  visibleThreads(p: Participant): 'all' | ChatThread[] {
    if (p.kind === 'visitor') return [null, p.ref];
    return p.seesPrivate ? 'all' : [null];
  }

  sees(p: Participant, thread: ChatThread): boolean {
    return canSee(p.kind === 'visitor' ? p : { kind: 'staff', seesPrivate: p.seesPrivate }, thread);
  }

  lastId(stand: ChatStand): Promise<number> {
    return this.storage.chatLastId(stand.standId);
  }

  /** A visitor's mute on this stand: their own (stored) or their address's, whichever is later. */
  async mutedUntil(stand: ChatStand, p: Participant): Promise<number | null> {
    if (p.kind !== 'visitor') return null;
    const now = this.now();
    const stored = await this.storage.chatMutedUntil(stand.standId, p.ref);
    const own = stored !== undefined && stored > now ? stored : null;
    const byAddress = await this.addressPart(() => this.addressMutes.mutedUntil(stand.standId, p.address, now), null);
    return own === null ? byAddress : byAddress === null ? own : Math.max(own, byAddress);
  }

  /**
   * Checks and stores a message. `takeToken` is the caller's rate limit: asked only once
   * the message is otherwise acceptable, so a refused text does not cost the sender a turn.
   */
  async post(stand: ChatStand, p: Participant, company: string, raw: string, thread: ChatThread, takeToken: () => number): Promise<ChatPostResult> {
    if (p.kind === 'visitor' && thread !== null && thread !== p.ref) return fail('forbidden');
    if (p.kind === 'staff' && thread !== null) {
      if (!p.seesPrivate) return fail('forbidden');
      // Staff answer threads visitors started; they cannot open one to a made-up ref.
      const exists = await this.storage.chatMessages(stand.standId, { threads: [thread], limit: 1 });
      if (exists.messages.length === 0) return fail('not-found');
    }
    const checked = checkChatText(raw);
    if (!checked.ok) return fail(checked.error, checked.max !== undefined ? { max: checked.max } : {});
    const muted = await this.mutedUntil(stand, p);
    if (muted !== null) return fail('muted', { until: muted });
    const wait = takeToken();
    if (wait > 0) return fail('rate', { retryInMs: wait });
    const stored = await this.storage.addChatMessage({
      standId: stand.standId,
      thread,
      author: p.kind === 'visitor' ? { kind: 'visitor', ref: p.ref, name: p.name } : { kind: 'staff', badge: p.badge, name: p.name, company },
      text: checked.text,
      at: this.now(),
      ...(p.kind === 'staff' ? { accountId: p.accountId } : {}),
    });
    if (p.kind === 'visitor') await this.addressPart(() => this.addressMutes.noteAuthor(stand.standId, p.ref, p.address), undefined);
    return { ok: true, message: toWire(stored) };
  }

  async history(stand: ChatStand, p: Participant, thread: ChatThread, before: number | undefined, limit = CHAT_PAGE): Promise<ChatPage | ChatError> {
    if (!this.sees(p, thread)) return fail('forbidden');
    const page = await this.storage.chatMessages(stand.standId, { threads: [thread], before, limit });
    return { messages: page.messages.map(toWire), more: page.more };
  }

  async since(stand: ChatStand, p: Participant, after: number): Promise<ChatPage> {
    const page = await this.storage.chatMessages(stand.standId, { threads: this.visibleThreads(p), after, limit: SINCE_MAX });
    return { messages: page.messages.map(toWire), more: page.more };
  }

  async remove(stand: ChatStand, p: Participant, id: number): Promise<{ result: ChatActionResult; changed?: ChatMessage }> {
    if (p.kind !== 'staff' || !p.moderates) return { result: fail('forbidden') };
    const m = await this.storage.getChatMessage(stand.standId, id);
    if (!m) return { result: fail('not-found') };
    if (!this.sees(p, m.thread)) return { result: fail('forbidden') };
    const changed = await this.storage.deleteChatMessage(stand.standId, id, p.accountId, this.now());
    if (changed) fairHooks().moderated('chatDeleted');
    return changed ? { result: { ok: true }, changed: toWire(changed) } : { result: fail('not-found') };
  }

  async mute(stand: ChatStand, p: Participant, id: number, minutes: number): Promise<{ result: ChatActionResult; ref?: string }> {
    if (p.kind !== 'staff' || !p.moderates) return { result: fail('forbidden') };
    const m = await this.storage.getChatMessage(stand.standId, id);
    if (!m) return { result: fail('not-found') };
    if (!this.sees(p, m.thread) || m.author.kind !== 'visitor') return { result: fail('forbidden') };
    const now = this.now();
    const until = now + minutes * 60_000;
    await this.storage.setChatMute(stand.standId, m.author.ref, until, p.accountId, muteDropCutoff(until));
    const ref = m.author.ref;
    await this.addressPart(() => this.addressMutes.muteAuthor(stand.standId, ref, until, now), undefined);
    fairHooks().moderated('chatMuted');
    return { result: { ok: true, until }, ref: m.author.ref };
  }

  async markRead(stand: ChatStand, p: Participant, thread: ChatThread, upTo: number): Promise<void> {
    if (p.kind !== 'staff' || !this.sees(p, thread)) return;
    const last = await this.storage.chatLastId(stand.standId);
    await this.storage.setChatReadMark(p.accountId, conversationKey(stand.standId, thread), Math.min(upTo, last));
  }

  /** Staff answers a visitor (by the signed id of their cookie) has not read, per stand asked. */
  async unread(visitorId: string, marks: UnreadQuery['marks']): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [standId, after] of Object.entries(marks)) {
      if (!this.stand(standId)) continue;
      const ref = visitorRef(standId, visitorId);
      const n = await this.storage.chatCount(standId, { threads: [null, ref], after, authorKind: 'staff' });
      if (n > 0) out[standId] = n;
    }
    return out;
  }

  /**
   * The staff inbox: every conversation of the account's own stands (their public chats even
   * when quiet), plus, for organisers and moderators, every stand chat with messages
   * (private threads only where they act for the exhibitor). Newest activity first.
   */
  async inbox(me: Me): Promise<Inbox> {
    const marks = await this.storage.chatReadMarks(me.id);
    const directory = this.directory();
    const byStand = new Map(directory.map((d) => [d.stand, d]));
    const standIds = new Set(directory.filter((d) => me.exhibitors.includes(d.exhibitor)).map((d) => d.stand));
    if (me.role === 'organiser' || me.role === 'moderator') {
      for (const id of await this.storage.chatStandIds()) if (byStand.has(id)) standIds.add(id);
    }
    const companies = new Map<string, string>();
    const out: InboxEntry[] = [];
    for (const standId of standIds) {
      const d = byStand.get(standId)!;
      if (!canModerate(me, d.exhibitor)) continue;
      let company = companies.get(d.exhibitor);
      if (company === undefined) {
        company = await this.company(d.exhibitor);
        companies.set(d.exhibitor, company);
      }
      const own = me.exhibitors.includes(d.exhibitor);
      const seesPrivate = canActFor(me, d.exhibitor);
      const conversations = conversationsOf(await this.storage.chatThreadHeads(standId)).filter((c) => c.thread === null || seesPrivate);
      if (own && !conversations.some((c) => c.thread === null)) {
        out.push({ standId, ...booth(d), floorId: d.floor, exhibitorId: d.exhibitor, company, thread: null, last: null, unread: 0, own });
      }
      for (const c of conversations) {
        const key = conversationKey(standId, c.thread);
        const mark = marks[key];
        // Other stands' chats an organiser has never opened are not "unread" to them.
        const unread =
          own || mark !== undefined ? await this.storage.chatCount(standId, { threads: [c.thread], after: mark ?? 0, authorKind: 'visitor' }) : 0;
        out.push({
          standId,
          ...booth(d),
          floorId: d.floor,
          exhibitorId: d.exhibitor,
          company,
          thread: c.thread,
          ...(c.visitorName !== undefined ? { visitorName: c.visitorName } : {}),
          last: toWire(c.last),
          unread,
          own,
        });
      }
    }
    out.sort(byLatestActivity);
    return { me, conversations: out.slice(0, INBOX_MAX) };
  }
}

/** The booth number as the plan shows it, when the directory knows one. */
function booth(d: DirectoryEntry): { booth?: string } {
  return d.booth ? { booth: d.booth } : {};
}
