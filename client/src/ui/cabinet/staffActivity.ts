// Is someone at this cabinet page? Input (pointer, keys, wheel, touch) keeps it active; no
// input for STAFF_AWAY_AFTER_MS or a hidden tab makes it away, and visitors then see "staff
// away" instead of "online". The rule is shared/staffPresence.ts pageAway; this only listens.
import { STAFF_AWAY_AFTER_MS, pageAway } from '../../../../shared/staffPresence.ts';

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls `onChange` with each change of the away state (starting active); returns the dispose. */
export function watchActivity(onChange: (away: boolean) => void, awayAfterMs = STAFF_AWAY_AFTER_MS): () => void {
  let lastInputAt = Date.now();
  let away = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const check = () => {
    const now = Date.now();
    const next = pageAway(document.visibilityState === 'hidden', lastInputAt, now, awayAfterMs);
    if (next !== away) {
      away = next;
      onChange(away);
    }
    if (timer) clearTimeout(timer);
    // Re-checked when the quiet time would run out (the clock is read then, not counted here).
    timer = away ? null : setTimeout(check, Math.max(1000, lastInputAt + awayAfterMs - now));
  };
  const onInput = () => {
    lastInputAt = Date.now();
    // Only a change is worth the work: pointermove fires at frame rate.
    if (away) check();
  };
  // Coming back to the tab counts as input; leaving it is away at once.
  const onVisibility = () => {
    lastInputAt = Date.now();
    check();
  };

  for (const type of INPUT_EVENTS) addEventListener(type, onInput, { passive: true, capture: true });
  addEventListener('focus', onInput);
  document.addEventListener('visibilitychange', onVisibility);
  check();
  return () => {
    if (timer) clearTimeout(timer);
    for (const type of INPUT_EVENTS) removeEventListener(type, onInput, { capture: true });
    removeEventListener('focus', onInput);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
