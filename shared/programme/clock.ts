// The fair clock: real time shifted by a fixed offset. Real time by default; a setting
// (FAIR_CLOCK_OFFSET "-3d", "+2h30m" or FAIR_CLOCK_START "2026-04-15T12:10:00+03:00")
// shifts it so a demo of the sample programme always has events live, ended and upcoming.
// The parsing is pure; the caller supplies real time.

export interface FairClock {
  /** Epoch milliseconds on the fair clock. */
  now(): number;
  /** Fair time minus real time, in milliseconds. */
  readonly offsetMs: number;
}

export function fairClock(offsetMs: number, realNow: () => number): FairClock {
  return { now: () => realNow() + offsetMs, offsetMs };
}

const UNIT_MS: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/**
 * "+3d", "-2h30m", "90m", "-1w2d", or plain milliseconds ("-3600000"). Returns milliseconds,
 * or an error sentence naming what is wrong.
 */
export function parseClockOffset(text: string): { ok: true; ms: number } | { ok: false; message: string } {
  const t = text.trim();
  if (/^[+-]?\d+$/.test(t)) return { ok: true, ms: Number(t) };
  const m = /^([+-]?)((?:\d+[wdhms])+)$/.exec(t);
  if (!m) {
    return { ok: false, message: `"${text}" is not an offset: write e.g. "-3d", "+2h30m" or milliseconds` };
  }
  let ms = 0;
  for (const [, n, unit] of m[2]!.matchAll(/(\d+)([wdhms])/g)) ms += Number(n) * UNIT_MS[unit!]!;
  return { ok: true, ms: m[1] === '-' ? -ms : ms };
}

/** The offset that makes the fair clock read `startIso` at real time `realNow`. */
export function offsetForStart(startIso: string, realNow: number): { ok: true; ms: number } | { ok: false; message: string } {
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(startIso.trim());
  const at = Date.parse(startIso);
  if (!ok || Number.isNaN(at)) {
    return { ok: false, message: `"${startIso}" is not a date and time with offset, e.g. "2026-04-15T12:10:00+03:00"` };
  }
  return { ok: true, ms: at - realNow };
}
