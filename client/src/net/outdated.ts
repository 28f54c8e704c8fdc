// "This page speaks an older protocol than the server": set once by any room connection
// that the server refused for it, read by the reload notice. Nothing reconnects after it.
const listeners = new Set<() => void>();
let outdated = false;

export function reportOutdated(): void {
  if (outdated) return;
  outdated = true;
  for (const l of [...listeners]) l();
}

export function isOutdated(): boolean {
  return outdated;
}

/** For useSyncExternalStore: returns the dispose. */
export function onOutdated(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
