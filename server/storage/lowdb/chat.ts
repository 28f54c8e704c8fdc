// Stand chats in their own files under data/chat/: messages per stand in chunks of
// CHUNK messages (stands/<standId>/<n>.json), so a new message rewrites one small file, never
// the whole history; mutes, saved answers and staff read marks in meta.json. A stand's
// messages are read once, on first use, and kept in memory in id order.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import { type ChatThread, StandId, conversationKey } from '../../../shared/chat.ts';
import type { ChatConversation, ChatQuery, ChatSlice, ChatStore, NewChatMessage, StoredChatMessage } from '../chatStore.ts';
import { openJsonFile } from './jsonFile.ts';

/** Messages per chunk file: bounds what one write serialises (about 150 KB). */
const CHUNK = 500;

interface ChunkFile {
  schema: 1;
  messages: StoredChatMessage[];
}

interface MetaFile {
  schema: 1;
  /** standId -> visitor ref -> muted until (ms) and by whom. */
  mutes: Record<string, Record<string, { until: number; by: string }>>;
  quickReplies: Record<string, string[]>;
  /** accountId -> conversation key -> last read message id. */
  reads: Record<string, Record<string, number>>;
}

/**
 * Serialises a file's writes: a write asked for while one is running shares the next one,
 * so a burst of messages costs one JSON serialisation per disk write, not one per message.
 * Each caller still resolves only once a write holding its change is done.
 */
function groupCommit(db: Low<unknown>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const run = (): Promise<void> => {
    running = db.write().finally(() => {
      running = null;
    });
    return running;
  };
  return () => {
    if (!running) return run();
    const after = () => {
      next = null;
      return run();
    };
    next ??= running.then(after, after);
    return next;
  };
}

interface StandLog {
  /** Every message of the stand, ascending ids (shared with the chunk files' arrays). */
  messages: StoredChatMessage[];
  chunks: { db: Low<ChunkFile>; write: () => Promise<void> }[];
  /** Conversation key -> its newest message (and the visitor's latest name for threads). */
  threads: Map<string, ChatConversation>;
}

function threadOf(threads: ChatQuery['threads'], thread: ChatThread): boolean {
  return threads === 'all' || threads.includes(thread);
}

/** Index of the first message with id > `id` (messages are in ascending id order). */
function firstAfter(messages: readonly StoredChatMessage[], id: number): number {
  let lo = 0;
  let hi = messages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (messages[mid]!.id <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function noteThread(log: StandLog, m: StoredChatMessage): void {
  const key = conversationKey(m.standId, m.thread);
  const known = log.threads.get(key);
  if (known && known.last.id > m.id) return;
  const visitorName = m.thread !== null && m.author.kind === 'visitor' ? m.author.name : known?.visitorName;
  log.threads.set(key, { thread: m.thread, last: m, visitorName });
}

export async function openChat(dir: string): Promise<ChatStore> {
  const standsDir = path.join(dir, 'stands');
  await fs.mkdir(standsDir, { recursive: true });
  const meta = await openJsonFile<MetaFile>(path.join(dir, 'meta.json'), { schema: 1, mutes: {}, quickReplies: {}, reads: {} });
  const writeMeta = groupCommit(meta as Low<unknown>);
  const logs = new Map<string, Promise<StandLog>>();
  const withMessages = new Set(await fs.readdir(standsDir).catch(() => [] as string[]));

  function standDir(standId: string): string {
    // Ids come from validated floor files, but a path is built from them: check again.
    if (!StandId.safeParse(standId).success) throw new Error(`bad stand id "${standId}"`);
    return path.join(standsDir, standId);
  }

  async function openChunk(standId: string, n: number): Promise<StandLog['chunks'][number]> {
    const db = await openJsonFile<ChunkFile>(path.join(standDir(standId), `${n}.json`), { schema: 1, messages: [] });
    return { db, write: groupCommit(db as Low<unknown>) };
  }

  async function load(standId: string): Promise<StandLog> {
    const files = await fs.readdir(standDir(standId)).catch(() => [] as string[]);
    const numbers = files
      .map((f) => /^(\d+)\.json$/.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    const log: StandLog = { messages: [], chunks: [], threads: new Map() };
    for (const n of numbers) {
      const chunk = await openChunk(standId, n);
      log.chunks[n] = chunk;
      for (const m of chunk.db.data.messages) {
        log.messages.push(m);
        noteThread(log, m);
      }
    }
    log.messages.sort((a, b) => a.id - b.id);
    return log;
  }

  function standLog(standId: string): Promise<StandLog> {
    let p = logs.get(standId);
    if (!p) {
      p = load(standId);
      logs.set(standId, p);
      p.catch(() => logs.delete(standId));
    }
    return p;
  }

  // Ids are taken in order: each append places its message after the previous one has
  // placed its own (opening a chunk file may wait), and only the disk write runs in parallel.
  const placing = new Map<string, Promise<unknown>>();

  async function place(message: NewChatMessage): Promise<{ stored: StoredChatMessage; write: () => Promise<void> }> {
    const log = await standLog(message.standId);
    const id = (log.messages.at(-1)?.id ?? 0) + 1;
    const n = Math.floor((id - 1) / CHUNK);
    const chunk = log.chunks[n] ?? (log.chunks[n] = await openChunk(message.standId, n));
    const stored: StoredChatMessage = { ...message, id };
    chunk.db.data.messages.push(stored);
    log.messages.push(stored);
    noteThread(log, stored);
    withMessages.add(message.standId);
    return { stored, write: chunk.write };
  }

  return {
    async addChatMessage(message) {
      const placed = (placing.get(message.standId) ?? Promise.resolve()).then(() => place(message));
      placing.set(
        message.standId,
        placed.catch(() => {}),
      );
      const { stored, write } = await placed;
      await write();
      return structuredClone(stored);
    },

    async getChatMessage(standId, id) {
      const log = await standLog(standId);
      const i = firstAfter(log.messages, id - 1);
      const m = log.messages[i];
      return m?.id === id ? structuredClone(m) : undefined;
    },

    async chatMessages(standId, q): Promise<ChatSlice> {
      const log = await standLog(standId);
      const out: StoredChatMessage[] = [];
      let more = false;
      if (q.after !== undefined) {
        for (let i = firstAfter(log.messages, q.after); i < log.messages.length; i++) {
          const m = log.messages[i]!;
          if (!threadOf(q.threads, m.thread)) continue;
          if (out.length === q.limit) {
            more = true;
            break;
          }
          out.push(m);
        }
      } else {
        const end = q.before === undefined ? log.messages.length : firstAfter(log.messages, q.before - 1);
        for (let i = end - 1; i >= 0; i--) {
          const m = log.messages[i]!;
          if (!threadOf(q.threads, m.thread)) continue;
          if (out.length === q.limit) {
            more = true;
            break;
          }
          out.push(m);
        }
        out.reverse();
      }
      return { messages: structuredClone(out), more };
    },

    async chatLastId(standId) {
      if (!withMessages.has(standId)) return 0;
      return (await standLog(standId)).messages.at(-1)?.id ?? 0;
    },

    async chatCount(standId, q) {
      if (!withMessages.has(standId)) return 0;
      const log = await standLog(standId);
      let n = 0;
      for (let i = firstAfter(log.messages, q.after); i < log.messages.length; i++) {
        const m = log.messages[i]!;
        if (!m.deleted && m.author.kind === q.authorKind && threadOf(q.threads, m.thread)) n++;
      }
      return n;
    },

    async chatConversations(standId) {
      if (!withMessages.has(standId)) return [];
      const log = await standLog(standId);
      return [...log.threads.values()].sort((a, b) => b.last.id - a.last.id).map((c) => structuredClone(c));
    },

    async chatStandIds() {
      return [...withMessages];
    },

    async deleteChatMessage(standId, id, by, at) {
      const log = await standLog(standId);
      const m = log.messages[firstAfter(log.messages, id - 1)];
      if (!m || m.id !== id) return undefined;
      if (!m.deleted) {
        m.deleted = true;
        m.text = '';
        m.deletedBy = by;
        m.deletedAt = at;
        await log.chunks[Math.floor((id - 1) / CHUNK)]!.write();
      }
      return structuredClone(m);
    },

    async setChatMute(standId, ref, until, by) {
      const stand = (meta.data.mutes[standId] ??= {});
      stand[ref] = { until, by };
      // Mutes that ended long ago are dropped while we are here (a mute lasts a day at most,
      // so one that ended two days before this one ends is surely over).
      const longAgo = until - 2 * 24 * 60 * 60 * 1000;
      for (const [r, m] of Object.entries(stand)) if (m.until < longAgo) delete stand[r];
      await writeMeta();
    },

    async chatMutedUntil(standId, ref) {
      return meta.data.mutes[standId]?.[ref]?.until;
    },

    async getQuickReplies(exhibitorId) {
      return [...(meta.data.quickReplies[exhibitorId] ?? [])];
    },

    async setQuickReplies(exhibitorId, replies) {
      meta.data.quickReplies[exhibitorId] = [...replies];
      await writeMeta();
    },

    async chatReadMarks(accountId) {
      return { ...(meta.data.reads[accountId] ?? {}) };
    },

    async setChatReadMark(accountId, conversation, upTo) {
      const marks = (meta.data.reads[accountId] ??= {});
      if ((marks[conversation] ?? 0) >= upTo) return;
      marks[conversation] = upTo;
      await writeMeta();
    },
  };
}
