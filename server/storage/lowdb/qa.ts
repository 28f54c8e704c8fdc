// Programme events' Q&A in their own files under data/qa/<eventId>/: questions, polls,
// settings and mutes in qa.json; comments in comments.json; each question's up-voters in
// votes/<id>.json and each poll's ballots in ballots/<id>.json. So the busy writes (votes,
// ballots, comments) each rewrite one small file and never hold up an approval behind them.
// Each file is a JsonDoc: a change is durable (fsynced) before it is acknowledged, and
// changes asked for during a write share the next one.
import fs from 'node:fs/promises';
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

export const QaFile = z.object({
  schema: z.literal(1),
  questions: z.array(StoredQuestionSchema),
  polls: z.array(StoredPollSchema),
  settings: z.object({ slowModeSeconds: z.number().int() }),
  mutes: z.record(z.string(), z.object({ until: z.number(), by: z.string() })),
});
type QaFile = z.infer<typeof QaFile>;
export const CommentsFile = z.object({ schema: z.literal(1), comments: z.array(StoredCommentSchema) });
type CommentsFile = z.infer<typeof CommentsFile>;
/** One question's voters, or one poll's ballots (voter ref → choices). */
export const VotesFile = z.object({ schema: z.literal(1), voters: z.array(z.string()) });
type VotesFile = z.infer<typeof VotesFile>;
export const BallotsFile = z.object({ schema: z.literal(1), ballots: z.record(z.string(), z.array(z.number().int())) });
type BallotsFile = z.infer<typeof BallotsFile>;

const EMPTY_QA: QaFile = { schema: 1, questions: [], polls: [], settings: { slowModeSeconds: 0 }, mutes: {} };

interface EventDocs {
  qa: JsonDoc<QaFile>;
  comments: JsonDoc<CommentsFile>;
  /** question id → its voters' file; poll id → its ballots' file (opened at first use of the event). */
  votes: Map<number, Promise<JsonDoc<VotesFile>>>;
  ballots: Map<number, Promise<JsonDoc<BallotsFile>>>;
  folder: string;
}

/** The numbers n of the n.json files in a folder (none when it does not exist). */
async function numberedFiles(dir: string): Promise<number[]> {
  try {
    return (await fs.readdir(dir)).flatMap((f) => (/^\d+\.json$/.test(f) ? [Number(f.slice(0, -5))] : []));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
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
      open = (async () => {
        const d: EventDocs = {
          qa: await openJsonDoc<QaFile>(path.join(folder, 'qa.json'), { schema: QaFile, empty: EMPTY_QA, disk: ctx.disk }),
          comments: await openJsonDoc<CommentsFile>(path.join(folder, 'comments.json'), { schema: CommentsFile, empty: { schema: 1, comments: [] }, disk: ctx.disk }),
          votes: new Map(),
          ballots: new Map(),
          folder,
        };
        for (const n of await numberedFiles(path.join(folder, 'votes'))) void votesDoc(d, n);
        for (const n of await numberedFiles(path.join(folder, 'ballots'))) void ballotsDoc(d, n);
        await Promise.all([...d.votes.values(), ...d.ballots.values()]);
        return d;
      })();
      // A failed open (damaged file) is tried again on the next use, and logged.
      open.catch((e: unknown) => {
        events.delete(eventId);
        ctx.log(`[storage] Q&A of event ${eventId}: ${e instanceof Error ? e.message : String(e)}`);
      });
      events.set(eventId, open);
    }
    return open;
  }

  function votesDoc(d: EventDocs, id: number): Promise<JsonDoc<VotesFile>> {
    let doc = d.votes.get(id);
    if (!doc) {
      doc = openJsonDoc<VotesFile>(path.join(d.folder, 'votes', `${id}.json`), { schema: VotesFile, empty: { schema: 1, voters: [] }, disk: ctx.disk });
      doc.catch(() => d.votes.delete(id));
      d.votes.set(id, doc);
    }
    return doc;
  }

  function ballotsDoc(d: EventDocs, id: number): Promise<JsonDoc<BallotsFile>> {
    let doc = d.ballots.get(id);
    if (!doc) {
      doc = openJsonDoc<BallotsFile>(path.join(d.folder, 'ballots', `${id}.json`), { schema: BallotsFile, empty: { schema: 1, ballots: {} }, disk: ctx.disk });
      doc.catch(() => d.ballots.delete(id));
      d.ballots.set(id, doc);
    }
    return doc;
  }

  const nextId = (items: readonly { id: number }[]) => (items.at(-1)?.id ?? 0) + 1;

  function replaceById<T extends { id: number }>(items: readonly T[], item: T, what: string): T[] {
    const at = items.findIndex((i) => i.id === item.id);
    if (at < 0) throw new Error(`no ${what} ${item.id}`);
    return items.with(at, item);
  }

  return {
    async qaSnapshot(eventId, commentLimit) {
      const e = await docs(eventId);
      const d = e.qa.data;
      const votes = new Map(await Promise.all([...e.votes].map(async ([id, doc]) => [id, (await doc).data.voters.length] as const)));
      const ballots = new Map(await Promise.all([...e.ballots].map(async ([id, doc]) => [id, Object.values((await doc).data.ballots)] as const)));
      return structuredClone({
        questions: d.questions.map((q) => ({ ...q, votes: votes.get(q.id) ?? 0 })),
        polls: d.polls.map((p) => {
          const cast = ballots.get(p.id) ?? [];
          return { ...p, counts: p.options.map((_, i) => cast.filter((b) => b.includes(i)).length), voters: cast.length };
        }),
        comments: commentLimit > 0 ? e.comments.data.comments.slice(-commentLimit) : [],
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
      const e = await docs(eventId);
      if (!e.qa.data.questions.some((q) => q.id === questionId)) throw new Error(`no question ${questionId}`);
      const doc = await votesDoc(e, questionId);
      let added = false;
      await doc.update((cur) => {
        added = !cur.voters.includes(voter);
        return added ? { ...cur, voters: [...cur.voters, voter] } : cur;
      });
      return added;
    },
    async qaVotesOf(eventId, voter) {
      const e = await docs(eventId);
      const out: number[] = [];
      for (const [id, doc] of e.votes) if ((await doc).data.voters.includes(voter)) out.push(id);
      return out.sort((a, b) => a - b);
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
      const e = await docs(eventId);
      if (!e.qa.data.polls.some((p) => p.id === pollId)) throw new Error(`no poll ${pollId}`);
      const doc = await ballotsDoc(e, pollId);
      let added = false;
      await doc.update((cur) => {
        added = own(cur.ballots, voter) === undefined;
        return added ? { ...cur, ballots: withKey(cur.ballots, voter, [...choices]) } : cur;
      });
      return added;
    },
    async qaBallotsOf(eventId, voter) {
      const e = await docs(eventId);
      const out: Record<string, number[]> = {};
      for (const [id, doc] of e.ballots) {
        const b = own((await doc).data.ballots, voter);
        if (b) out[String(id)] = [...b];
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
