// Contracts of the route planner ("Personal routes through the alleys"): what a visitor asks
// for (stops on floors, a start, maybe an end and pins) and what comes back (an order of the
// stops with drawable legs, or a clear refusal naming the stops that cannot be reached).
import type { Vec } from '../geometry.ts';
import type { Portal } from '../level/schema.ts';

export type PortalKind = Portal['kind'];

/**
 * A place on some floor the route passes. Stands are walked to their doorstep; landmarks and
 * points are walked to themselves. `id` names the stop in results and pins; when omitted it is
 * derived by `stopId` ("floor/stand", "floor/landmark", "floor@x,y").
 */
export type StopRef =
  | { kind: 'stand'; floor: string; stand: string; id?: string }
  | { kind: 'landmark'; floor: string; landmark: string; id?: string }
  | { kind: 'point'; floor: string; x: number; y: number; id?: string };

export function stopId(s: StopRef): string {
  if (s.id !== undefined) return s.id;
  switch (s.kind) {
    case 'stand':
      return `${s.floor}/${s.stand}`;
    case 'landmark':
      return `${s.floor}/${s.landmark}`;
    case 'point':
      return `${s.floor}@${s.x},${s.y}`;
  }
}

/** Costs of crossing between floors, in metre-equivalents (what the optimiser minimises) and seconds. */
export interface PortalCosts {
  /** Stairs are charged per floor climbed; lifts and escalators per ride. */
  metres: Record<PortalKind, number>;
  seconds: Record<PortalKind, number>;
}

export const DEFAULT_PORTAL_COSTS: PortalCosts = {
  metres: { stairs: 25, lift: 40, escalator: 20 },
  seconds: { stairs: 30, lift: 60, escalator: 30 },
};

/** A person's walking speed in a real hall, for the time estimate (realWalkMinutes), m/s; the avatar is faster. */
export const WALK_SPEED = 1.2;

export interface DistanceOptions {
  /** Only lifts between floors: no stairs, no escalators. */
  stepFree?: boolean;
}

/**
 * How hard the order search tries beyond the exact limit. shared/ never reads a clock: pass
 * `now` (ms) together with `timeBudgetMs` for a wall-clock budget; without it the search runs
 * a fixed number of seeded restarts, so the same request always gives the same route.
 */
export interface SearchOptions {
  /** Largest number of free stops solved exactly by Held-Karp (default 12, at most 16). */
  exactLimit?: number;
  /** Randomised restarts after the nearest-neighbour and greedy starts (default 24). */
  restarts?: number;
  seed?: number;
  now?: () => number;
  /** Used only with `now` (default 150 ms). */
  timeBudgetMs?: number;
}

/**
 * A pin keeps a stop at a fixed place in the visiting order. `position` counts the stops
 * visited after the start, from 0: position 0 is the first stop walked to after leaving the
 * start, position k has exactly k stops before it. The start is not counted and cannot be
 * pinned; a fixed `end` is always last, is not counted either and cannot be pinned. So with
 * m stops (start and end excluded) positions run 0..m-1.
 */
export interface Pin {
  stop: string;
  position: number;
}

export interface RouteRequest {
  start: StopRef;
  stops: readonly StopRef[];
  /** Where the route must finish (e.g. the exit); without it the route ends at its last stop. */
  end?: StopRef;
  pins?: readonly Pin[];
  stepFree?: boolean;
  search?: SearchOptions;
}

export interface PortalTransition {
  kind: PortalKind;
  from: { floor: string; portal: string };
  to: { floor: string; portal: string };
  seconds: number;
}

/** One walk between consecutive stops, split per floor for drawing. */
export interface Leg {
  from: string;
  to: string;
  /** Consecutive pieces on one floor each; a new piece starts after every portal. */
  segments: { floor: string; points: Vec[] }[];
  /** transitions[i] joins segments[i] and segments[i + 1]. */
  transitions: PortalTransition[];
  /** Walked metres (off-alley steps included, portals excluded). */
  metres: number;
  /** Walking time at WALK_SPEED plus portal time. */
  seconds: number;
  /** What the optimiser minimised: metres plus portal metre-equivalents. */
  cost: number;
}

export interface RoutePlan {
  ok: true;
  /** Stop ids in visiting order: the start first, the end (if fixed) last. */
  order: string[];
  legs: Leg[];
  metres: number;
  seconds: number;
  cost: number;
  /** Whether the order is a proven optimum (Held-Karp) rather than a heuristic one. */
  exact: boolean;
}

export type RouteFailureReason =
  /** A stop names a floor, stand or landmark the planner does not know. */
  | 'unknown-stop'
  /** No walk joins the stop to the start (e.g. an alley nobody can reach). */
  | 'no-path'
  /** Reachable, but only by stairs or escalators while step-free was asked for. */
  | 'no-step-free-path'
  /** Pins that cannot all hold (duplicate, out of range, on the start or the end). */
  | 'invalid-pins';

export interface RouteFailure {
  ok: false;
  unreachable: string[];
  reason: RouteFailureReason;
  /** English explanation for logs; the UI should word `reason` in the visitor's language. */
  message: string;
}

export type RouteResult = RoutePlan | RouteFailure;
