// What the hall draws of a planned personal route, prepared by the client from the planner's
// result (client/src/actions/routeDrawing.ts). Pixi-free, so the UI shell can import it.
import type { Vec } from '../../../shared/geometry.ts';

export type DrawnStopState = 'todo' | 'next' | 'visited';

export interface DrawnRoute {
  /** Walked polylines, each on one floor. */
  segments: { floor: string; points: Vec[] }[];
  /** Numbered stops (1-based `n`) at their doorsteps. */
  stops: { floor: string; x: number; y: number; n: number; state: DrawnStopState }[];
  /** Where the route leaves a floor, with the floor it leads to ("» Higher education"). */
  portals: { floor: string; x: number; y: number; text: string }[];
}

/** What is drawn on the floor shown (tests). */
export interface RouteSummary {
  floor: string | null;
  stops: number;
  points: number;
  portals: number;
}
