// One event's Q&A as the room holds it: questions and polls in memory (loaded from the store
// when the room opens), every change written to the store before it is acknowledged or shown,
// and the rules of shared/qa.ts applied on the way. Who may do what is checked here; limits,
// connections and fan-out are the room's (QaRoom.ts).
import {
  ANSWER_MAX,
  COMMENTS_AT_JOIN,
  POLL_TEXT_MAX,
  QUESTION_MAX,
  type ModerateAction,
  type Poll,
  type QaComment,
  type QaError,
  type QaResult,
  type Question,
  ballotError,
  checkQaText,
  moderate,
  pollStep,
  withAnswer,
  withBallot,
} from '../../shared/qa.ts';
import type { StoredPoll, StoredQaComment, StoredQuestion } from '../storage/qaStore.ts';
import type { Storage } from '../storage/storage.ts';
import type { QaParticipant } from './participants.ts';

type HeldQuestion = StoredQuestion & { votes: number };
type HeldPoll = StoredPoll & { counts: number[]; voters: number };

const fail = (error: QaError['error'], extra: Omit<QaError, 'ok' | 'error'> = {}): QaError => ({ ok: false, error, ...extra });

export function questionView(q: HeldQuestion): Question {
  const { eventId: _e, askerRef: _a, ...view } = q;
  return view;
}

function pollView(p: HeldPoll): Poll {
  const { eventId: _e, ...view } = p;
  return view;
}

export function commentView(c: StoredQaComment): QaComment {
  return { id: c.id, author: c.author, text: c.text, at: c.at, deleted: c.deleted };
}

/** What a change did: the room tells everyone who may see it. */
export interface QaChanges {
  questions?: Question[];
  /** The asker of each changed question (per-event ref), so their own pending ones reach them. */
  askers?: string[];
  polls?: Poll[];
}

export class EventQa {
  private readonly questions = new Map<number, HeldQuestion>();
  private readonly polls = new Map<number, HeldPoll>();
  private recent: QaComment[] = [];
  slowModeSeconds = 0;
  /** Moderation and poll edits one at a time: memory then follows the store's order. */
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly eventId: string,
    private readonly storage: Storage,
  ) {}

  static async open(eventId: string, storage: Storage): Promise<EventQa> {
    const e = new EventQa(eventId, storage);
    const snap = await storage.qaSnapshot(eventId, COMMENTS_AT_JOIN);
    for (const q of snap.questions) e.questions.set(q.id, q);
    for (const p of snap.polls) e.polls.set(p.id, p);
    e.recent = snap.comments.map(commentView);
    e.slowModeSeconds = snap.settings.slowModeSeconds;
    return e;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => {});
    return run;
  }

  /** What a participant sees at joining. */
  visibleTo(p: QaParticipant): { questions: Question[]; mine: number[]; polls: Poll[]; comments: QaComment[] } {
    const questions: Question[] = [];
    const mine: number[] = [];
    for (const q of this.questions.values()) {
      const own = p.kind === 'visitor' && q.askerRef === p.ref;
      if (own) mine.push(q.id);
      if (p.kind === 'moderator' || own || q.status === 'approved') questions.push(questionView(q));
    }
    const polls = [...this.polls.values()].filter((x) => p.kind === 'moderator' || x.status !== 'draft').map(pollView);
    return { questions, mine, polls, comments: [...this.recent] };
  }

  async ask(p: QaParticipant, raw: string, anonymous: boolean, now: number): Promise<QaResult<{ question: Question }> & { changes?: QaChanges }> {
    if (p.kind !== 'visitor') return fail('forbidden');
    const checked = checkQaText(raw, QUESTION_MAX);
    if (!checked.ok) return checked;
    const stored = await this.storage.addQaQuestion({
      eventId: this.eventId,
      askerRef: p.ref,
      text: checked.text,
      // An anonymous question keeps no name at all: nobody can be shown who asked.
      name: anonymous ? null : p.name,
      anonymous,
      status: 'pending',
      pinnedAt: null,
      askedAt: now,
      answeredAt: null,
      answer: null,
      mergedInto: null,
      merged: 0,
    });
    const held = { ...stored, votes: 0 };
    this.questions.set(held.id, held);
    const question = questionView(held);
    return { ok: true, question, changes: { questions: [question], askers: [p.ref] } };
  }

  async vote(p: QaParticipant, id: number): Promise<QaResult & { changes?: QaChanges }> {
    if (p.kind !== 'visitor') return fail('forbidden');
    const q = this.questions.get(id);
    // Votes only on what everyone sees: a pending question's id is no way in.
    if (!q || q.status !== 'approved') return fail('not-found');
    if (!(await this.storage.addQaVote(this.eventId, id, p.ref))) return fail('already');
    const now = this.questions.get(id)!;
    now.votes += 1;
    return { ok: true, changes: { questions: [questionView(now)], askers: [now.askerRef] } };
  }

  moderate(p: QaParticipant, id: number, action: ModerateAction, into: number | undefined, now: number): Promise<QaResult<{ question: Question }> & { changes?: QaChanges }> {
    return this.serial(async () => {
      if (p.kind !== 'moderator') return fail('forbidden');
      const q = this.questions.get(id);
      if (!q) return fail('not-found');
      const target = into !== undefined ? this.questions.get(into) : undefined;
      if (action === 'merge' && !target) return fail('not-found');
      const out = moderate(questionView(q), action, now, target && questionView(target));
      if (!out.ok) return out;
      const changed = [this.held(q, out.question)];
      if (out.target && target) changed.push(this.held(target, out.target));
      for (const c of changed) await this.storage.putQaQuestion(this.stored(c));
      return this.commit(changed);
    });
  }

  answer(p: QaParticipant, id: number, raw: string, now: number): Promise<QaResult<{ question: Question }> & { changes?: QaChanges }> {
    return this.serial(async () => {
      if (p.kind !== 'moderator') return fail('forbidden');
      const q = this.questions.get(id);
      if (!q) return fail('not-found');
      const checked = checkQaText(raw, ANSWER_MAX);
      if (!checked.ok) return checked;
      const out = withAnswer(questionView(q), checked.text, p.name, now);
      if (!out.ok) return out;
      const changed = this.held(q, out.question);
      await this.storage.putQaQuestion(this.stored(changed));
      return this.commit([changed]);
    });
  }

  private held(before: HeldQuestion, view: Question): HeldQuestion {
    return { ...view, eventId: before.eventId, askerRef: before.askerRef, votes: before.votes };
  }

  private stored(q: HeldQuestion): StoredQuestion {
    const { votes: _v, ...rest } = q;
    return rest;
  }

  private commit(changed: HeldQuestion[]): QaResult<{ question: Question }> & { changes: QaChanges } {
    // Votes may have come in while the write ran: keep the count held now.
    for (const c of changed) this.questions.set(c.id, { ...c, votes: this.questions.get(c.id)?.votes ?? c.votes });
    const views = changed.map((c) => questionView(this.questions.get(c.id)!));
    return { ok: true, question: views[0]!, changes: { questions: views, askers: changed.map((c) => c.askerRef) } };
  }

  async comment(p: QaParticipant, raw: string, text: { max: number }, now: number): Promise<QaResult<{ comment: QaComment }>> {
    const checked = checkQaText(raw, text.max);
    if (!checked.ok) return checked;
    const stored = await this.storage.addQaComment({
      eventId: this.eventId,
      author: { kind: p.kind, name: p.name },
      text: checked.text,
      at: now,
      ...(p.kind === 'visitor' ? { authorRef: p.ref } : { accountId: p.accountId }),
    });
    const comment = commentView(stored);
    this.remember(comment);
    return { ok: true, comment };
  }

  async removeComment(p: QaParticipant, id: number): Promise<QaResult & { comment?: QaComment }> {
    if (p.kind !== 'moderator') return fail('forbidden');
    const gone = await this.storage.deleteQaComment(this.eventId, id, p.accountId);
    if (!gone) return fail('not-found');
    const comment = commentView(gone);
    this.remember(comment);
    return { ok: true, comment };
  }

  /** Keeps the newest comments for joiners; a changed one is replaced where it is. */
  private remember(c: QaComment): void {
    const at = this.recent.findIndex((r) => r.id === c.id);
    if (at >= 0) this.recent[at] = c;
    else if (!this.recent.length || c.id > this.recent.at(-1)!.id) {
      this.recent.push(c);
      if (this.recent.length > COMMENTS_AT_JOIN) this.recent.shift();
    }
  }

  /** The visitor behind a comment, for a mute (visitors' comments only). */
  async commentAuthor(p: QaParticipant, id: number): Promise<{ ok: true; ref: string } | QaError> {
    if (p.kind !== 'moderator') return fail('forbidden');
    const c = await this.storage.getQaComment(this.eventId, id);
    if (!c) return fail('not-found');
    if (!c.authorRef) return fail('invalid');
    return { ok: true, ref: c.authorRef };
  }

  async setSlowMode(p: QaParticipant, seconds: number): Promise<QaResult> {
    if (p.kind !== 'moderator') return fail('forbidden');
    await this.storage.setQaSettings(this.eventId, { slowModeSeconds: seconds });
    this.slowModeSeconds = seconds;
    return { ok: true };
  }

  pollSave(p: QaParticipant, m: { id?: number; question: string; options: string[]; multiple: boolean }): Promise<QaResult<{ poll: Poll }> & { changes?: QaChanges }> {
    return this.serial(async () => {
      if (p.kind !== 'moderator') return fail('forbidden');
      const question = checkQaText(m.question, POLL_TEXT_MAX);
      if (!question.ok) return question;
      const options: string[] = [];
      for (const o of m.options) {
        const c = checkQaText(o, POLL_TEXT_MAX);
        if (!c.ok) return c;
        options.push(c.text);
      }
      const fields = { eventId: this.eventId, question: question.text, options, multiple: m.multiple, status: 'draft' as const };
      let held: HeldPoll;
      if (m.id !== undefined) {
        const before = this.polls.get(m.id);
        if (!before) return fail('not-found');
        // Only drafts change: an open poll's options are what people voted on.
        if (before.status !== 'draft') return fail('closed');
        const stored: StoredPoll = { ...fields, id: m.id };
        await this.storage.putQaPoll(stored);
        held = { ...stored, counts: options.map(() => 0), voters: 0 };
      } else {
        const stored = await this.storage.addQaPoll(fields);
        held = { ...stored, counts: options.map(() => 0), voters: 0 };
      }
      this.polls.set(held.id, held);
      return { ok: true, poll: pollView(held), changes: { polls: [pollView(held)] } };
    });
  }

  pollState(p: QaParticipant, id: number, status: 'open' | 'closed'): Promise<QaResult<{ poll: Poll }> & { changes?: QaChanges }> {
    return this.serial(async () => {
      if (p.kind !== 'moderator') return fail('forbidden');
      const before = this.polls.get(id);
      if (!before) return fail('not-found');
      if (!pollStep(before.status, status)) return fail('invalid');
      const { counts: _c, voters: _v, ...stored } = before;
      await this.storage.putQaPoll({ ...stored, status });
      const held = { ...this.polls.get(id)!, status };
      this.polls.set(id, held);
      return { ok: true, poll: pollView(held), changes: { polls: [pollView(held)] } };
    });
  }

  async ballot(p: QaParticipant, pollId: number, choices: number[]): Promise<QaResult & { changes?: QaChanges }> {
    if (p.kind !== 'visitor') return fail('forbidden');
    const poll = this.polls.get(pollId);
    if (!poll || poll.status === 'draft') return fail('not-found');
    const bad = ballotError(pollView(poll), choices);
    if (bad) return bad;
    if (!(await this.storage.addQaBallot(this.eventId, pollId, p.ref, choices))) return fail('already');
    const now = this.polls.get(pollId)!;
    const next = { ...now, ...withBallot(pollView(now), choices) };
    this.polls.set(pollId, next);
    return { ok: true, changes: { polls: [pollView(next)] } };
  }

  /** Who asked a question (per-event ref): their own questions reach them whatever the status. */
  askerOf(id: number): string | undefined {
    return this.questions.get(id)?.askerRef;
  }
}
