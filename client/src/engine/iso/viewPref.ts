// Which view of the hall the visitor sees: the plan or the 3D (isometric) view. A choice is
// remembered in localStorage and carried in the URL (`?view=3d`), so a shared link opens
// the same view. Without a choice the plan is the default, and on software rendering
// (SwiftShader, a weak computer) the 3D view is never chosen for the visitor.
export type HallView = 'plan' | '3d';

const KEY = 'expo.hallView';
const listeners = new Set<(v: HallView) => void>();
let current: HallView | null = null;

function fromUrl(): HallView | null {
  const v = new URLSearchParams(location.search).get('view');
  return v === '3d' ? '3d' : v === 'plan' ? 'plan' : null;
}

function stored(): HallView | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === '3d' || v === 'plan' ? v : null;
  } catch {
    return null;
  }
}

/** The view chosen in the URL or remembered, or null when the visitor never chose. */
export function storedHallView(): HallView | null {
  return fromUrl() ?? stored();
}

/** The default view for this visitor when there is no choice yet. */
let fallback: HallView = '3d';

/** The view to show: the URL's, else the remembered one, else the default. */
export function hallView(): HallView {
  current ??= storedHallView() ?? fallback;
  return current;
}

/** Sets the default (the plan on software rendering) and applies it when nothing was chosen. */
export function setDefaultHallView(v: HallView): HallView {
  fallback = v;
  if (storedHallView() === null && current !== v) {
    current = v;
    for (const fn of listeners) fn(v);
  }
  return hallView();
}

/** Whether the renderer is software (SwiftShader, llvmpipe): then the plan stays the default. */
export function softwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|software|basic render/i.test(renderer);
}

function writeUrl(v: HallView): void {
  const url = new URL(location.href);
  if (v === '3d') url.searchParams.set('view', '3d');
  else url.searchParams.delete('view');
  history.replaceState(history.state, '', url);
}

export function setHallView(v: HallView): void {
  current = v;
  try {
    localStorage.setItem(KEY, v);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  writeUrl(v);
  for (const fn of listeners) fn(v);
}

/** Keeps `?view=3d` on the URL after the app navigates (opening a stand, another floor). */
export function keepViewInUrl(): void {
  if (current === '3d' && fromUrl() !== '3d') writeUrl('3d');
}

export function onHallView(fn: (v: HallView) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
