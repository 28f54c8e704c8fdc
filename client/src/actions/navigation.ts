// The URL is the source of truth for what is on screen: actions navigate, and the router
// turns the location into store state. Back/forward and reload therefore just work.
import { type View, parseView, viewUrl } from '../../../shared/routes.ts';
import { loadCatalogue } from '../net/api.ts';
import { useStore } from '../store/index.ts';
import { openSharedRoute } from './routeActions.ts';

export function navigate(view: View, opts: { replace?: boolean } = {}): void {
  const url = viewUrl(view);
  if (url !== location.pathname + location.search) {
    if (opts.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }
  applyView(view);
}

export function applyView(view: View): void {
  const store = useStore.getState();
  if (view.kind === 'home') {
    const first = [...store.floors].sort((a, b) => a.order - b.order)[0];
    if (first) navigate({ kind: 'floor', floorId: first.id }, { replace: true });
    return;
  }
  if (view.kind === 'route') {
    openSharedRoute(view.code);
    return;
  }
  // Any view a visitor reaches closes the not-found view; a bad link opens it again below.
  if (store.notFound) store.setNotFound(null);
  if (store.status === 'ready' && !store.floors.some((f) => f.id === view.floorId)) {
    navigate({ kind: 'home' }, { replace: true });
    store.setNotFound({ kind: 'floor', id: view.floorId });
    return;
  }
  if (view.kind === 'stand' && store.status === 'ready' && !correctStandLink(view.floorId, view.standId)) return;
  store.setFloor(view.floorId);
  if (view.kind === 'stand') {
    store.setOpenStand(view.standId);
    // Opened from the hall the stand is on screen already: the camera stays where it is.
    store.requestFocus(view.standId, 'reveal');
  } else {
    store.setOpenStand(null);
    if (view.focus) {
      store.requestFocus(view.focus);
      store.setHighlighted(view.focus);
    }
  }
}

/**
 * A stand link names a floor and a stand. If the stand is on another floor (it moved), the
 * address is corrected to where it is; if it is on none, the floor is shown with the
 * not-found view and the address names the floor only. False when the link was corrected.
 */
function correctStandLink(floorId: string, standId: string): boolean {
  const store = useStore.getState();
  const places = store.directory.filter((d) => d.stand === standId);
  if (places.some((d) => d.floor === floorId)) return true;
  const elsewhere = places[0];
  if (elsewhere) navigate({ kind: 'stand', floorId: elsewhere.floor, standId }, { replace: true });
  else {
    navigate({ kind: 'floor', floorId }, { replace: true });
    store.setNotFound({ kind: 'stand', id: standId });
  }
  return false;
}

export function currentView(): View {
  return parseView(location.pathname, location.search);
}

/** The one router running: a second start replaces it, so listeners never pile up. */
let stopRunning: (() => void) | null = null;

/** Starts following the address bar (replacing a router already running); returns its dispose. */
export function startRouter(): () => void {
  stopRunning?.();
  const onPop = () => applyView(currentView());
  window.addEventListener('popstate', onPop);
  const stop = () => {
    window.removeEventListener('popstate', onPop);
    if (stopRunning === stop) stopRunning = null;
  };
  stopRunning = stop;
  applyView(currentView());
  return stop;
}

/** Stops the router, if one runs. */
export function stopRouter(): void {
  stopRunning?.();
}

/**
 * Loads the catalogue and, once it is there, follows the address bar. The retry button calls
 * it again: a failed load starts no router, and a later success starts the only one.
 */
export async function openExhibition(): Promise<void> {
  await loadCatalogue();
  if (useStore.getState().status === 'ready') startRouter();
}
