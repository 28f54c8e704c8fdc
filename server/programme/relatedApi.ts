// Stage two over HTTP (paths in shared/programme/tracksView.ts): exhibitors' webinars and
// master classes beside the programme — for the schedule (every webinar whose title fits some
// event, with those events), for one event page — and, for a stand page, the programme events
// on the stand's topics. The joins are shared/programme/related.ts; the browser would need
// every stand's interior to compute them, so the server does, from data it already holds.
import { Router } from 'express';
import { eventsForStand, topicsOfEvent, webinarsOnTopics } from '../../shared/programme/related.ts';
import { type BesideView, type EventBesideView, type StandEventsView, TRACKS_API } from '../../shared/programme/tracksView.ts';
import type { TracksWorldSource } from './tracksWorld.ts';

/** Webinars on an event page, and events on a stand page. */
const EVENT_PAGE_WEBINARS = 6;
const STAND_PAGE_EVENTS = 5;

export function relatedApi(world: TracksWorldSource): Router {
  const r = Router();
  // Answers follow the clock (what is still ahead comes first): never cached.
  const fresh = { 'Cache-Control': 'no-store' };

  r.get(TRACKS_API.beside, async (_req, res) => {
    const body: BesideView = { webinars: await world.beside() };
    res.set(fresh).json(body);
  });

  r.get(TRACKS_API.eventBeside, async (req, res) => {
    const id = String(req.params.eventId);
    const ev = world.events().byId.get(id);
    if (!ev) {
      res.status(404).json({ error: `event "${id}" not found` });
      return;
    }
    const st = await world.stands();
    const body: EventBesideView = {
      webinars: webinarsOnTopics(topicsOfEvent(ev, ev.clusterTitle ? { title: ev.clusterTitle } : null), st.webinars, world.now(), EVENT_PAGE_WEBINARS),
    };
    res.set(fresh).json(body);
  });

  r.get(TRACKS_API.standEvents, async (req, res) => {
    const id = String(req.params.exhibitorId);
    const stand = (await world.stands()).byId.get(id);
    if (!stand) {
      res.status(404).json({ error: `exhibitor "${id}" not found` });
      return;
    }
    const ev = world.events();
    const body: StandEventsView = {
      events: eventsForStand(stand, ev.related, world.now(), STAND_PAGE_EVENTS).flatMap((m) => {
        const v = ev.byId.get(m.id);
        if (!v) return [];
        const { clusterTitle: _t, ...view } = v;
        return [view];
      }),
    };
    res.set(fresh).json(body);
  });

  return r;
}
