// The URL is the source of truth for what is on screen: actions navigate, and the router
// turns the location into store state. Back/forward and reload therefore just work.
import { type View, parseView, viewUrl } from '../../../shared/routes.ts';
import { currentT, useStore } from '../store/index.ts';
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
  if (store.status === 'ready' && !store.floors.some((f) => f.id === view.floorId)) {
    store.announce(currentT()('floors.notFound', { id: view.floorId }));
    navigate({ kind: 'home' }, { replace: true });
    return;
  }
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

export function currentView(): View {
  return parseView(location.pathname, location.search);
}

/** Starts following the address bar; returns a dispose. */
export function startRouter(): () => void {
  const onPop = () => applyView(currentView());
  window.addEventListener('popstate', onPop);
  applyView(currentView());
  return () => window.removeEventListener('popstate', onPop);
}
