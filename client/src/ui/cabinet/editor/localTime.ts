// Webinar times. The exhibitor types a date and time in their own time zone
// (<input type="datetime-local">); the stand stores ISO 8601 with that zone's offset, so a
// visitor anywhere sees the moment converted to their own clock.

const pad = (n: number): string => String(n).padStart(2, '0');
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function offsetText(minutesEast: number): string {
  const abs = Math.abs(minutesEast);
  return `${minutesEast < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2025-04-10T15:00" as typed here → "2025-04-10T15:00:00+03:00"; "" when it is not a date-time. */
export function localInputToIso(value: string): string {
  const m = LOCAL.exec(value);
  if (!m) return '';
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  // Built from parts in the local zone; a time skipped by a DST change moves forward, and the
  // string below is written from the moved parts so it always names a real instant.
  const date = new Date(y, mo - 1, d, h, mi);
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}:00${offsetText(-date.getTimezoneOffset())}`;
}

/** A stored ISO date-time as the value of a datetime-local input on this computer. */
export function isoToLocalInput(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const date = new Date(at);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "Europe/Moscow, UTC+03:00": the zone the exhibitor's times are read in. */
export function localZoneLabel(at = new Date()): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${zone}, UTC${offsetText(-at.getTimezoneOffset())}`;
}
