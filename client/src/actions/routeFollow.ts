// "Go": the avatar follows the planned route stop by stop. A small controller polls the
// engine's avatar position four times a second (never React state per frame), walks to the
// next stop's doorstep on this floor or to the portal the leg takes, notices arrival (2 m)
// and a visitor who walked elsewhere, and waits at each stop for "Next".
import { type Vec, dist } from '../../../shared/geometry.ts';
import { doorstep } from '../../../shared/level/stand.ts';
import { hall } from '../engine/hallApi.ts';
import { currentT, useStore } from '../store/index.ts';
import { type RouteStop, routeStopId } from '../store/routeSlice.ts';
import { goToFloor } from './hallActions.ts';
import { routeStopName } from './routeActions.ts';

const POLL_MS = 250;
export const ARRIVAL_METRES = 2;

let timer: ReturnType<typeof setInterval> | null = null;
/** Where the walk we asked the engine for ends, and on which floor. */
let expected: { floor: string; target: Vec; from: Vec } | null = null;
/** Walks re-issued because something else (the server placing us on a new floor) cut them. */
let retries = 0;
const MAX_RETRIES = 8;
/** The visitor opened the stop's page while standing there: closing it moves on. */
let openedHere = false;

function stopAt(i: number): RouteStop | undefined {
  return useStore.getState().routeStops[i];
}

function doorOf(stop: RouteStop): Vec | null {
  const stand = useStore.getState().levels[stop.floor]?.stands.find((x) => x.id === stop.stand);
  return stand ? doorstep(stand) : null;
}

/** The portal the planned leg to stop i takes from this floor, if it leaves this floor. */
function portalFrom(floor: string, i: number): string | null {
  const plan = useStore.getState().routePlan;
  if (!plan?.ok) return null;
  return plan.legs[i]?.transitions.find((t) => t.from.floor === floor)?.from.portal ?? null;
}

function highlight(stop: RouteStop | undefined): void {
  const s = useStore.getState();
  const id = stop && stop.floor === s.floorId ? stop.stand : null;
  if (s.highlightedStandId !== id) s.setHighlighted(id);
}

/** Sends the avatar towards the current stop; waits quietly while a floor is being drawn. */
function command(): void {
  const s = useStore.getState();
  const i = s.routeFollow.index;
  const stop = stopAt(i);
  const h = hall();
  const shown = h?.shownFloor() ?? null;
  expected = null;
  if (!stop) return;
  highlight(stop);
  if (!h || !shown || shown !== s.floorId) return;
  const t = currentT();
  if (stop.floor === shown) {
    const door = doorOf(stop);
    if (!door) return;
    h.walkToStand(stop.stand);
    expected = { floor: shown, target: door, from: h.avatarPosition() };
    s.announce(t('route.walkingTo', { n: i + 1, name: routeStopName(stop) }));
    return;
  }
  const portalId = portalFrom(shown, i);
  const portal = portalId ? s.levels[shown]?.portals.find((p) => p.id === portalId) : undefined;
  if (portal && h.walkToPortal(portal.id)) {
    expected = { floor: shown, target: { x: portal.x, y: portal.y }, from: h.avatarPosition() };
    const floor = s.floors.find((f) => f.id === portal.to.floor);
    s.announce(t('route.changeFloor', { floor: floor?.title[s.lang] ?? portal.to.floor }));
    return;
  }
  // Off the planned floors (the visitor wandered): take the visitor to the stop's floor.
  goToFloor(stop.floor);
}

function arrive(): void {
  const s = useStore.getState();
  const i = s.routeFollow.index;
  const stop = stopAt(i);
  if (!stop) return;
  const id = routeStopId(stop);
  openedHere = false;
  s.setRouteFollow({ status: 'arrived', visited: s.routeFollow.visited.includes(id) ? s.routeFollow.visited : [...s.routeFollow.visited, id] });
  s.announce(currentT()('route.arrived', { n: i + 1, name: routeStopName(stop) }));
}

function poll(): void {
  const s = useStore.getState();
  const f = s.routeFollow;
  const h = hall();
  if (f.status === 'idle' || f.status === 'done') {
    stopTimer();
    return;
  }
  const stop = stopAt(f.index);
  if (!h || !stop) return;
  const shown = h.shownFloor();
  // A floor switch in progress (portal taken, next floor not drawn yet): wait for it.
  if (!shown || shown !== s.floorId) return;
  const door = stop.floor === shown ? doorOf(stop) : null;
  const near = door !== null && dist(h.avatarPosition(), door) <= ARRIVAL_METRES;
  switch (f.status) {
    case 'walking': {
      if (near) {
        arrive();
        return;
      }
      if (!expected || expected.floor !== shown) {
        // Arrived on another floor through the leg's portal: carry on from here.
        command();
        return;
      }
      const target = h.walkTarget();
      // The walk vanished without the avatar going anywhere: the server placed us when we
      // entered the floor, or refused a step. Not the visitor leaving: walk again.
      if (!target && dist(h.avatarPosition(), expected.from) < 1 && retries < MAX_RETRIES) {
        retries++;
        command();
        return;
      }
      if (!target || dist(target, expected.target) > 0.5) {
        s.setRouteFollow({ status: 'off' });
        s.announce(currentT()('route.offRoute'));
      }
      return;
    }
    case 'off':
      if (near) arrive();
      return;
    case 'arrived':
      if (s.openStandId === stop.stand && s.floorId === stop.floor) openedHere = true;
      else if (openedHere && !s.openStandId) nextStop();
      return;
  }
}

function startTimer(): void {
  timer ??= setInterval(poll, POLL_MS);
}

function stopTimer(): void {
  if (timer !== null) clearInterval(timer);
  timer = null;
  expected = null;
}

function walkFrom(index: number): void {
  const s = useStore.getState();
  if (index >= s.routeStops.length) {
    s.setRouteFollow({ status: 'done', index: s.routeStops.length });
    highlight(undefined);
    stopTimer();
    s.announce(currentT()('route.done'));
    return;
  }
  s.setRouteFollow({ status: 'walking', index: Math.max(0, index) });
  retries = 0;
  startTimer();
  command();
}

/** "Go": from the first stop not visited yet. */
export function startFollow(): void {
  const s = useStore.getState();
  if (!s.routePlan?.ok) return;
  const visited = new Set(s.routeFollow.visited);
  const first = s.routeStops.findIndex((x) => !visited.has(routeStopId(x)));
  walkFrom(first < 0 ? s.routeStops.length : first);
}

export function nextStop(): void {
  walkFrom(useStore.getState().routeFollow.index + 1);
}

/** Skips the current stop without ticking it. */
export function skipStop(): void {
  nextStop();
}

export function previousStop(): void {
  walkFrom(Math.max(0, useStore.getState().routeFollow.index - 1));
}

/** After walking elsewhere: back to the current stop. */
export function resumeFollow(): void {
  walkFrom(useStore.getState().routeFollow.index);
}

export function stopFollow(): void {
  const s = useStore.getState();
  stopTimer();
  highlight(undefined);
  s.setRouteFollow({ status: 'idle' });
}
