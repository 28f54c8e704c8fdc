// The one meaning of a route's time in the interface: how long a person takes to walk the same
// path in a real hall, at the planner's WALK_SPEED (1.2 m/s, shared/route/types.ts) plus the
// time on stairs and lifts. The avatar walks at 7 m/s (shared/movement.ts) so the virtual hall
// feels quick; its time means nothing for a real visit, so no label ever shows it. The route
// panel, the print view and the announcement all word this through realWalkMinutes.

/** Whole minutes of a real walk (Leg.seconds / RoutePlan.seconds), at least 1 for any walk. */
export function realWalkMinutes(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`a walk takes a finite, non-negative time, got ${seconds} s`);
  return Math.max(1, Math.round(seconds / 60));
}
