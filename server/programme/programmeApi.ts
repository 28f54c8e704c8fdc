// The programme's read API: the whole schedule with every event's state at the fair clock,
// one event's page, one speaker's page, the clock itself and the refused problems. Paths come
// from shared/api.ts; the answers are built by shared/programme/views.ts.
import { Router } from 'express';
import { API } from '../../shared/api.ts';
import { formatProblem } from '../../shared/level/validate.ts';
import type { FairClock } from '../../shared/programme/clock.ts';
import { clockView, eventPageView, programmeView, speakerPageView } from '../../shared/programme/views.ts';
import type { ProgrammeStore } from './programmeStore.ts';
import { programmeIcsRoute } from './icsRoute.ts';

export function programmeApi(store: ProgrammeStore, clock: FairClock): Router {
  const r = Router();
  const timeZone = () => store.programme?.meta.timeZone ?? 'UTC';
  const nowView = () => clockView(clock.now(), clock.offsetMs, timeZone());
  // States change with the clock: answers must not be cached.
  const fresh = { 'Cache-Control': 'no-store' };

  r.get(API.programmeClock, (_req, res) => {
    res.set(fresh).json(nowView());
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
    res.set(fresh).json(programmeView(p, store.revision, nowView()));
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
    res.set(fresh).json(eventPageView(p, event, (s) => store.speaker(s), store.revision, nowView()));
  });

  r.get(API.programmeSpeaker, (req, res) => {
    const p = store.programme;
    const id = String(req.params.speakerId);
    const speaker = store.speaker(id);
    if (!p || !speaker) {
      res.status(404).json({ error: `speaker "${id}" not found` });
      return;
    }
    res.set(fresh).json(speakerPageView(p, speaker, store.revision, nowView()));
  });

  return r;
}
