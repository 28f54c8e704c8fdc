// The server's fair clock from its settings: FAIR_CLOCK_OFFSET ("-3d", "+2h30m", ms) shifts
// real time; FAIR_CLOCK_START ("2026-04-15T12:10:00+03:00") makes the clock read that instant
// when the process starts and run on from there. Neither: real time. Bad values stop the
// server with a sentence, like every other setting.
import { type FairClock, fairClock, offsetForStart, parseClockOffset } from '../../shared/programme/clock.ts';

export function fairClockOffsetFrom(env: { FAIR_CLOCK_OFFSET?: string; FAIR_CLOCK_START?: string }, realNow = Date.now()): number {
  const { FAIR_CLOCK_OFFSET: offset, FAIR_CLOCK_START: start } = env;
  if (offset && start) throw new Error('set FAIR_CLOCK_OFFSET or FAIR_CLOCK_START, not both');
  if (start) {
    const r = offsetForStart(start, realNow);
    if (!r.ok) throw new Error(`FAIR_CLOCK_START: ${r.message}`);
    return r.ms;
  }
  if (offset) {
    const r = parseClockOffset(offset);
    if (!r.ok) throw new Error(`FAIR_CLOCK_OFFSET: ${r.message}`);
    return r.ms;
  }
  return 0;
}

export function serverFairClock(offsetMs = 0): FairClock {
  return fairClock(offsetMs, Date.now);
}
