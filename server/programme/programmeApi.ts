// The programme's read API: the whole schedule with every event's state at the fair clock,
// one event's page, one speaker's page, the clock itself and the refused problems. Paths come
// from shared/api.ts; the answers are built by shared/programme/views.ts.
import { Router } from 'express';
import { API } from '../../shared/api.ts';
import { formatProblem } from '../../shared/level/validate.ts';
import type { FairClock } from '../../shared/programme/clock.ts';
import { type OnAirView, onAirNow } from '../../shared/programme/onAir.ts';
import { type EventView, clockView, eventPageView, programmeView, speakerPageView } from '../../shared/programme/views.ts';
import type { ProgrammeStore } from './programmeStore.ts';
import { programmeIcsRoute } from './icsRoute.ts';
import { type StreamRecordings, withStreamRecording } from './streamRecordings.ts';

export function programmeApi(store: ProgrammeStore, clock: FairClock, recordings: StreamRecordings = () => null): Router {
  const r = Router();
  // Events the stream hall recorded are "recording-ready" once their playlist is closed.
  const recorded = <V extends EventView>(v: V, now: number) => withStreamRecording(v, recordings, clock, now);
  const timeZone = () => store.programme?.meta.timeZone ?? 'UTC';
  const nowView = () => clockView(clock.now(), clock.offsetMs, timeZone());
  // States change with the clock: answers must not be cached.
  const fresh = { 'Cache-Control': 'no-store' };

  r.get(API.programmeClock, (_req, res) => {
    res.set(fresh).json(nowView());
  });

  // Small and asked by every hall page: the live events only, not the whole schedule.
  r.get(API.programmeOnAir, (_req, res) => {
    const p = store.programme;
    const clockNow = nowView();
    const view: OnAirView = { revision: store.revision, clock: clockNow, ...(p ? onAirNow(p.events, p.clusters, clockNow.nowMs) : { events: [], nextChangeAt: null }) };
    res.set(fresh).json(view);
  });

  r.get(API.programmeProblems, (_req, res) => {
    res.set(fresh).json({ problems: store.problems.map(formatProblem) });
  });

  r.get(API.programme, (_req, res) => {
    const p = store.programme;
    if (!p) {
      res.status(503).set(fresh).json({ error: 'the programme is not available', details: store.problems.map(formatProblem) });
      return;
    }
    const view = programmeView(p, store.revision, nowView());
    res.set(fresh).json({ ...view, events: view.events.map((e) => recorded(e, view.clock.nowMs)) });
  });

  // Before the event route, which would take "x.ics" for an event id.
  r.use(programmeIcsRoute(store));

  r.get(API.programmeEvent, (req, res) => {
    const p = store.programme;
    const id = String(req.params.eventId);
    const event = store.event(id);
    if (!p || !event) {
      res.status(404).json({ error: `event "${id}" not found` });
      return;
    }
    const view = eventPageView(p, event, (s) => store.speaker(s), store.revision, nowView());
    const now = view.clock.nowMs;
    res.set(fresh).json({ ...view, event: recorded(view.event, now), nextInCluster: view.nextInCluster.map((e) => recorded(e, now)) });
  });

  r.get(API.programmeSpeaker, (req, res) => {
    const p = store.programme;
    const id = String(req.params.speakerId);
    const speaker = store.speaker(id);
    if (!p || !speaker) {
      res.status(404).json({ error: `speaker "${id}" not found` });
      return;
    }
    const view = speakerPageView(p, speaker, store.revision, nowView());
    res.set(fresh).json({ ...view, events: view.events.map((e) => recorded(e, view.clock.nowMs)) });
  });

  return r;
}
