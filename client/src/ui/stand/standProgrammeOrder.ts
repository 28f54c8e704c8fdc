// The stand page's programme events as the visitor reads them. The server picks them by fit
// (shared/programme/related.ts eventsForStand: the rarer topic first), but the list shows a
// date and time on every line, so fit order read as a jumbled schedule ("23:30" above
// "02:45" of the same day). Shown: what is still ahead in time order, then what is over,
// newest first, as the server separates them.
import type { EventView } from '../../../../shared/programme/views.ts';

const over = (e: Pick<EventView, 'state'>) => e.state === 'ended' || e.state === 'recording-ready';

export function inReadingOrder<E extends Pick<EventView, 'id' | 'start' | 'state'>>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => {
    if (over(a) !== over(b)) return over(a) ? 1 : -1;
    const dt = Date.parse(a.start) - Date.parse(b.start);
    return (over(a) ? -dt : dt) || a.id.localeCompare(b.id);
  });
}
