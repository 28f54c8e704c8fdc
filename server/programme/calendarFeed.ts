// The subscribable calendar of a visitor's starred events (GET /api/programme/feed/<token>.ics).
// Calendar apps poll it; what keeps their copies right is in each VEVENT: the UID is the
// event's (the same as the one-off .ics download), SEQUENCE and LAST-MODIFIED come from the
// event ledger (moved on whenever the event's file changes), an event gone from the programme
// stays in the feed as STATUS:CANCELLED, and a VALARM carries the visitor's lead time for the
// clients that honour alarms (in-page and e-mail reminders are for the ones that do not).
import type { LedgerEntry } from '../../shared/programme/eventLedger.ts';
import type { ProgrammeEvent } from '../../shared/programme/schema.ts';
import { windowOf } from '../../shared/programme/time.ts';
import { foldLine, icsText, icsTime } from '../http/ics.ts';

export interface FeedItem {
  eventId: string;
  /** The event as served now; absent when it is no longer in the programme. */
  event?: ProgrammeEvent;
  ledger?: LedgerEntry;
  clusterTitle: string;
  people: string[];
  url: string;
}

export interface FeedInput {
  items: FeedItem[];
  host: string;
  leadMinutes: number;
  calendarName: string;
  now: Date;
}

export function calendarFeed({ items, host, leadMinutes, calendarName, now }: FeedInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//virtual-expo//my programme//RU',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(calendarName)}`,
    // Ask subscribers to look again hourly (RFC 7986; the X- form for older clients).
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
  for (const it of items) {
    const e = it.event;
    const snap = it.ledger?.snapshot;
    const shown = e ?? (snap && { title: snap.title, start: snap.start, duration: snap.duration });
    if (!shown) continue;
    const cancelled = !e;
    const { start, end } = windowOf(shown);
    const description = [it.clusterTitle, ...(it.people.length ? [it.people.join(', ')] : []), it.url].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${it.eventId}@${host}`,
      `DTSTAMP:${icsTime(now)}`,
      `SEQUENCE:${it.ledger?.sequence ?? 0}`,
      ...(it.ledger ? [`LAST-MODIFIED:${icsTime(new Date(it.ledger.modifiedAt))}`] : []),
      `DTSTART:${icsTime(new Date(start))}`,
      `DTEND:${icsTime(new Date(end))}`,
      `SUMMARY:${icsText(shown.title.ru)}`,
      `DESCRIPTION:${icsText(description)}`,
      `LOCATION:${icsText(it.url)}`,
      `URL:${it.url}`,
      `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    );
    if (!cancelled) {
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${icsText(shown.title.ru)}`, `TRIGGER:-PT${leadMinutes}M`, 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
