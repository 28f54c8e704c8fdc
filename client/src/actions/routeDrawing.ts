// Turns the planned route in the store into what the hall draws (numbered stops, portal tags)
// and keeps the engine's copy current while the plan, the progress or the language change.
import { doorstep } from '../../../shared/level/stand.ts';
import type { DrawnRoute } from '../engine/drawnRoute.ts';
import type { HallApi } from '../engine/hallApi.ts';
import { translate } from '../i18n/index.ts';
import { type AppState, useStore } from '../store/index.ts';
import { routeStopId } from '../store/routeSlice.ts';

export function drawnRoute(s: AppState): DrawnRoute | null {
  const plan = s.routePlan;
  if (!plan?.ok) return null;
  const following = s.routeFollow.status !== 'idle' && s.routeFollow.status !== 'done';
  const visited = new Set(s.routeFollow.visited);
  const floorTitle = (id: string) => s.floors.find((f) => f.id === id)?.title[s.lang] ?? id;
  return {
    segments: plan.legs.flatMap((l) => l.segments),
    stops: s.routeStops.flatMap((stop, i) => {
      const stand = s.levels[stop.floor]?.stands.find((x) => x.id === stop.stand);
      if (!stand) return [];
      const p = doorstep(stand);
      const state = visited.has(routeStopId(stop)) ? 'visited' : following && s.routeFollow.index === i ? 'next' : 'todo';
      return [{ floor: stop.floor, x: p.x, y: p.y, n: i + 1, state }];
    }),
    portals: plan.legs.flatMap((l) =>
      l.transitions.flatMap((tr, k) => {
        const last = l.segments[k]?.points.at(-1);
        return last ? [{ floor: tr.from.floor, x: last.x, y: last.y, text: translate(s.lang, 'route.portalTo', { floor: floorTitle(tr.to.floor) }) }] : [];
      }),
    ),
  };
}

/** Pushes the route to the engine now and on every relevant change; returns a dispose. */
export function startRouteDrawing(engine: HallApi): () => void {
  engine.setRoute(drawnRoute(useStore.getState()));
  return useStore.subscribe((s, prev) => {
    if (
      s.routePlan !== prev.routePlan ||
      s.routeStops !== prev.routeStops ||
      s.routeFollow !== prev.routeFollow ||
      s.lang !== prev.lang ||
      s.levels !== prev.levels
    )
      engine.setRoute(drawnRoute(s));
  });
}
