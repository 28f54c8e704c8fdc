// Programme events' Q&A in PostgreSQL (migration 'qa'). Ids: the event's row in qa_events
// holds the newest id of each kind, moved on in the same transaction as the insert, so ids
// increase without gaps across processes and a failed insert gives its id back. Votes and
// ballots are rows keyed by (event, item, voter): the primary key makes them once per voter.
import type { QaComment } from '../../../shared/qa.ts';
import type { QaSettings, QaSnapshot, QaStore, StoredPoll, StoredQaComment, StoredQuestion } from '../qaStore.ts';
import { type Db, type Queryable, jsonParam, noNul } from './db.ts';

type IdKind = 'question' | 'comment' | 'poll';

async function nextId(q: Queryable, eventId: string, kind: IdKind): Promise<number> {
  const column = `last_${kind}`;
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO qa_events (event_id, ${column}) VALUES ($1, 1)
     ON CONFLICT (event_id) DO UPDATE SET ${column} = qa_events.${column} + 1
     RETURNING ${column} AS id`,
    [eventId],
  );
  return rows[0]!.id;
}

interface CommentRow {
  id: number;
  author: QaComment['author'];
  text: string;
  at: string;
  deleted: boolean;
  author_ref: string | null;
  account_id: string | null;
  deleted_by: string | null;
  event_id: string;
}

function commentOf(r: CommentRow): StoredQaComment {
  return {
    eventId: r.event_id,
    id: r.id,
    author: r.author,
    text: r.text,
    at: Number(r.at),
    deleted: r.deleted,
    ...(r.author_ref !== null ? { authorRef: r.author_ref } : {}),
    ...(r.account_id !== null ? { accountId: r.account_id } : {}),
    ...(r.deleted_by !== null ? { deletedBy: r.deleted_by } : {}),
  };
}

export function pgQa(db: Db): QaStore {
  return {
    async qaSnapshot(eventId, commentLimit): Promise<QaSnapshot> {
      const questions = await db.query<{ data: StoredQuestion; votes: string }>(
        `SELECT q.data, (SELECT count(*) FROM qa_votes v WHERE v.event_id = q.event_id AND v.question_id = q.id) AS votes
         FROM qa_questions q WHERE q.event_id = $1 ORDER BY q.id`,
        [eventId],
      );
      const polls = await db.query<{ id: number; data: StoredPoll }>('SELECT id, data FROM qa_polls WHERE event_id = $1 ORDER BY id', [eventId]);
      const ballots = await db.query<{ poll_id: number; choices: number[] }>('SELECT poll_id, choices FROM qa_ballots WHERE event_id = $1', [eventId]);
      const comments = await db.query<CommentRow>(
        'SELECT * FROM (SELECT * FROM qa_comments WHERE event_id = $1 ORDER BY id DESC LIMIT $2) c ORDER BY id',
        [eventId, Math.max(0, commentLimit)],
      );
      const settings = await db.query<{ settings: QaSettings | null }>('SELECT settings FROM qa_events WHERE event_id = $1', [eventId]);
      return {
        questions: questions.rows.map((r) => ({ ...r.data, votes: Number(r.votes) })),
        polls: polls.rows.map((r) => {
          const mine = ballots.rows.filter((b) => b.poll_id === r.id);
          return { ...r.data, counts: r.data.options.map((_, i) => mine.filter((b) => b.choices.includes(i)).length), voters: mine.length };
        }),
        comments: comments.rows.map(commentOf),
        settings: settings.rows[0]?.settings ?? { slowModeSeconds: 0 },
      };
    },
    async addQaQuestion(question) {
      return db.tx(async (q) => {
        const made: StoredQuestion = { ...question, id: await nextId(q, question.eventId, 'question') };
        await q.query('INSERT INTO qa_questions (event_id, id, data) VALUES ($1, $2, $3::jsonb)', [made.eventId, made.id, jsonParam(made)]);
        return made;
      });
    },
    async putQaQuestion(question) {
      const { rowCount } = await db.query('UPDATE qa_questions SET data = $3::jsonb WHERE event_id = $1 AND id = $2', [
        question.eventId,
        question.id,
        jsonParam(question),
      ]);
      if (!rowCount) throw new Error(`no question ${question.id}`);
    },
    async addQaVote(eventId, questionId, voter) {
      const { rowCount } = await db.query(
        `INSERT INTO qa_votes (event_id, question_id, voter)
         SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM qa_questions WHERE event_id = $1 AND id = $2)
         ON CONFLICT DO NOTHING`,
        [eventId, questionId, voter],
      );
      if (rowCount) return true;
      const { rows } = await db.query('SELECT 1 FROM qa_questions WHERE event_id = $1 AND id = $2', [eventId, questionId]);
      if (rows.length === 0) throw new Error(`no question ${questionId}`);
      return false;
    },
    async qaVotesOf(eventId, voter) {
      const { rows } = await db.query<{ question_id: number }>('SELECT question_id FROM qa_votes WHERE event_id = $1 AND voter = $2 ORDER BY question_id', [
        eventId,
        voter,
      ]);
      return rows.map((r) => r.question_id);
    },

    async addQaComment(comment) {
      return db.tx(async (q) => {
        const id = await nextId(q, comment.eventId, 'comment');
        const { rows } = await q.query<CommentRow>(
          `INSERT INTO qa_comments (event_id, id, author, text, at, deleted, author_ref, account_id)
           VALUES ($1, $2, $3::jsonb, $4, $5, false, $6, $7) RETURNING *`,
          [comment.eventId, id, jsonParam(comment.author), noNul(comment.text), comment.at, comment.authorRef ?? null, comment.accountId ?? null],
        );
        return commentOf(rows[0]!);
      });
    },
    async getQaComment(eventId, id) {
      const { rows } = await db.query<CommentRow>('SELECT * FROM qa_comments WHERE event_id = $1 AND id = $2', [eventId, id]);
      return rows[0] && commentOf(rows[0]);
    },
    async deleteQaComment(eventId, id, by) {
      const { rows } = await db.query<CommentRow>(
        "UPDATE qa_comments SET text = '', deleted = true, deleted_by = $3 WHERE event_id = $1 AND id = $2 RETURNING *",
        [eventId, id, by],
      );
      return rows[0] && commentOf(rows[0]);
    },

    async addQaPoll(poll) {
      return db.tx(async (q) => {
        const made: StoredPoll = { ...poll, id: await nextId(q, poll.eventId, 'poll') };
        await q.query('INSERT INTO qa_polls (event_id, id, data) VALUES ($1, $2, $3::jsonb)', [made.eventId, made.id, jsonParam(made)]);
        return made;
      });
    },
    async putQaPoll(poll) {
      const { rowCount } = await db.query('UPDATE qa_polls SET data = $3::jsonb WHERE event_id = $1 AND id = $2', [poll.eventId, poll.id, jsonParam(poll)]);
      if (!rowCount) throw new Error(`no poll ${poll.id}`);
    },
    async addQaBallot(eventId, pollId, voter, choices) {
      const { rowCount } = await db.query(
        `INSERT INTO qa_ballots (event_id, poll_id, voter, choices)
         SELECT $1, $2, $3, $4::integer[] WHERE EXISTS (SELECT 1 FROM qa_polls WHERE event_id = $1 AND id = $2)
         ON CONFLICT DO NOTHING`,
        [eventId, pollId, voter, choices],
      );
      if (rowCount) return true;
      const { rows } = await db.query('SELECT 1 FROM qa_polls WHERE event_id = $1 AND id = $2', [eventId, pollId]);
      if (rows.length === 0) throw new Error(`no poll ${pollId}`);
      return false;
    },
    async qaBallotsOf(eventId, voter) {
      const { rows } = await db.query<{ poll_id: number; choices: number[] }>('SELECT poll_id, choices FROM qa_ballots WHERE event_id = $1 AND voter = $2', [
        eventId,
        voter,
      ]);
      return Object.fromEntries(rows.map((r) => [String(r.poll_id), r.choices]));
    },

    async setQaSettings(eventId, settings) {
      await db.query(
        `INSERT INTO qa_events (event_id, settings) VALUES ($1, $2::jsonb)
         ON CONFLICT (event_id) DO UPDATE SET settings = excluded.settings`,
        [eventId, jsonParam({ slowModeSeconds: settings.slowModeSeconds })],
      );
    },
    async setQaMute(eventId, ref, until, by) {
      await db.query(
        `INSERT INTO qa_mutes (event_id, ref, until, by_account) VALUES ($1, $2, $3, $4)
         ON CONFLICT (event_id, ref) DO UPDATE SET until = excluded.until, by_account = excluded.by_account`,
        [eventId, ref, until, by],
      );
    },
    async qaMutedUntil(eventId, ref) {
      const { rows } = await db.query<{ until: string }>('SELECT until FROM qa_mutes WHERE event_id = $1 AND ref = $2', [eventId, ref]);
      return rows[0] ? Number(rows[0].until) : undefined;
    },
  };
}
