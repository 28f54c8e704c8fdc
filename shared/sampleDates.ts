// The sample exhibition's webinars are written around one moment, SAMPLE_AS_OF (the middle of
// an 11-day sample fair): seen from it, some have finished (most with a recording), some are on
// air and most are ahead. At first seed the server moves every sample date by the same amount,
// so that this moment becomes "now" on the fair clock: a demo started on any day opens with
// finished, live and upcoming webinars. Pure: the caller passes the time.
import type { StandContent } from './standContent.ts';

/** Day 4 of the sample fair (24 Nov – 4 Dec 2026), noon in Moscow. */
export const SAMPLE_AS_OF = '2026-11-27T12:00:00+03:00';
/** The sample's dates are Moscow wall times; shifted dates keep that offset. */
const SAMPLE_OFFSET_MIN = 3 * 60;
/** Shifts are whole half-hours, so webinars still start on :00 or :30. */
const STEP_MS = 30 * 60_000;

/** How far to move the sample's dates so that SAMPLE_AS_OF falls at `now` (rounded down to a half-hour). */
export function sampleShiftMs(now: number): number {
  if (!Number.isFinite(now)) throw new RangeError(`now must be a time in milliseconds, got ${now}`);
  return Math.floor(now / STEP_MS) * STEP_MS - Date.parse(SAMPLE_AS_OF);
}

/** An instant as ISO 8601 in Moscow wall time ("2026-11-27T12:00:00+03:00"), like the sample's. */
function moscowIso(ms: number): string {
  return `${new Date(ms + SAMPLE_OFFSET_MIN * 60_000).toISOString().slice(0, 19)}+03:00`;
}

/** The same interior with every webinar moved by `shiftMs`; nothing else changes. */
export function shiftWebinars(content: StandContent, shiftMs: number): StandContent {
  if (!Number.isInteger(shiftMs)) throw new RangeError(`a shift is whole milliseconds, got ${shiftMs}`);
  if (shiftMs === 0 || content.webinars.length === 0) return content;
  return { ...content, webinars: content.webinars.map((w) => ({ ...w, start: moscowIso(Date.parse(w.start) + shiftMs) })) };
}
