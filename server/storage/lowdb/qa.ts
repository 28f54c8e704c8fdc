// Programme events' Q&A in their own files under data/qa/<eventId>/: questions, votes, polls,
// ballots, settings and mutes in qa.json; comments (the busy part) in comments.json, so a
// comment never rewrites the votes. Each file is a JsonDoc: a change is durable (fsynced)
// before it is acknowledged, and changes asked for during a write share the next one.
import path from 'node:path';
import { z } from 'zod';
import { EventId, POLL_STATUSES, QUESTION_STATUSES } from '../../../shared/qa.ts';
import type { NewPoll, NewQaComment, NewQuestion, QaStore, StoredPoll, StoredQaComment, StoredQuestion } from '../qaStore.ts';
import type { LowdbContext } from './context.ts';
import { type JsonDoc, openJsonDoc } from './jsonFile.ts';
import { own, withKey } from './own.ts';

const StoredQuestionSchema = z.object({
  eventId: z.string(),
  id: z.number().int(),
  askerRef: z.string(),
  text: z.string(),
  name: z.string().nullable(),
  anonymous: z.boolean(),
  status: z.enum(QUESTION_STATUSES),
  pinnedAt: z.number().nullable(),
  askedAt: z.number(),
  answeredAt: z.number().nullable(),
  answer: z.object({ text: z.string(), at: z.number(), by: z.string() }).nullable(),
  mergedInto: z.number().int().nullable(),
  merged: z.number().int(),
});
const StoredPollSchema = z.object({
  eventId: z.string(),
  id: z.number().int(),
  question: z.string(),
  options: z.array(z.string()),
  multiple: z.boolean(),
  status: z.enum(POLL_STATUSES),
});
const StoredCommentSchema = z.object({
  eventId: z.string(),
  id: z.number().int(),
  author: z.object({ kind: z.enum(['visitor', 'moderator']), name: z.string() }),
  text: z.string(),
  at: z.number(),
  deleted: z.boolean(),
  authorRef: z.string().optional(),
  accountId: z.string().optional(),
  deletedBy: z.string().optional(),
});

const QaFile = z.object({
  schema: z.literal(1),
  questions: z.array(StoredQuestionSchema),
  /** question id → voter refs. */
  votes: z.record(z.string(), z.array(z.string())),
  polls: z.array(StoredPollSchema),
  /** poll id → voter ref → choices. */
  ballots: z.record(z.string(), z.record(z.string(), z.array(z.number().int()))),
  settings: z.object({ slowModeSeconds: z.number().int() }),
  mutes: z.record(z.string(), z.object({ until: z.number(), by: z.string() })),
});
type QaFile = z.infer<typeof QaFile>;
const CommentsFile = z.object({ schema: z.literal(1), comments: z.array(StoredCommentSchema) });
type CommentsFile = z.infer<typeof CommentsFile>;

const EMPTY_QA: QaFile = { schema: 1, questions: [], votes: {}, polls: [], ballots: {}, settings: { slowModeSeconds: 0 }, mutes: {} };

interface EventDocs {
  qa: JsonDoc<QaFile>;
  comments: JsonDoc<CommentsFile>;
}

export async function openQa(dir: string, ctx: LowdbContext): Promise<QaStore> {
  // A promise per event, so two first uses never open its files twice.
  const events = new Map<string, Promise<EventDocs>>();

  function docs(eventId: string): Promise<EventDocs> {
    // Event ids become folder names: only the programme's id shape gets that far.
    if (!EventId.safeParse(eventId).success) return Promise.reject(new Error(`bad event id "${eventId}"`));
    let open = events.get(eventId);
    if (!open) {
      const folder = path.join(dir, eventId);
      open = (async () => ({
        qa: await openJsonDoc<QaFile>(path.join(folder, 'qa.json'), { schema: QaFile, empty: EMPTY_QA, disk: ctx.disk }),
        comments: await openJsonDoc<CommentsFile>(path.join(folder, 'comments.json'), { schema: CommentsFile, empty: { schema: 1, comments: [] }, disk: ctx.disk }),
      }))();
      // A failed open (damaged file) is tried again on the next use, and logged.
      open.catch((e: unknown) => {
        events.delete(eventId);
        ctx.log(`[storage] Q&A of event ${eventId}: ${e instanceof Error ? e.message : String(e)}`);
      });
      events.set(eventId, open);
    }
    return open;
  }

  const nextId = (items: readonly { id: number }[]) => (items.at(-1)?.id ?? 0) + 1;

  function replaceById<T extends { id: number }>(items: readonly T[], item: T, what: string): T[] {
    const at = items.findIndex((i) => i.id === item.id);
    if (at < 0) throw new Error(`no ${what} ${item.id}`);
    return items.with(at, item);
  }

  return {
    async qaSnapshot(eventId, commentLimit) {
      const { qa, comments } = await docs(eventId);
      const d = qa.data;
      return structuredClone({
        questions: d.questions.map((q) => ({ ...q, votes: own(d.votes, String(q.id))?.length ?? 0 })),
        polls: d.polls.map((p) => {
          const ballots = Object.values(own(d.ballots, String(p.id)) ?? {});
          return { ...p, counts: p.options.map((_, i) => ballots.filter((b) => b.includes(i)).length), voters: ballots.length };
        }),
        comments: commentLimit > 0 ? comments.data.comments.slice(-commentLimit) : [],
        settings: d.settings,
      });
    },
    async addQaQuestion(question: NewQuestion) {
      const { qa } = await docs(question.eventId);
      let made: StoredQuestion | undefined;
      await qa.update((cur) => {
        made = { ...structuredClone(question), id: nextId(cur.questions) };
        return { ...cur, questions: [...cur.questions, made] };
      });
      return structuredClone(made!);
    },
    async putQaQuestion(question) {
      const { qa } = await docs(question.eventId);
      const valid = StoredQuestionSchema.parse(question);
      await qa.update((cur) => ({ ...cur, questions: replaceById(cur.questions, valid, 'question') }));
    },
    async addQaVote(eventId, questionId, voter) {
      const { qa } = await docs(eventId);
      let added = false;
      await qa.update((cur) => {
        added = false;
        if (!cur.questions.some((q) => q.id === questionId)) throw new Error(`no question ${questionId}`);
        const voters = own(cur.votes, String(questionId)) ?? [];
        if (voters.includes(voter)) return cur;
        added = true;
        return { ...cur, votes: withKey(cur.votes, String(questionId), [...voters, voter]) };
      });
      return added;
    },
    async qaVotesOf(eventId, voter) {
      const { qa } = await docs(eventId);
      return Object.entries(qa.data.votes)
        .filter(([, voters]) => voters.includes(voter))
        .map(([id]) => Number(id))
        .sort((a, b) => a - b);
    },

    async addQaComment(comment: NewQaComment) {
      const { comments } = await docs(comment.eventId);
      let made: StoredQaComment | undefined;
      await comments.update((cur) => {
        made = { ...structuredClone(comment), id: nextId(cur.comments), deleted: false };
        return { ...cur, comments: [...cur.comments, made] };
      });
      return structuredClone(made!);
    },
    async getQaComment(eventId, id) {
      const { comments } = await docs(eventId);
      const c = comments.data.comments.find((m) => m.id === id);
      return c && structuredClone(c);
    },
    async deleteQaComment(eventId, id, by) {
      const { comments } = await docs(eventId);
      if (!comments.data.comments.some((m) => m.id === id)) return undefined;
      const next = await comments.update((cur) => {
        const at = cur.comments.findIndex((m) => m.id === id);
        return { ...cur, comments: cur.comments.with(at, { ...cur.comments[at]!, text: '', deleted: true, deletedBy: by }) };
      });
      const c = next.comments.find((m) => m.id === id);
      return c && structuredClone(c);
    },

    async addQaPoll(poll: NewPoll) {
      const { qa } = await docs(poll.eventId);
      let made: StoredPoll | undefined;
      await qa.update((cur) => {
        made = { ...structuredClone(poll), id: nextId(cur.polls) };
        return { ...cur, polls: [...cur.polls, made] };
      });
      return structuredClone(made!);
    },
    async putQaPoll(poll) {
      const { qa } = await docs(poll.eventId);
      const valid = StoredPollSchema.parse(poll);
      await qa.update((cur) => ({ ...cur, polls: replaceById(cur.polls, valid, 'poll') }));
    },
    async addQaBallot(eventId, pollId, voter, choices) {
      const { qa } = await docs(eventId);
      let added = false;
      await qa.update((cur) => {
        added = false;
        if (!cur.polls.some((p) => p.id === pollId)) throw new Error(`no poll ${pollId}`);
        const ballots = own(cur.ballots, String(pollId)) ?? {};
        if (own(ballots, voter)) return cur;
        added = true;
        return { ...cur, ballots: withKey(cur.ballots, String(pollId), withKey(ballots, voter, [...choices])) };
      });
      return added;
    },
    async qaBallotsOf(eventId, voter) {
      const { qa } = await docs(eventId);
      const out: Record<string, number[]> = {};
      for (const [pollId, ballots] of Object.entries(qa.data.ballots)) {
        const b = own(ballots, voter);
        if (b) out[pollId] = [...b];
      }
      return out;
    },

    async setQaSettings(eventId, settings) {
      const { qa } = await docs(eventId);
      await qa.update((cur) => ({ ...cur, settings: { slowModeSeconds: settings.slowModeSeconds } }));
    },
    async setQaMute(eventId, ref, until, by) {
      const { qa } = await docs(eventId);
      await qa.update((cur) => ({ ...cur, mutes: withKey(cur.mutes, ref, { until, by }) }));
    },
    async qaMutedUntil(eventId, ref) {
      const { qa } = await docs(eventId);
      return own(qa.data.mutes, ref)?.until;
    },
  };
}
