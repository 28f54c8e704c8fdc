// Resolves once the hall's first floor is on screen (the engine's `expo:floor-drawn` mark) and
// the page is idle after it. What the first picture does not need (the live-presence SDK)
// waits for this, so a slow link spends its first seconds on the hall itself.
let ready: Promise<void> | null = null;

function drawn(): Promise<void> {
  if (performance.getEntriesByName('expo:floor-drawn').length > 0) return Promise.resolve();
  return new Promise((resolve) => {
    const obs = new PerformanceObserver((list) => {
      if (list.getEntriesByName('expo:floor-drawn').length === 0) return;
      obs.disconnect();
      resolve();
    });
    obs.observe({ type: 'mark' });
  });
}

function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 100);
  });
}

/** At most `maxWaitMs` (a hall that never draws, e.g. no WebGL at all, still goes live). */
export function afterFirstDraw(maxWaitMs = 8000): Promise<void> {
  ready ??= Promise.race([drawn(), new Promise<void>((r) => setTimeout(r, maxWaitMs))]).then(idle);
  return ready;
}
