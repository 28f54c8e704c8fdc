// The programme as the hall knows it: what is on air now (kept in the store, fetched again
// when the next event starts or ends, by the server's fair clock), and the intent "enter the
// programme from this landmark", the same for a click, Enter and tests.
import type { Landmark } from '../../../shared/level/schema.ts';
import { type LandmarkTarget, type ProgrammeScope, landmarkTarget } from '../../../shared/programme/onAir.ts';
import { fetchOnAir } from '../net/onAirApi.ts';
import { EMPTY_QUERY, scheduleSearch } from '../programme/query.ts';
import { eventPath, PROGRAMME_PATH } from '../programme/paths.ts';
import { useStore } from '../store/index.ts';

/** Asked again at least this often (a programme file may change), and after a failure. */
const REFRESH_MAX_MS = 5 * 60_000;
const RETRY_MS = 60_000;
/** A start or end is asked about this long after it, so the server's clock has passed it. */
const AFTER_CHANGE_MS = 1000;

/** Keeps `progOnAir` current while the hall is open; returns the stop. */
export function followOnAir(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const ctrl = new AbortController();
  const again = (ms: number) => {
    if (timer) clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void load(), ms);
  };
  const load = async () => {
    try {
      const view = await fetchOnAir(ctrl.signal);
      if (stopped) return;
      const s = useStore.getState();
      s.setProgOnAir(view.events);
      // The hall's fair clock too (webinar states on stand pages): this answer's reading is
      // good enough until a programme page makes the exact clock call.
      if (!s.progClockSynced) s.setProgOffset(view.clock.nowMs - Date.now(), false);
      // The wait is counted on the server's clock, so a wrong clock in the browser does not matter.
      const untilChange = view.nextChangeAt === null ? REFRESH_MAX_MS : view.nextChangeAt - view.clock.nowMs + AFTER_CHANGE_MS;
      again(Math.min(Math.max(untilChange, AFTER_CHANGE_MS), REFRESH_MAX_MS));
    } catch (err) {
      if (stopped) return;
      console.warn('[programme] on air', err);
      again(RETRY_MS);
    }
  };
  // A tab in the background may have slept through a change (timers are throttled there).
  const onVisible = () => {
    if (document.visibilityState === 'visible') void load();
  };
  document.addEventListener('visibilitychange', onVisible);
  void load();
  return () => {
    stopped = true;
    ctrl.abort();
    if (timer) clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
}

function scopeOf(l: Pick<Landmark, 'programme'>): ProgrammeScope {
  return l.programme ?? {};
}

export function targetHref(t: LandmarkTarget): string {
  if (t.kind === 'event') return eventPath(t.eventId);
  return PROGRAMME_PATH + scheduleSearch({ ...EMPTY_QUERY, stage: t.stage, cluster: t.cluster, live: t.live });
}

/** Where a programme landmark of the floor shown leads now (null: no such landmark). */
export function landmarkHref(landmarkId: string): string | null {
  const s = useStore.getState();
  const level = s.floorId ? s.levels[s.floorId] : undefined;
  const l = level?.landmarks.find((x) => x.id === landmarkId && x.kind === 'programme');
  return l ? targetHref(landmarkTarget(scopeOf(l), s.progOnAir)) : null;
}

/** Enters the programme from a landmark (the programme is its own page: a full load). */
export function enterProgramme(landmarkId: string): void {
  const href = landmarkHref(landmarkId);
  if (href) location.assign(href);
}
