// The visitor's personal route: the stands picked, how to plan it, the planned result and
// where the visitor is along it. The route and the favourites are remembered in the browser.
// The avatar's position is not here: the follow controller polls the engine for it.
import type { StateCreator } from 'zustand';
import { type RouteEnd, type RouteSpec, type RouteStart, decodeRoute, encodeRoute } from '../../../shared/route/shareCode.ts';
import type { Pin, RouteResult } from '../../../shared/route/types.ts';
import type { AppState } from './index.ts';

export interface RouteStop {
  floor: string;
  stand: string;
}

/** "floor/stand": the planner's stop id for a stand. */
export const routeStopId = (s: RouteStop): string => `${s.floor}/${s.stand}`;

export type FollowStatus = 'idle' | 'walking' | 'arrived' | 'off' | 'done';

export interface RouteFollow {
  status: FollowStatus;
  /** Index into `routeStops` of the stop walked to (or stood at). */
  index: number;
  visited: string[];
}

export interface RouteSlice {
  routeStops: RouteStop[];
  routePins: Pin[];
  routeStart: RouteStart;
  routeEnd: RouteEnd | null;
  routeStepFree: boolean;
  /** The last plan; null whenever the request changed since. */
  routePlan: RouteResult | null;
  routePlanning: boolean;
  routePanelOpen: boolean;
  routeFollow: RouteFollow;
  favourites: string[];
  setRouteStops(stops: RouteStop[]): void;
  setRoutePins(pins: Pin[]): void;
  setRouteStart(start: RouteStart): void;
  setRouteEnd(end: RouteEnd | null): void;
  setRouteStepFree(stepFree: boolean): void;
  /** A successful plan also puts the stops in visiting order. */
  setRoutePlan(plan: RouteResult | null, ordered?: RouteStop[]): void;
  setRoutePlanning(planning: boolean): void;
  setRoutePanelOpen(open: boolean): void;
  setRouteFollow(follow: Partial<RouteFollow>): void;
  loadRouteSpec(spec: RouteSpec): void;
  setFavourites(ids: string[]): void;
}

const ROUTE_KEY = 'expo.route';
const FAV_KEY = 'expo.favourites';
const IDLE: RouteFollow = { status: 'idle', index: 0, visited: [] };

export function routeSpecOf(s: Pick<RouteSlice, 'routeStops' | 'routePins' | 'routeStart' | 'routeEnd' | 'routeStepFree'>): RouteSpec {
  const ids = s.routeStops.map(routeStopId);
  return {
    stops: s.routeStops,
    start: s.routeStart,
    end: s.routeEnd,
    stepFree: s.routeStepFree,
    pins: s.routePins.flatMap((p) => {
      const stop = ids.indexOf(p.stop);
      return stop < 0 ? [] : [{ stop, position: p.position }];
    }),
  };
}

function specFields(spec: RouteSpec) {
  return {
    routeStops: spec.stops,
    routeStart: spec.start,
    routeEnd: spec.end,
    routeStepFree: spec.stepFree,
    routePins: spec.pins.flatMap((p) => {
      const s = spec.stops[p.stop];
      return s ? [{ stop: routeStopId(s), position: p.position }] : [];
    }),
  };
}

function stored<T>(key: string, read: (raw: string) => T | null): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? null : read(raw);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: remembered for this page only.
  }
}

const storedSpec = stored(ROUTE_KEY, decodeRoute);
const storedFavourites =
  stored(FAV_KEY, (raw) => {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && /^[a-z0-9-]+\/[a-z0-9-]+$/.test(x)) : null;
  }) ?? [];

export const createRouteSlice: StateCreator<AppState, [], [], RouteSlice> = (set, get) => {
  // Every change of the request drops the stale plan and the progress, and is remembered.
  const change = (patch: Partial<RouteSlice>) => {
    set({ ...patch, routePlan: null, routeFollow: IDLE });
    store(ROUTE_KEY, encodeRoute(routeSpecOf(get())));
  };
  return {
    ...(storedSpec ? specFields(storedSpec) : { routeStops: [], routePins: [], routeStart: { kind: 'here' }, routeEnd: null, routeStepFree: false }),
    routePlan: null,
    routePlanning: false,
    routePanelOpen: false,
    routeFollow: IDLE,
    favourites: storedFavourites,
    setRouteStops: (routeStops) => {
      const ids = new Set(routeStops.map(routeStopId));
      change({ routeStops, routePins: get().routePins.filter((p) => ids.has(p.stop) && p.position < routeStops.length) });
    },
    setRoutePins: (routePins) => change({ routePins }),
    setRouteStart: (routeStart) => change({ routeStart }),
    setRouteEnd: (routeEnd) => change({ routeEnd }),
    setRouteStepFree: (routeStepFree) => change({ routeStepFree }),
    setRoutePlan: (routePlan, ordered) => {
      set({ routePlan, routeFollow: IDLE, ...(ordered ? { routeStops: ordered } : {}) });
      store(ROUTE_KEY, encodeRoute(routeSpecOf(get())));
    },
    setRoutePlanning: (routePlanning) => set({ routePlanning }),
    setRoutePanelOpen: (routePanelOpen) => set({ routePanelOpen }),
    setRouteFollow: (follow) => set((s) => ({ routeFollow: { ...s.routeFollow, ...follow } })),
    loadRouteSpec: (spec) => change(specFields(spec)),
    setFavourites: (favourites) => {
      store(FAV_KEY, JSON.stringify(favourites));
      set({ favourites });
    },
  };
};
