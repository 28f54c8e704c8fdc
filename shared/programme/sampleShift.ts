// A sample programme (programme.json with "sampleAsOf") is written around one instant: seen
// from it, some events have ended (with recordings), some are live and most are ahead. The
// server moves every event by the same whole number of half-hours so that this instant falls
// at the fair clock's "now" when it starts: a demo started on any day, at any hour, opens with
// all three (unless a FAIR_CLOCK setting chose the moment). A real programme has no
// "sampleAsOf" and is never moved. Pure: the caller passes the time, once per server start
// (a reload must not move the events again).
import type { Programme } from './schema.ts';

/** Shifts are whole half-hours, so events still start on :00 or :30. */
const STEP_MS = 30 * 60_000;

/** How far to move the sample so that `asOf` lands at `now` (to the nearest half-hour; 0 when within 15 min). */
export function sampleProgrammeShiftMs(asOf: string, now: number): number {
  const from = Date.parse(asOf);
  if (!Number.isFinite(from)) throw new RangeError(`sampleAsOf is not a date and time: ${asOf}`);
  if (!Number.isFinite(now)) throw new RangeError(`now must be a time in milliseconds, got ${now}`);
  return Math.round((now - from) / STEP_MS) * STEP_MS || 0;
}

/** `ms` as ISO 8601 in the same UTC offset as `like` ("…+03:00" stays "+03:00", "Z" stays "Z"). */
export function isoInOffsetOf(ms: number, like: string): string {
  const m = /(Z|([+-])(\d{2}):(\d{2}))$/.exec(like);
  if (!m || m[1] === 'Z') return `${new Date(ms).toISOString().slice(0, 19)}Z`;
  const offsetMin = (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
  return `${new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19)}${m[1]}`;
}

/** The same programme with every event's start moved by `shiftMs`; nothing else changes. */
export function shiftProgramme(programme: Programme, shiftMs: number): Programme {
  if (!Number.isInteger(shiftMs)) throw new RangeError(`a shift is whole milliseconds, got ${shiftMs}`);
  if (shiftMs === 0) return programme;
  return {
    ...programme,
    events: programme.events.map((e) => ({ ...e, start: isoInOffsetOf(Date.parse(e.start) + shiftMs, e.start) })),
  };
}
