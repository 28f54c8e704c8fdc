// Moderated Q&A, comments, polls and reactions of a programme event (one room per event):
// the wire model, the message names and payload schemas, and the pure rules both sides
// apply (text limits, what a moderator action does to a question, poll ballots, ordering).
// No clocks or I/O: the server stamps ids and times.
import { z } from 'zod';
import { MUTE_MINUTES_MAX, cleanChatText, textLength } from './chat.ts';
import type { Announcement } from './organiser.ts';

/** Longest question and comment, in characters after cleaning. */
export const QUESTION_MAX = 500;
export const COMMENT_MAX = 300;
export const ANSWER_MAX = 2000;
/** Longer input is refused before it is even cleaned. */
const HARD_MAX = 16_384;
/** Slow mode: at most one comment per visitor per this many seconds (0: off). */
export const SLOW_MODE_MAX = 600;
/** Comments sent at joining. */
export const COMMENTS_AT_JOIN = 100;
/** Polls: 2 to 8 options. */
export const POLL_OPTIONS_MIN = 2;
export const POLL_OPTIONS_MAX = 8;
export const POLL_TEXT_MAX = 200;
/** The reactions on offer, and how often one visitor may send one. */
export const REACTIONS = ['👍', '❤️', '👏', '😂', '🤔'] as const;
export type Reaction = (typeof REACTIONS)[number];
export const REACTION_EVERY_MS = 2000;
/** The server sums reactions and sends one aggregate this often. */
export const REACTION_TICK_MS = 1000;

/** A programme event id (shared/programme/schema.ts Id). */
export const EventId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(80);

export const QUESTION_STATUSES = ['pending', 'approved', 'rejected', 'merged'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export interface WrittenAnswer {
  text: string;
  at: number;
  by: string;
}

/** A question as clients see it. Nobody is told who asked an anonymous one, moderators included. */
export interface Question {
  id: number;
  text: string;
  /** The asker's display name; null when anonymous. */
  name: string | null;
  anonymous: boolean;
  status: QuestionStatus;
  votes: number;
  /** When pinned (ms), or null: pinned ones come first, the latest pin on top. */
  pinnedAt: number | null;
  askedAt: number;
  /** Marked "answered live" at this time (ms; the stream time follows from PROGRAM-DATE-TIME). */
  answeredAt: number | null;
  answer: WrittenAnswer | null;
  /** Merged into this question (a duplicate). */
  mergedInto: number | null;
  /** Duplicates merged into this one. */
  merged: number;
}

export interface QaComment {
  id: number;
  author: { kind: 'visitor' | 'moderator'; name: string };
  text: string;
  at: number;
  deleted: boolean;
}

export const POLL_STATUSES = ['draft', 'open', 'closed'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];

export interface Poll {
  id: number;
  question: string;
  options: string[];
  multiple: boolean;
  status: PollStatus;
  /** Ballots per option. */
  counts: number[];
  /** Visitors who voted. */
  voters: number;
}

export interface QaMe {
  kind: 'visitor' | 'moderator';
  name: string;
}

export type QaErrorCode = 'forbidden' | 'invalid' | 'rate' | 'slow' | 'muted' | 'too-long' | 'empty' | 'not-found' | 'already' | 'closed' | 'unavailable';

/** A refused request, with what the UI needs to say why (never a disconnect). */
export interface QaError {
  ok: false;
  error: QaErrorCode;
  retryInMs?: number;
  max?: number;
  until?: number;
}

export type QaResult<T extends object = object> = ({ ok: true } & T) | QaError;

// --- text ---------------------------------------------------------------------------------

export type QaTextCheck = { ok: true; text: string } | QaError;

/** Cleans text like the stand chat and checks its length against `max`. */
export function checkQaText(raw: string, max: number): QaTextCheck {
  if (raw.length > HARD_MAX) return { ok: false, error: 'too-long', max };
  const text = cleanChatText(raw);
  if (!text) return { ok: false, error: 'empty' };
  if (textLength(text) > max) return { ok: false, error: 'too-long', max };
  return { ok: true, text };
}

// --- moderation ---------------------------------------------------------------------------

export const MODERATE_ACTIONS = ['approve', 'reject', 'pin', 'unpin', 'answered', 'unanswered', 'merge'] as const;
export type ModerateAction = (typeof MODERATE_ACTIONS)[number];

export type ModerationOutcome = { ok: true; question: Question; target?: Question } | QaError;

/**
 * What a moderator action does to a question (and, for merge, to the question it is merged
 * into). Pure: the room stores the result, then tells everyone who may see it.
 */
export function moderate(q: Question, action: ModerateAction, now: number, into?: Question): ModerationOutcome {
  const no = (error: QaError['error']): QaError => ({ ok: false, error });
  if (q.status === 'merged') return no('closed');
  switch (action) {
    case 'approve':
      return { ok: true, question: { ...q, status: 'approved' } };
    case 'reject':
      return { ok: true, question: { ...q, status: 'rejected', pinnedAt: null } };
    case 'pin':
      return q.status === 'approved' ? { ok: true, question: { ...q, pinnedAt: now } } : no('invalid');
    case 'unpin':
      return { ok: true, question: { ...q, pinnedAt: null } };
    case 'answered':
      return q.status === 'approved' ? { ok: true, question: { ...q, answeredAt: now, pinnedAt: null } } : no('invalid');
    case 'unanswered':
      return { ok: true, question: { ...q, answeredAt: null } };
    case 'merge':
      if (!into || into.id === q.id || into.status === 'merged' || into.status === 'rejected') return no('invalid');
      return {
        ok: true,
        question: { ...q, status: 'merged', mergedInto: into.id, pinnedAt: null },
        target: { ...into, merged: into.merged + 1 },
      };
  }
}

/** A written answer: allowed on pending and approved questions, and approves them. */
export function withAnswer(q: Question, text: string, by: string, now: number): ModerationOutcome {
  if (q.status === 'merged' || q.status === 'rejected') return { ok: false, error: 'closed' };
  return { ok: true, question: { ...q, status: 'approved', answer: { text, at: now, by } } };
}

export type QuestionOrder = 'votes' | 'time';

/** Pinned first (latest pin on top), then by votes (ties: older first) or newest first. */
export function sortQuestions(qs: readonly Question[], order: QuestionOrder): Question[] {
  return [...qs].sort((a, b) => {
    if ((a.pinnedAt !== null) !== (b.pinnedAt !== null)) return a.pinnedAt !== null ? -1 : 1;
    if (a.pinnedAt !== null && b.pinnedAt !== null) return b.pinnedAt - a.pinnedAt;
    if (order === 'votes' && a.votes !== b.votes) return b.votes - a.votes;
    return order === 'votes' ? a.askedAt - b.askedAt || a.id - b.id : b.askedAt - a.askedAt || b.id - a.id;
  });
}

/** The question an overlay shows: the latest pinned approved one. */
export function pinnedQuestion(qs: readonly Question[]): Question | null {
  let best: Question | null = null;
  for (const q of qs) if (q.status === 'approved' && q.pinnedAt !== null && (!best || q.pinnedAt > (best.pinnedAt ?? 0))) best = q;
  return best;
}

// --- polls --------------------------------------------------------------------------------

/** Whether a ballot may be cast on this poll: open, at least one choice, each once and in range; one only for single choice. */
export function ballotError(poll: Poll, choices: readonly number[]): QaError | null {
  if (poll.status !== 'open') return { ok: false, error: 'closed' };
  if (choices.length === 0 || new Set(choices).size !== choices.length) return { ok: false, error: 'invalid' };
  if (!poll.multiple && choices.length !== 1) return { ok: false, error: 'invalid' };
  if (choices.some((c) => !Number.isInteger(c) || c < 0 || c >= poll.options.length)) return { ok: false, error: 'invalid' };
  return null;
}

/** Polls move draft → open → closed only. */
export function pollStep(from: PollStatus, to: PollStatus): boolean {
  return (from === 'draft' && to === 'open') || (from === 'open' && to === 'closed');
}

/** The poll with one more ballot counted. */
export function withBallot(poll: Poll, choices: readonly number[]): Poll {
  return { ...poll, counts: poll.counts.map((n, i) => (choices.includes(i) ? n + 1 : n)), voters: poll.voters + 1 };
}

// --- protocol -----------------------------------------------------------------------------

/** Messages a client sends to an event's Q&A room; every one is a request with an answer. */
export const QA_CLIENT_MSG = {
  ask: 'ask',
  vote: 'vote',
  comment: 'comment',
  ballot: 'ballot',
  react: 'react',
  /** Moderators from here on. */
  moderate: 'moderate',
  answer: 'answer',
  removeComment: 'removeComment',
  mute: 'mute',
  slowMode: 'slowMode',
  pollSave: 'pollSave',
  pollState: 'pollState',
} as const;

/** Messages an event's Q&A room sends. */
export const QA_SERVER_MSG = {
  welcome: 'qaWelcome',
  /** New or changed questions the client may see. */
  questions: 'qaQuestions',
  /** Questions no longer shown (rejected or merged after being approved). */
  hidden: 'qaHidden',
  comments: 'qaComments',
  polls: 'qaPolls',
  /** One aggregate per REACTION_TICK_MS: reactions counted in that second. */
  reactions: 'qaReactions',
  settings: 'qaSettings',
  muted: 'qaMuted',
  /** An organiser's announcement to the viewers of this event (server/organiser/eventRooms.ts). */
  announcement: 'qaAnnouncement',
} as const;

export const QaJoinOptions = z.object({
  eventId: EventId,
  name: z.string().max(200).optional(),
  /** Moderators: a ticket from the chat ticket endpoint (their cabinet session). */
  ticket: z.string().max(1000).optional(),
  protocol: z.number().int().optional(),
});
export type QaJoinOptions = z.infer<typeof QaJoinOptions>;

const Id = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
// Lengths are checked by the room (checkQaText), which answers with a clear error.
const Text = z.string();

export const QA_CLIENT_SCHEMAS = {
  [QA_CLIENT_MSG.ask]: z.object({ text: Text, anonymous: z.boolean() }),
  [QA_CLIENT_MSG.vote]: z.object({ id: Id }),
  [QA_CLIENT_MSG.comment]: z.object({ text: Text }),
  [QA_CLIENT_MSG.ballot]: z.object({ pollId: Id, choices: z.array(z.number().int()).max(POLL_OPTIONS_MAX) }),
  [QA_CLIENT_MSG.react]: z.object({ emoji: z.enum(REACTIONS) }),
  [QA_CLIENT_MSG.moderate]: z.object({ id: Id, action: z.enum(MODERATE_ACTIONS), into: Id.optional() }),
  [QA_CLIENT_MSG.answer]: z.object({ id: Id, text: Text }),
  [QA_CLIENT_MSG.removeComment]: z.object({ id: Id }),
  [QA_CLIENT_MSG.mute]: z.object({ commentId: Id, minutes: z.number().int().min(1).max(MUTE_MINUTES_MAX) }),
  [QA_CLIENT_MSG.slowMode]: z.object({ seconds: z.number().int().min(0).max(SLOW_MODE_MAX) }),
  [QA_CLIENT_MSG.pollSave]: z.object({
    id: Id.optional(),
    question: Text,
    options: z.array(Text).min(POLL_OPTIONS_MIN).max(POLL_OPTIONS_MAX),
    multiple: z.boolean(),
  }),
  [QA_CLIENT_MSG.pollState]: z.object({ id: Id, status: z.enum(['open', 'closed']) }),
} as const;

/** Q&A room, client → server: message name → payload. */
export type QaClientMessages = { [K in keyof typeof QA_CLIENT_SCHEMAS]: z.infer<(typeof QA_CLIENT_SCHEMAS)[K]> };

/** Q&A room requests: name → answer. */
export interface QaReplies {
  ask: QaResult<{ question: Question }>;
  vote: QaResult;
  comment: QaResult<{ comment: QaComment }>;
  ballot: QaResult;
  react: QaResult;
  moderate: QaResult<{ question: Question }>;
  answer: QaResult<{ question: Question }>;
  removeComment: QaResult;
  mute: QaResult<{ until: number }>;
  slowMode: QaResult;
  pollSave: QaResult<{ poll: Poll }>;
  pollState: QaResult<{ poll: Poll }>;
}

export interface QaWelcome {
  eventId: string;
  me: QaMe;
  /** Visitors: approved questions and their own; moderators: every one. */
  questions: Question[];
  /** Ids of the client's own questions. */
  mine: number[];
  /** Questions this visitor voted for. */
  voted: number[];
  /** Visitors: open and closed polls; moderators: drafts too. */
  polls: Poll[];
  /** This visitor's ballots: poll id → choices. */
  ballots: Record<string, number[]>;
  comments: QaComment[];
  slowModeSeconds: number;
  mutedUntil: number | null;
}

export interface QaReactionsMsg {
  /** Reactions counted in the last tick, by emoji (absent: none). */
  counts: Partial<Record<Reaction, number>>;
}

/** Q&A room, server → client: message name → payload. */
export interface QaServerMessages {
  qaWelcome: QaWelcome;
  qaQuestions: Question[];
  qaHidden: number[];
  qaComments: QaComment[];
  qaPolls: Poll[];
  qaReactions: QaReactionsMsg;
  qaSettings: { slowModeSeconds: number };
  qaMuted: { until: number | null };
  qaAnnouncement: Announcement;
}
