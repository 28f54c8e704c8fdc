// Programme events' Q&A (issue 13): questions, up-votes, comments, polls and ballots, slow
// mode and mutes, per event. Ids are given by the store, increasing per event and kind;
// every write resolves once it is durable (so nothing approved or answered is lost under
// kill -9). One room per event is the only writer of that event's questions and polls, so
// those are written whole; votes and ballots are counted by the store, once per voter.
import type { Poll, QaComment, Question } from '../../shared/qa.ts';

/** A question as stored: the wire form without the counted votes, plus who asked (a per-event ref). */
export type StoredQuestion = Omit<Question, 'votes'> & { eventId: string; askerRef: string };
export type NewQuestion = Omit<StoredQuestion, 'id'>;

/** A comment as stored: the wire form plus the author's per-event ref (visitors) or account. */
export type StoredQaComment = QaComment & { eventId: string; authorRef?: string; accountId?: string; deletedBy?: string };
export type NewQaComment = Omit<StoredQaComment, 'id' | 'deleted' | 'deletedBy'>;

export type StoredPoll = Omit<Poll, 'counts' | 'voters'> & { eventId: string };
export type NewPoll = Omit<StoredPoll, 'id'>;

export interface QaSettings {
  slowModeSeconds: number;
}

/** What a Q&A room loads when it opens: everything but the voters themselves. */
export interface QaSnapshot {
  /** Every question of the event, in id order, with its counted votes. */
  questions: (StoredQuestion & { votes: number })[];
  /** Every poll, in id order, with its counted ballots. */
  polls: (StoredPoll & { counts: number[]; voters: number })[];
  /** The newest `commentLimit` comments, oldest first. */
  comments: StoredQaComment[];
  settings: QaSettings;
}

export interface QaStore {
  qaSnapshot(eventId: string, commentLimit: number): Promise<QaSnapshot>;
  /** Stores a question under the event's next id; resolves with it once durable. */
  addQaQuestion(question: NewQuestion): Promise<StoredQuestion>;
  /** Replaces a question (by event and id); rejects when there is no such question. */
  putQaQuestion(question: StoredQuestion): Promise<void>;
  /** One up-vote per voter and question: true when counted now, false when it was already. */
  addQaVote(eventId: string, questionId: number, voter: string): Promise<boolean>;
  /** Questions of the event this voter voted for. */
  qaVotesOf(eventId: string, voter: string): Promise<number[]>;

  addQaComment(comment: NewQaComment): Promise<StoredQaComment>;
  getQaComment(eventId: string, id: number): Promise<StoredQaComment | undefined>;
  /** Blanks the text and marks it deleted; undefined when there is no such comment. */
  deleteQaComment(eventId: string, id: number, by: string): Promise<StoredQaComment | undefined>;

  addQaPoll(poll: NewPoll): Promise<StoredPoll>;
  /** Replaces a poll; rejects when there is no such poll. */
  putQaPoll(poll: StoredPoll): Promise<void>;
  /** One ballot per voter and poll: true when counted now, false when there was one already. */
  addQaBallot(eventId: string, pollId: number, voter: string, choices: number[]): Promise<boolean>;
  /** This voter's ballots of the event: poll id → choices. */
  qaBallotsOf(eventId: string, voter: string): Promise<Record<string, number[]>>;

  setQaSettings(eventId: string, settings: QaSettings): Promise<void>;
  /** A visitor (per-event ref) may not comment or ask until `until` (ms since the epoch). */
  setQaMute(eventId: string, ref: string, until: number, by: string): Promise<void>;
  qaMutedUntil(eventId: string, ref: string): Promise<number | undefined>;
}
