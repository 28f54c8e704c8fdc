// The server's clock, injected wherever "now" decides something (sessions, limits, the fair
// clock), so tests and a demo can shift it and several processes agree on one meaning.
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock running `offsetMs` ahead of real time (the demo's fair clock). */
export function shiftedClock(offsetMs: number, base: Clock = systemClock): Clock {
  return offsetMs === 0 ? base : { now: () => base.now() + offsetMs };
}
