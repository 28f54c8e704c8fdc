// Chooses the solver for an ordering problem: Held-Karp while the stops are few enough for an
// exact answer in well under 100 ms, local search with seeded restarts beyond.
import { solveExact } from './exact.ts';
import { solveHeuristic } from './heuristic.ts';
import { type OrderProblem, type OrderSolution, freeNodes, pinProblem } from './problem.ts';
import type { SearchOptions } from './types.ts';

export * from './problem.ts';

export const DEFAULT_EXACT_LIMIT = 12;
export const MAX_EXACT_LIMIT = 16;

/** Exact up to `exactLimit` free nodes, heuristic beyond. Throws on impossible pins. */
export function solveOrder(p: OrderProblem, options: SearchOptions = {}): OrderSolution {
  const why = pinProblem(p);
  if (why) throw new RangeError(why);
  const limit = Math.min(options.exactLimit ?? DEFAULT_EXACT_LIMIT, MAX_EXACT_LIMIT);
  return freeNodes(p).length <= limit ? solveExact(p) : solveHeuristic(p, options);
}
