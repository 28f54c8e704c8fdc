// "You are at the stand": after a walk to a stand is asked for, a small watcher polls the
// engine's avatar position (four times a second, never per frame through React) and
// announces the arrival once, so a visitor who cannot see the hall knows the walk ended. A
// walk that goes elsewhere, a floor change or a route being followed (it announces its own
// stops) ends the watch without a word.
import { type Vec, dist } from '../../../shared/geometry.ts';
import { doorstep } from '../../../shared/level/stand.ts';
import { hall } from '../engine/hallApi.ts';
import { currentT, useStore } from '../store/index.ts';

const POLL_MS = 250;
/** As the route follower counts arrival (actions/routeFollow.ts). */
const NEAR_METRES = 2;
/** A walk across the largest floor takes well under this; a stuck one is given up. */
const GIVE_UP_MS = 180_000;

let timer: ReturnType<typeof setInterval> | null = null;

export function stopArrivalWatch(): void {
  if (timer !== null) clearInterval(timer);
  timer = null;
}

export function watchArrival(floorId: string, standId: string, name: string): void {
  stopArrivalWatch();
  const stand = useStore.getState().levels[floorId]?.stands.find((x) => x.id === standId);
  if (!stand) return;
  const door: Vec = doorstep(stand);
  const started = Date.now();
  let walking = false;
  timer = setInterval(() => {
    const s = useStore.getState();
    const h = hall();
    if (!h || s.floorId !== floorId || s.routeFollow.status !== 'idle' || Date.now() - started > GIVE_UP_MS) {
      stopArrivalWatch();
      return;
    }
    if (dist(h.avatarPosition(), door) <= NEAR_METRES) {
      stopArrivalWatch();
      s.announce(currentT()('hall.arrivedAt', { name }));
      return;
    }
    const target = h.walkTarget();
    if (target) walking = true;
    // The visitor walked somewhere else, or the walk ended short of the stand.
    if ((target && dist(target, door) > 0.5) || (walking && !target)) stopArrivalWatch();
  }, POLL_MS);
}
