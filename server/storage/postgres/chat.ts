// Stand chats in PostgreSQL. Ids: the stand's row in chat_stands holds its newest id, and the
// statement that inserts messages moves it on, so ids increase without gaps across every
// process (the row lock orders concurrent posters) and a failed insert gives its ids back.
// Within one process, messages to a stand are written in the order they were asked for, in
// batches: posts that arrive while a write runs share the next statement (one commit).
import type { ChatAuthor, ChatThread } from '../../../shared/chat.ts';
import type { ChatQuery, ChatSlice, ChatStore, ChatThreadHead, NewChatMessage, StoredChatMessage } from '../chatStore.ts';
import { type Db, jsonParam, noNul } from './db.ts';

/** Most messages one statement writes (bounds its size; the rest go in the next). */
const BATCH_MAX = 500;

const COLUMNS = 'stand_id, id, thread, author, text, at, deleted, account_id, deleted_by, deleted_at';

interface MessageRow {
  stand_id: string;
  id: number;
  thread: string | null;
  author: ChatAuthor;
  text: string;
  at: number;
  deleted: boolean;
  account_id: string | null;
  deleted_by: string | null;
  deleted_at: number | null;
}

function messageOf(r: MessageRow): StoredChatMessage {
  return {
    id: r.id,
    standId: r.stand_id,
    thread: r.thread,
    author: r.author,
    text: r.text,
    at: r.at,
    ...(r.deleted ? { deleted: true } : {}),
    ...(r.account_id !== null ? { accountId: r.account_id } : {}),
    ...(r.deleted_by !== null ? { deletedBy: r.deleted_by } : {}),
    ...(r.deleted_at !== null ? { deletedAt: r.deleted_at } : {}),
  };
}

/** SQL condition on `thread` for a query's threads, with its parameters numbered from `from`. */
function threadFilter(threads: 'all' | readonly ChatThread[], from: number): { sql: string; values: unknown[] } {
  if (threads === 'all') return { sql: 'TRUE', values: [] };
  const refs = threads.filter((t): t is string => t !== null);
  return { sql: `(thread = ANY($${from}::text[]) OR (thread IS NULL AND $${from + 1}::boolean))`, values: [refs, threads.includes(null)] };
}

interface Pending {
  message: NewChatMessage;
  resolve(m: StoredChatMessage): void;
  reject(e: unknown): void;
}

export function pgChat(db: Db): ChatStore {
  /** Per stand: messages waiting for the next write, and whether one runs. */
  const queues = new Map<string, { waiting: Pending[]; writing: boolean }>();

  async function insert(standId: string, batch: readonly NewChatMessage[]): Promise<number[]> {
    const { rows } = await db.query<{ id: number }>(
      `WITH next AS (
         INSERT INTO chat_stands (stand_id, last_id) VALUES ($1, $2::integer)
         ON CONFLICT (stand_id) DO UPDATE SET last_id = chat_stands.last_id + excluded.last_id
         RETURNING last_id
       )
       INSERT INTO chat_messages (stand_id, id, thread, author, text, at, account_id)
       SELECT $1, next.last_id - $2::integer + m.n::integer, m.thread, m.author, m.text, m.at, m.account_id
       FROM next, unnest($3::text[], $4::jsonb[], $5::text[], $6::double precision[], $7::text[])
                  WITH ORDINALITY AS m(thread, author, text, at, account_id, n)
       RETURNING id`,
      [
        standId,
        batch.length,
        batch.map((m) => noNul(m.thread)),
        batch.map((m) => jsonParam(m.author)),
        batch.map((m) => noNul(m.text)),
        batch.map((m) => m.at),
        batch.map((m) => noNul(m.accountId) ?? null),
      ],
    );
    return rows.map((r) => r.id).sort((a, b) => a - b);
  }

  function kick(standId: string): void {
    const q = queues.get(standId);
    if (!q || q.writing) return;
    if (q.waiting.length === 0) {
      queues.delete(standId);
      return;
    }
    q.writing = true;
    const batch = q.waiting.splice(0, BATCH_MAX);
    void insert(
      standId,
      batch.map((p) => p.message),
    )
      .then(
        (ids) => batch.forEach((p, i) => p.resolve({ ...structuredClone(p.message), id: ids[i]! })),
        (e: unknown) => batch.forEach((p) => p.reject(e)),
      )
      .finally(() => {
        q.writing = false;
        kick(standId);
      });
  }

  async function one(sql: string, values: unknown[]): Promise<StoredChatMessage | undefined> {
    const { rows } = await db.query<MessageRow>(sql, values);
    return rows[0] && messageOf(rows[0]);
  }

  function getChatMessage(standId: string, id: number): Promise<StoredChatMessage | undefined> {
    return one(`SELECT ${COLUMNS} FROM chat_messages WHERE stand_id = $1 AND id = $2`, [standId, id]);
  }

  return {
    addChatMessage(message) {
      return new Promise<StoredChatMessage>((resolve, reject) => {
        let q = queues.get(message.standId);
        if (!q) queues.set(message.standId, (q = { waiting: [], writing: false }));
        q.waiting.push({ message, resolve, reject });
        kick(message.standId);
      });
    },

    getChatMessage,

    async chatMessages(standId, q: ChatQuery): Promise<ChatSlice> {
      const threads = threadFilter(q.threads, 3);
      const limit = Math.max(0, Math.floor(q.limit));
      // One more than asked for tells whether more exist beyond the page.
      const values = [standId, limit + 1, ...threads.values];
      let rows: MessageRow[];
      if (q.after !== undefined) {
        values.push(q.after);
        ({ rows } = await db.query<MessageRow>(
          `SELECT ${COLUMNS} FROM chat_messages WHERE stand_id = $1 AND id > $${values.length} AND ${threads.sql} ORDER BY id LIMIT $2`,
          values,
        ));
      } else {
        let before = '';
        if (q.before !== undefined) {
          values.push(q.before);
          before = `AND id < $${values.length}`;
        }
        ({ rows } = await db.query<MessageRow>(
          `SELECT ${COLUMNS} FROM chat_messages WHERE stand_id = $1 ${before} AND ${threads.sql} ORDER BY id DESC LIMIT $2`,
          values,
        ));
        rows.reverse();
      }
      const more = rows.length > limit;
      // The extra row is the newest for `after` (read upwards) and the oldest otherwise.
      const page = !more ? rows : q.after !== undefined ? rows.slice(0, limit) : rows.slice(1);
      return { messages: page.map(messageOf), more };
    },

    async chatLastId(standId) {
      const { rows } = await db.query<{ last_id: number }>('SELECT last_id FROM chat_stands WHERE stand_id = $1', [standId]);
      return rows[0]?.last_id ?? 0;
    },

    async chatCount(standId, q) {
      const threads = threadFilter(q.threads, 4);
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::integer AS n FROM chat_messages
         WHERE stand_id = $1 AND id > $2 AND author_kind = $3 AND NOT deleted AND ${threads.sql}`,
        [standId, q.after, q.authorKind, ...threads.values],
      );
      return rows[0]?.n ?? 0;
    },

    async chatThreadHeads(standId) {
      const { rows } = await db.query<{ last: MessageRow; by_visitor: MessageRow | null }>(
        `WITH last AS (
           SELECT DISTINCT ON (thread) ${COLUMNS} FROM chat_messages WHERE stand_id = $1 ORDER BY thread, id DESC
         ), by_visitor AS (
           SELECT DISTINCT ON (thread) ${COLUMNS} FROM chat_messages WHERE stand_id = $1 AND author_kind = 'visitor' ORDER BY thread, id DESC
         )
         SELECT row_to_json(l) AS last, row_to_json(v) AS by_visitor
         FROM last l LEFT JOIN by_visitor v ON v.thread IS NOT DISTINCT FROM l.thread`,
        [standId],
      );
      return rows.map((r): ChatThreadHead => {
        const last = messageOf(r.last);
        return { thread: last.thread, last, ...(r.by_visitor ? { lastByVisitor: messageOf(r.by_visitor) } : {}) };
      });
    },

    async chatStandIds() {
      const { rows } = await db.query<{ stand_id: string }>('SELECT stand_id FROM chat_stands');
      return rows.map((r) => r.stand_id);
    },

    async deleteChatMessage(standId, id, by, at) {
      const changed = await one(
        `UPDATE chat_messages SET deleted = true, text = '', deleted_by = $3, deleted_at = $4
         WHERE stand_id = $1 AND id = $2 AND NOT deleted RETURNING ${COLUMNS}`,
        [standId, id, noNul(by), at],
      );
      // Nothing changed: no such message, or it was deleted already (then it is as it was).
      return changed ?? getChatMessage(standId, id);
    },

    async setChatMute(standId, ref, until, by, dropEndedBefore) {
      await db.tx(async (q) => {
        if (dropEndedBefore !== undefined) await q.query('DELETE FROM chat_mutes WHERE stand_id = $1 AND muted_until < $2', [standId, dropEndedBefore]);
        await q.query(
          `INSERT INTO chat_mutes (stand_id, ref, muted_until, muted_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (stand_id, ref) DO UPDATE SET muted_until = excluded.muted_until, muted_by = excluded.muted_by`,
          [noNul(standId), noNul(ref), until, noNul(by)],
        );
      });
    },

    async chatMutedUntil(standId, ref) {
      const { rows } = await db.query<{ muted_until: number }>('SELECT muted_until FROM chat_mutes WHERE stand_id = $1 AND ref = $2', [standId, ref]);
      return rows[0]?.muted_until;
    },

    async getQuickReplies(exhibitorId) {
      const { rows } = await db.query<{ replies: string[] }>('SELECT replies FROM chat_quick_replies WHERE exhibitor_id = $1', [exhibitorId]);
      return rows[0]?.replies ?? [];
    },

    async setQuickReplies(exhibitorId, replies) {
      await db.query(
        `INSERT INTO chat_quick_replies (exhibitor_id, replies) VALUES ($1, $2)
         ON CONFLICT (exhibitor_id) DO UPDATE SET replies = excluded.replies`,
        [noNul(exhibitorId), replies.map(noNul)],
      );
    },

    async chatReadMarks(accountId) {
      const { rows } = await db.query<{ conversation: string; up_to: number }>('SELECT conversation, up_to FROM chat_read_marks WHERE account_id = $1', [accountId]);
      // Conversation keys are a stand id and a ref: never Object.prototype names, but build own keys anyway.
      return Object.fromEntries(rows.map((r) => [r.conversation, r.up_to]));
    },

    async setChatReadMark(accountId, conversation, upTo) {
      // Marks only move forward, whichever process writes last.
      await db.query(
        `INSERT INTO chat_read_marks (account_id, conversation, up_to) VALUES ($1, $2, $3)
         ON CONFLICT (account_id, conversation) DO UPDATE SET up_to = greatest(chat_read_marks.up_to, excluded.up_to)`,
        [noNul(accountId), noNul(conversation), upTo],
      );
    },
  };
}
