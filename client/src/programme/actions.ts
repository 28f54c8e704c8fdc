// The programme pages' intents: load the schedule (with the fair clock's offset), move to
// another programme address (pushState, so back/forward and reload just work) and follow
// the address bar. Components call these; they never touch history or fetch themselves.
import type { ClockView } from '../../../shared/programme/views.ts';
import { fetchClockOffset, fetchProgramme } from '../net/programmeApi.ts';
import { followProgrammeRevisions } from '../net/programmeLive.ts';
import { useStore } from '../store/index.ts';
import { isProgrammePath } from './paths.ts';
import { buildIndex } from './model.ts';

let loading: Promise<void> | null = null;

/**
 * Reads the server's clock once (the programme pages call it at start): every state on
 * screen is computed at fair time, whatever this browser's clock says.
 */
export async function syncClock(): Promise<void> {
  try {
    useStore.getState().setProgOffset(await fetchClockOffset(), true);
  } catch {
    // Offline for a moment: the answers' own clock readings (adoptClock) stand in.
  }
}

/** A clock reading that came with an answer: good enough until the clock call answers. */
export function adoptClock(clock: ClockView): void {
  const s = useStore.getState();
  if (!s.progClockSynced) s.setProgOffset(clock.nowMs - Date.now(), false);
}

/** Loads the schedule once (again after a failure); later calls share the first. */
export function loadProgramme(): Promise<void> {
  const s = useStore.getState();
  if (s.progStatus === 'ready') return Promise.resolve();
  if (loading) return loading;
  s.setProgStatus('loading');
  loading = fetchProgramme()
    .then((view) => {
      adoptClock(view.clock);
      useStore.getState().setProgLoaded(buildIndex(view));
    })
    .catch(() => useStore.getState().setProgStatus('error'))
    .finally(() => {
      loading = null;
    });
  return loading;
}

/**
 * Live reload: when the server serves a newer programme (an organiser saved a file), the
 * schedule is fetched again and shown without a flash, and event and speaker pages refetch
 * (they follow `progReload`). Returns the stop.
 */
export function followProgrammeChanges(): () => void {
  // The revision the server announced last; the first announcement only says where it is.
  let known: number | null = null;
  return followProgrammeRevisions((revision) => {
    const first = known === null;
    if (revision === known) return;
    known = revision;
    const s = useStore.getState();
    const shown = s.progIndex?.view.revision;
    if (first && (shown === undefined || shown >= revision)) return;
    s.bumpProgReload();
    if (s.progStatus !== 'ready' || (shown !== undefined && shown >= revision)) return;
    fetchProgramme().then(
      (view) => {
        adoptClock(view.clock);
        useStore.getState().setProgLoaded(buildIndex(view));
      },
      () => {
        // The schedule on screen stays; the next change or a reload brings the new one.
      },
    );
  });
}

/** Fair time now, on the server's clock. */
export function fairNow(): number {
  return Date.now() + useStore.getState().progOffsetMs;
}

/**
 * Goes to a programme address. `replace` for changes that should not each make a history
 * entry (typing in a search box). A non-programme address is a full page load (the hall).
 */
export function goTo(url: string, opts: { replace?: boolean } = {}): void {
  const target = new URL(url, location.href);
  if (!isProgrammePath(target.pathname)) {
    location.assign(target.toString());
    return;
  }
  const next = target.pathname + target.search + target.hash;
  if (next !== location.pathname + location.search + location.hash) {
    if (opts.replace) history.replaceState(null, '', next);
    else history.pushState(null, '', next);
  }
  useStore.getState().setProgLocation(target.pathname, target.search);
}

/** Follows back/forward; returns the dispose. */
export function startProgrammeRouter(): () => void {
  const onPop = () => useStore.getState().setProgLocation(location.pathname, location.search);
  window.addEventListener('popstate', onPop);
  onPop();
  return () => window.removeEventListener('popstate', onPop);
}
