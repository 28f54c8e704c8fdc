// Times of the programme: instants written with their offsets ("2026-04-14T10:00:00+03:00"),
// durations in minutes, and the "HH:MM" durations of the schedule interchange format.
// Pure arithmetic on strings and epoch milliseconds; no clocks here.
import type { ProgrammeEvent } from './schema.ts';

export const MINUTE = 60_000;

export interface Window {
  start: number;
  end: number;
}

/** Epoch milliseconds of an ISO instant with offset; NaN when it is not one. */
export function instantOf(iso: string): number {
  return Date.parse(iso);
}

export function windowOf(event: Pick<ProgrammeEvent, 'start' | 'duration'>): Window {
  const start = instantOf(event.start);
  return { start, end: start + event.duration * MINUTE };
}

/** "+03:00" of "2026-04-14T10:00:00+03:00" in minutes east of UTC ("Z" is 0); null when absent. */
export function offsetMinutesOf(iso: string): number | null {
  const m = /(Z|([+-])(\d{2}):(\d{2}))$/.exec(iso);
  if (!m) return null;
  if (m[1] === 'Z') return 0;
  const sign = m[2] === '-' ? -1 : 1;
  return sign * (Number(m[3]) * 60 + Number(m[4]));
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** The instant `ms` written at a fixed offset: "2026-04-14T10:00:00+03:00". */
export function isoAtOffset(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * MINUTE);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date}T${time}${formatOffset(offsetMinutes)}`;
}

/** The same instant moved by `ms`, keeping the offset it was written with. */
export function shiftIso(iso: string, ms: number): string {
  return isoAtOffset(instantOf(iso) + ms, offsetMinutesOf(iso) ?? 0);
}

/** The local date ("2026-04-14") and time ("10:00") as written in an ISO instant. */
export function localParts(iso: string): { date: string; time: string } {
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** Minutes of "01:30" (hours may exceed 24: "26:00"); null when it is not that shape. */
export function parseHhMm(text: string): number | null {
  const m = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]) + (m[3] ? Number(m[3]) / 60 : 0);
}

export function formatHhMm(minutes: number): string {
  const m = Math.round(minutes);
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}
