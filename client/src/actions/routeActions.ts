// Named intents of the personal route: pick stands, favourites, pins, plan, share, open a
// shared link. The planner (shared/route) does the thinking; this module only feeds it the
// floors and the visitor's choices and puts the answer into the store.
import { arrivalLandmark } from '../../../shared/arrival.ts';
import type { CategoryId } from '../../../shared/categories.ts';
import type { Level } from '../../../shared/level/schema.ts';
import { RoutePlanner } from '../../../shared/route/planner.ts';
import { decodeRoute, encodeRoute } from '../../../shared/route/shareCode.ts';
import type { StopRef } from '../../../shared/route/types.ts';
import { realWalkMinutes } from '../../../shared/route/walkTime.ts';
import { viewUrl } from '../../../shared/routes.ts';
import { hall } from '../engine/hallApi.ts';
import { loadLevel } from '../net/api.ts';
import { currentT, useStore } from '../store/index.ts';
import { type RouteStop, routeSpecOf, routeStopId } from '../store/routeSlice.ts';
import { navigate } from './navigation.ts';

/** Most stands added at once by a category. */
export const CATEGORY_LIMIT = 30;

const nameOf = (stop: RouteStop): string => {
  const s = useStore.getState();
  const ex = s.levels[stop.floor]?.stands.find((x) => x.id === stop.stand)?.exhibitor;
  const byDirectory = s.directory.find((d) => d.floor === stop.floor && d.stand === stop.stand)?.exhibitor;
  return s.exhibitors[ex ?? byDirectory ?? '']?.name ?? stop.stand;
};
export { nameOf as routeStopName };

export function inRoute(stop: RouteStop): boolean {
  const id = routeStopId(stop);
  return useStore.getState().routeStops.some((s) => routeStopId(s) === id);
}

export function addStops(stops: readonly RouteStop[]): void {
  const s = useStore.getState();
  const have = new Set(s.routeStops.map(routeStopId));
  const fresh = stops.filter((x) => {
    const id = routeStopId(x);
    if (have.has(id)) return false;
    have.add(id);
    return true;
  });
  if (fresh.length === 0) return;
  s.setRouteStops([...s.routeStops, ...fresh]);
  s.announce(fresh.length === 1 ? currentT()('route.announceAdded', { name: nameOf(fresh[0]!) }) : currentT()('route.open', { count: s.routeStops.length + fresh.length }));
}

export function removeStop(stop: RouteStop): void {
  const s = useStore.getState();
  const id = routeStopId(stop);
  s.setRouteStops(s.routeStops.filter((x) => routeStopId(x) !== id));
}

/** Adds the stand, or removes it when it is already in the route. */
export function toggleStop(stop: RouteStop): void {
  if (inRoute(stop)) removeStop(stop);
  else addStops([stop]);
}

/** Pins a stop at the place it holds in the list now, or unpins it. */
export function togglePin(stop: RouteStop): void {
  const s = useStore.getState();
  const id = routeStopId(stop);
  const at = s.routeStops.findIndex((x) => routeStopId(x) === id);
  if (at < 0) return;
  const pinned = s.routePins.some((p) => p.stop === id);
  s.setRoutePins(pinned ? s.routePins.filter((p) => p.stop !== id) : [...s.routePins.filter((p) => p.position !== at), { stop: id, position: at }]);
}

export function toggleFavourite(stop: RouteStop): void {
  const s = useStore.getState();
  const id = routeStopId(stop);
  s.setFavourites(s.favourites.includes(id) ? s.favourites.filter((f) => f !== id) : [...s.favourites, id]);
}

export function addFavourites(): void {
  addStops(
    useStore.getState().favourites.map((id) => {
      const [floor = '', stand = ''] = id.split('/');
      return { floor, stand };
    }),
  );
}

/** Stands of a category on a floor, in reading order of the directory, at most CATEGORY_LIMIT. */
export function standsOfCategory(floor: string, category: CategoryId): RouteStop[] {
  const s = useStore.getState();
  return s.directory
    .filter((d) => d.floor === floor && s.exhibitors[d.exhibitor]?.category === category)
    .slice(0, CATEGORY_LIMIT)
    .map((d) => ({ floor: d.floor, stand: d.stand }));
}

export function clearRoute(): void {
  const s = useStore.getState();
  s.setRouteStops([]);
  s.setRoutePins([]);
}

let cached: { levels: Level[]; planner: RoutePlanner } | null = null;

/** One planner for every floor of the exhibition, rebuilt only when a floor's layout changes. */
function plannerFor(levels: Level[]): RoutePlanner {
  if (cached && cached.levels.length === levels.length && cached.levels.every((l, i) => l === levels[i])) return cached.planner;
  cached = { levels, planner: new RoutePlanner(levels) };
  return cached.planner;
}

function startRef(levels: Level[]): StopRef {
  const s = useStore.getState();
  const start = s.routeStart;
  if (start.kind === 'landmark') return { kind: 'landmark', floor: start.floor, landmark: start.landmark };
  const h = hall();
  const here = h?.shownFloor();
  if (h && here) {
    const p = h.avatarPosition();
    return { kind: 'point', floor: here, x: Math.round(p.x * 100) / 100, y: Math.round(p.y * 100) / 100, id: 'here' };
  }
  // The hall is not drawn yet: start at the entrance of the first stop's floor.
  const floor = s.routeStops[0]?.floor ?? levels[0]?.id ?? '';
  const level = levels.find((l) => l.id === floor);
  const lm = level ? arrivalLandmark(level) : undefined;
  return lm ? { kind: 'landmark', floor, landmark: lm.id } : { kind: 'point', floor, x: 0, y: 0 };
}

/** Plans the route; returns an error text when the floors could not be loaded. */
export async function planRoute(): Promise<string | null> {
  const s = useStore.getState();
  if (s.routeStops.length === 0) return null;
  s.setRoutePlanning(true);
  let levels: Level[];
  try {
    // The planner needs every floor, not only those visited: a route may pass through others.
    levels = await Promise.all(s.floors.map((f) => loadLevel(f.id)));
  } catch {
    useStore.getState().setRoutePlanning(false);
    return currentT()('route.fail.load');
  }
  const st = useStore.getState();
  const stops = st.routeStops;
  const byId = new Map(stops.map((x) => [routeStopId(x), x]));
  const result = plannerFor(levels).plan({
    start: startRef(levels),
    stops: stops.map((x) => ({ kind: 'stand', floor: x.floor, stand: x.stand })),
    ...(st.routeEnd ? { end: { kind: 'landmark', floor: st.routeEnd.floor, landmark: st.routeEnd.landmark } } : {}),
    pins: st.routePins,
    stepFree: st.routeStepFree,
  });
  st.setRoutePlanning(false);
  if (!result.ok) {
    st.setRoutePlan(result);
    return null;
  }
  const ordered = result.order.flatMap((id) => {
    const x = byId.get(id);
    return x ? [x] : [];
  });
  st.setRoutePlan(result, ordered);
  st.announce(
    currentT()('route.planned', { count: ordered.length, metres: Math.round(result.metres), minutes: realWalkMinutes(result.seconds) }),
  );
  return null;
}

export function shareUrl(): string {
  const code = encodeRoute(routeSpecOf(useStore.getState()));
  return new URL(viewUrl({ kind: 'route', code }), location.href).href;
}

export function setRoutePanel(open: boolean): void {
  useStore.getState().setRoutePanelOpen(open);
}

/** A /route/<code> link: the route replaces the visitor's own, the panel opens on its first floor. */
export function openSharedRoute(code: string): void {
  const s = useStore.getState();
  const spec = decodeRoute(code);
  if (!spec) {
    s.announce(currentT()('route.badLink'));
    navigate({ kind: 'home' }, { replace: true });
    return;
  }
  s.loadRouteSpec(spec);
  s.setRoutePanelOpen(true);
  s.announce(currentT()('route.loaded', { count: spec.stops.length }));
  const floor = spec.stops[0]?.floor;
  navigate(floor ? { kind: 'floor', floorId: floor } : { kind: 'home' }, { replace: true });
}
