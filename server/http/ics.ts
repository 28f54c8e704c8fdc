// iCalendar (RFC 5545) for "add to calendar": CRLF line ends, TEXT values escaped, times in
// UTC, lines folded at 75 octets without splitting a UTF-8 character.
import type { Exhibitor } from '../../shared/exhibitor.ts';
import type { Webinar } from '../../shared/standContent.ts';

export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

export function icsTime(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Folds one content line: the first chunk up to 75 octets, the rest as " " + up to 74. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let chunk = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > limit) {
      out.push(chunk);
      chunk = ' ';
      bytes = 1;
      limit = 75;
    }
    chunk += ch;
    bytes += n;
  }
  out.push(chunk);
  return out.join('\r\n');
}

export interface WebinarIcs {
  webinar: Webinar;
  exhibitor: Pick<Exhibitor, 'id' | 'name'>;
  /** Host name for the UID, e.g. "expo.example.org". */
  host: string;
  /** Link back to the stand page. */
  standUrl?: string;
  now: Date;
}

export function webinarCalendar({ webinar: w, exhibitor, host, standUrl, now }: WebinarIcs): string {
  const start = new Date(w.start);
  const end = new Date(start.getTime() + w.durationMin * 60_000);
  const description = [
    `${exhibitor.name}`,
    `${w.kind === 'masterclass' ? 'Мастер-класс' : 'Вебинар'} · ${w.speaker}`,
    `Ссылка: ${w.link}`,
    ...(standUrl ? [`Стенд: ${standUrl}`] : []),
  ].join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//virtual-expo//stand webinars//RU',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${w.id}.${exhibitor.id}@${host}`,
    `DTSTAMP:${icsTime(now)}`,
    `DTSTART:${icsTime(start)}`,
    `DTEND:${icsTime(end)}`,
    `SUMMARY:${icsText(w.title)}`,
    `DESCRIPTION:${icsText(description)}`,
    `LOCATION:${icsText(w.link)}`,
    `URL:${w.link}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
