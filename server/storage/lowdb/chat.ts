// Stand chats in their own files under data/chat/: messages per stand in chunks of CHUNK
// messages (stands/<standId>/<n>.json), so a new message rewrites one small file, never the
// whole history; mutes, saved answers and staff read marks in meta.json. A stand's messages are
// read once, on first use, and kept in memory in id order, with each thread's newest message.
// A damaged chunk makes that stand's chat unavailable (a generic error for visitors; the log
// names the file) and leaves the file as it is.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { type ChatThread, ChatMessage, StandId, conversationKey } from '../../../shared/chat.ts';
import type { ChatQuery, ChatSlice, ChatStore, ChatThreadHead, StoredChatMessage } from '../chatStore.ts';
import type { LowdbContext } from './context.ts';
import { StorageFileError, realDisk } from './durableFile.ts';
import { type JsonDoc, openJsonDoc } from './jsonFile.ts';
import { own, withKey, withoutKeys } from './own.ts';

/** Messages per chunk file: bounds what one write serialises (about 150 KB). */
const CHUNK = 500;

const StoredMessage = ChatMessage.extend({ accountId: z.string().optional(), deletedBy: z.string().optional(), deletedAt: z.number().optional() });
export const ChunkFile = z.object({ schema: z.literal(1), messages: z.array(StoredMessage) });
type ChunkFile = { schema: 1; messages: StoredChatMessage[] };

export const MetaFile = z.object({
  schema: z.literal(1),
  /** standId -> visitor ref -> muted until (ms) and by whom. */
  mutes: z.record(z.string(), z.record(z.string(), z.object({ until: z.number(), by: z.string() }))),
  quickReplies: z.record(z.string(), z.array(z.string())),
  /** accountId -> conversation key -> last read message id. */
  reads: z.record(z.string(), z.record(z.string(), z.number())),
});
type MetaFile = z.infer<typeof MetaFile>;

/** What visitors and staff are told when a stand's history cannot be read (the log says why). */
export class ChatUnavailableError extends Error {
  constructor() {
    super('this chat is not available right now; please try again later');
    this.name = 'ChatUnavailableError';
  }
}

interface StandLog {
  /** Every written message of the stand, ascending ids. */
  messages: StoredChatMessage[];
  /** Chunk n holds ids n*CHUNK+1 ... (n+1)*CHUNK; a promise, so two appends never open one twice. */
  chunks: Promise<JsonDoc<ChunkFile>>[];
  /** The id the next message gets (ids of failed writes are not reused while running). */
  nextId: number;
  /** Conversation key -> the thread's newest message and newest visitor message. */
  heads: Map<string, ChatThreadHead>;
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

function noteHead(log: StandLog, m: StoredChatMessage): void {
  const key = conversationKey(m.standId, m.thread);
  const known = log.heads.get(key);
  const last = known && known.last.id > m.id ? known.last : m;
  const byVisitor = m.author.kind === 'visitor' && !(known?.lastByVisitor && known.lastByVisitor.id > m.id) ? m : known?.lastByVisitor;
  log.heads.set(key, { thread: m.thread, last, ...(byVisitor ? { lastByVisitor: byVisitor } : {}) });
}

/** Puts a written message (new or changed) into the stand's sorted list and heads. */
function remember(log: StandLog, m: StoredChatMessage): void {
  const i = firstAfter(log.messages, m.id - 1);
  if (log.messages[i]?.id === m.id) log.messages[i] = m;
  else log.messages.splice(i, 0, m);
  const head = log.heads.get(conversationKey(m.standId, m.thread));
  if (head && head.last.id === m.id) head.last = m;
  if (head && head.lastByVisitor?.id === m.id) head.lastByVisitor = m;
  noteHead(log, m);
}

export async function openChat(dir: string, ctx: LowdbContext = { disk: realDisk(), log: () => {} }): Promise<ChatStore> {
  const standsDir = path.join(dir, 'stands');
  await ctx.disk.mkdir(standsDir);
  const meta = await openJsonDoc<MetaFile>(path.join(dir, 'meta.json'), {
    schema: MetaFile,
    empty: { schema: 1, mutes: {}, quickReplies: {}, reads: {} },
    disk: ctx.disk,
  });
  const logs = new Map<string, Promise<StandLog>>();
  const withMessages = new Set(await fs.readdir(standsDir).catch(() => [] as string[]));
  /** Damaged files already in the log: said once, not on every visitor's join. */
  const reported = new Set<string>();

  function standDir(standId: string): string {
    // Ids come from validated floor files, but a path is built from them: check again.
    if (!StandId.safeParse(standId).success) throw new Error(`bad stand id "${standId}"`);
    return path.join(standsDir, standId);
  }

  function openChunk(standId: string, n: number): Promise<JsonDoc<ChunkFile>> {
    return openJsonDoc<ChunkFile>(path.join(standDir(standId), `${n}.json`), { schema: ChunkFile, empty: { schema: 1, messages: [] }, disk: ctx.disk });
  }

  async function load(standId: string): Promise<StandLog> {
    const files = await fs.readdir(standDir(standId)).catch(() => [] as string[]);
    const numbers = files
      .map((f) => /^(\d+)\.json$/.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    const log: StandLog = { messages: [], chunks: [], nextId: 1, heads: new Map() };
    for (const n of numbers) {
      const chunk = await openChunk(standId, n);
      log.chunks[n] = Promise.resolve(chunk);
      for (const m of chunk.data.messages) {
        log.messages.push(m);
        noteHead(log, m);
      }
    }
    log.messages.sort((a, b) => a.id - b.id);
    log.nextId = (log.messages.at(-1)?.id ?? 0) + 1;
    return log;
  }

  function standLog(standId: string): Promise<StandLog> {
    let p = logs.get(standId);
    if (!p) {
      p = load(standId).catch((e: unknown) => {
        // Forgotten, so that a file restored by the operator is read on the next try.
        logs.delete(standId);
        if (!(e instanceof StorageFileError)) throw e;
        if (!reported.has(e.file)) {
          reported.add(e.file);
          ctx.log(`[chat] ${e.message}`);
        }
        throw new ChatUnavailableError();
      });
      logs.set(standId, p);
    }
    return p;
  }

  function chunkOf(log: StandLog, standId: string, id: number): Promise<JsonDoc<ChunkFile>> {
    const n = Math.floor((id - 1) / CHUNK);
    let chunk = log.chunks[n];
    if (!chunk) {
      const opening = ctx.disk.mkdir(standDir(standId)).then(() => openChunk(standId, n));
      chunk = log.chunks[n] = opening;
      // A folder that could not be made (disk full) is tried again by the next message.
      opening.catch(() => {
        if (log.chunks[n] === opening) delete log.chunks[n];
      });
    }
    return chunk;
  }

  return {
    async addChatMessage(message) {
      const log = await standLog(message.standId);
      // The id is taken at once, so concurrent appends get consecutive ids; only writes overlap.
      const id = log.nextId++;
      const stored: StoredChatMessage = { ...message, id };
      const chunk = await chunkOf(log, message.standId, id);
      await chunk.update((cur) => ({ ...cur, messages: [...cur.messages, stored] }));
      remember(log, stored);
      withMessages.add(message.standId);
      return structuredClone(stored);
    },

    async getChatMessage(standId, id) {
      const log = await standLog(standId);
      const m = log.messages[firstAfter(log.messages, id - 1)];
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

    async chatThreadHeads(standId) {
      if (!withMessages.has(standId)) return [];
      const log = await standLog(standId);
      return [...log.heads.values()].map((h) => structuredClone(h));
    },

    async chatStandIds() {
      return [...withMessages];
    },

    async deleteChatMessage(standId, id, by, at) {
      const log = await standLog(standId);
      const m = log.messages[firstAfter(log.messages, id - 1)];
      if (!m || m.id !== id) return undefined;
      if (m.deleted) return structuredClone(m);
      const changed: StoredChatMessage = { ...m, deleted: true, text: '', deletedBy: by, deletedAt: at };
      const chunk = await chunkOf(log, standId, id);
      await chunk.update((cur) => ({ ...cur, messages: cur.messages.map((x) => (x.id === id ? changed : x)) }));
      remember(log, changed);
      return structuredClone(changed);
    },

    async setChatMute(standId, ref, until, by, dropEndedBefore) {
      await meta.update((cur) => {
        const kept = withoutKeys(own(cur.mutes, standId) ?? {}, (_r, m) => dropEndedBefore !== undefined && m.until < dropEndedBefore);
        return { ...cur, mutes: withKey(cur.mutes, standId, withKey(kept, ref, { until, by })) };
      });
    },

    async chatMutedUntil(standId, ref) {
      const stand = own(meta.data.mutes, standId);
      return stand && own(stand, ref)?.until;
    },

    async getQuickReplies(exhibitorId) {
      return [...(own(meta.data.quickReplies, exhibitorId) ?? [])];
    },

    async setQuickReplies(exhibitorId, replies) {
      const copy = [...replies];
      await meta.update((cur) => ({ ...cur, quickReplies: withKey(cur.quickReplies, exhibitorId, copy) }));
    },

    async chatReadMarks(accountId) {
      return { ...(own(meta.data.reads, accountId) ?? {}) };
    },

    async setChatReadMark(accountId, conversation, upTo) {
      await meta.update((cur) => {
        const marks = own(cur.reads, accountId) ?? {};
        if ((own(marks, conversation) ?? 0) >= upTo) return cur;
        return { ...cur, reads: withKey(cur.reads, accountId, withKey(marks, conversation, upTo)) };
      });
    },
  };
}
