// The conversation of an ended event, for its recording's replay: the approved questions (an
// anonymous one stays nameless, and nobody's per-event ref leaves the server) and the comments
// that were not deleted, each with its wall time, which the player maps onto the recording
// (shared/replay.ts). While an event is upcoming or live its Q&A is the room's, not this.
import { Router } from 'express';
import { API } from '../../shared/api.ts';
import type { FairClock } from '../../shared/programme/clock.ts';
import type { ProgrammeEvent } from '../../shared/programme/schema.ts';
import { type EventState, eventState } from '../../shared/programme/state.ts';
import { EventId } from '../../shared/qa.ts';
import { REPLAY_COMMENTS_MAX, type ReplayConversation } from '../../shared/replay.ts';
import { type StreamRecordings, availabilityOf } from '../programme/streamRecordings.ts';
import type { QaSnapshot, QaStore } from '../storage/qaStore.ts';

export interface ReplayApiOptions {
  storage: Pick<QaStore, 'qaSnapshot'>;
  event: (id: string) => ProgrammeEvent | undefined;
  clock: FairClock;
  recordings: StreamRecordings;
}

/** What any visitor could see of the event's Q&A, in replay order. */
export function replayConversation(eventId: string, snap: QaSnapshot): ReplayConversation {
  return {
    eventId,
    questions: snap.questions
      .filter((q) => q.status === 'approved')
      .sort((a, b) => a.askedAt - b.askedAt || a.id - b.id)
      .map((q) => ({
        id: q.id,
        text: q.text,
        name: q.anonymous ? null : q.name,
        votes: q.votes,
        askedAt: q.askedAt,
        answeredAt: q.answeredAt,
        answer: q.answer,
      })),
    comments: snap.comments
      .filter((c) => !c.deleted)
      .sort((a, b) => a.at - b.at || a.id - b.id)
      .map((c) => ({ id: c.id, author: { kind: c.author.kind, name: c.author.name }, text: c.text, at: c.at })),
  };
}

export function replayApi(opts: ReplayApiOptions): Router {
  const r = Router();
  const stateOf = (e: ProgrammeEvent): EventState => eventState(e, opts.clock.now(), availabilityOf(e, opts.recordings, opts.clock));
  r.get(API.qaReplay, async (req, res) => {
    const id = String(req.params.eventId);
    const event = EventId.safeParse(id).success ? opts.event(id) : undefined;
    if (!event) {
      res.status(404).json({ error: `event "${id}" not found` });
      return;
    }
    const state = stateOf(event);
    if (state === 'upcoming' || state === 'live') {
      res.status(409).set('Cache-Control', 'no-store').json({ error: `event "${id}" is ${state}: its Q&A is in the live room`, state });
      return;
    }
    const snap = await opts.storage.qaSnapshot(id, REPLAY_COMMENTS_MAX);
    // A moderator may still answer in writing after the event: revalidate every time.
    res.set('Cache-Control', 'no-cache').json(replayConversation(id, snap));
  });
  return r;
}
