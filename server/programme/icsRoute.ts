// "Add to calendar" for one programme event: GET /api/programme/events/<id>.ics answers an
// iCalendar file (written with server/http/ics.ts). The UID is the event id at the fair's
// host, so a later calendar feed of starred events can carry the same UIDs.
import { Router } from 'express';
import { API } from '../../shared/api.ts';
import type { ProgrammeEvent } from '../../shared/programme/schema.ts';
import { windowOf } from '../../shared/programme/time.ts';
import { foldLine, icsText, icsTime } from '../http/ics.ts';
import type { ProgrammeStore } from './programmeStore.ts';

export interface ProgrammeIcs {
  event: ProgrammeEvent;
  clusterTitle: string;
  people: string[];
  /** Host name for the UID, e.g. "expo.example.org". */
  host: string;
  /** The event's page. */
  url: string;
  now: Date;
}

export function programmeEventCalendar({ event: e, clusterTitle, people, host, url, now }: ProgrammeIcs): string {
  const { start, end } = windowOf(e);
  const description = [clusterTitle, ...(people.length ? [people.join(', ')] : []), url].join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//virtual-expo//business programme//RU',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${e.id}@${host}`,
    `DTSTAMP:${icsTime(now)}`,
    `DTSTART:${icsTime(new Date(start))}`,
    `DTEND:${icsTime(new Date(end))}`,
    `SUMMARY:${icsText(e.title.ru)}`,
    `DESCRIPTION:${icsText(description)}`,
    `LOCATION:${icsText(url)}`,
    `URL:${url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

export function programmeIcsRoute(store: ProgrammeStore): Router {
  const r = Router();
  r.get(API.programmeEventIcs, (req, res) => {
    const p = store.programme;
    const id = String(req.params.eventId);
    const event = store.event(id);
    if (!p || !event) {
      res.status(404).json({ error: `event "${id}" not found` });
      return;
    }
    // Links point at the fair's public address when it has one, else at the host asked.
    const base = p.meta.url ?? `${req.protocol}://${req.get('host') ?? 'localhost'}/`;
    const url = new URL(`programme/${encodeURIComponent(event.id)}`, base).toString();
    const people = [event.moderator, ...event.speakers].flatMap((s) => (s ? (store.speaker(s)?.name.ru ?? []) : []));
    const ics = programmeEventCalendar({
      event,
      clusterTitle: p.clusters.find((c) => c.id === event.cluster)?.title.ru ?? event.cluster,
      people,
      host: new URL(base).hostname,
      url,
      now: new Date(),
    });
    res
      .set('Content-Type', 'text/calendar; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${event.id}.ics"`)
      .set('Cache-Control', 'no-cache')
      .send(ics);
  });
  return r;
}
