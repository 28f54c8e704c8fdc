// In-page reminders: a toast `leadMinutes` before each starred event on whatever page of the
// fair is open (hall, programme). One ReminderIndex over the starred events' reminder times
// on the fair clock (the server's, not this browser's) and one timer for the earliest, as on
// the server. A reminder shown (or dismissed) once is not shown again in this browser, nor
// after a reload; a page opened after the reminder time but before the start shows it at once.
import { ReminderIndex } from '../../../../shared/programme/reminderIndex.ts';
import { fetchFairOffset } from '../../net/myProgrammeApi.ts';
import { useStore } from '../../store/index.ts';
import { loadMyProgramme } from './actions.ts';

const MINUTE = 60_000;
const SHOWN_KEY = 'expo.reminded';
/** Re-check at least this often, so a sleeping laptop or a changed system clock cannot lose one. */
const MAX_WAIT_MS = 60_000;

function shownSet(): Set<string> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(SHOWN_KEY) ?? '[]');
    return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

function remember(mark: string): void {
  const all = [...shownSet(), mark].slice(-500);
  try {
    localStorage.setItem(SHOWN_KEY, JSON.stringify(all));
  } catch {
    // Private mode without storage: the toast may show again after a reload, nothing worse.
  }
}

/** Key of one reminder: the event at one start (a moved event is reminded of again). */
const markOf = (eventId: string, start: number) => `${eventId}@${start}`;

/** Starts reminding; returns the dispose. */
export function startReminders(): () => void {
  const index = new ReminderIndex();
  let offset = useStore.getState().progClockSynced ? useStore.getState().progOffsetMs : 0;
  let timer: number | undefined;
  let stopped = false;
  const now = () => Date.now() + offset;

  const starts = new Map<string, { start: number; title: { ru: string; en?: string | undefined } }>();

  const fire = () => {
    timer = undefined;
    if (stopped) return;
    const t = now();
    for (const { key } of index.takeDue(t)) {
      const ev = starts.get(key);
      if (!ev || t >= ev.start) continue;
      const mark = markOf(key, ev.start);
      if (shownSet().has(mark)) continue;
      remember(mark);
      useStore.getState().showReminder({ eventId: key, title: ev.title, start: ev.start, minutes: Math.max(0, Math.round((ev.start - t) / MINUTE)) });
    }
    arm();
  };

  const arm = () => {
    if (timer !== undefined) window.clearTimeout(timer);
    timer = undefined;
    const next = index.nextDue();
    if (next === null || stopped) return;
    timer = window.setTimeout(fire, Math.min(MAX_WAIT_MS, Math.max(0, next - now())));
  };

  /** Makes the index match the starred events and the lead time now in the store. */
  const sync = () => {
    const my = useStore.getState().my;
    const lead = (my?.reminders.leadMinutes ?? 10) * MINUTE;
    const keep = new Set<string>();
    for (const e of my?.events ?? []) {
      const start = Date.parse(e.start);
      if (!Number.isFinite(start)) continue;
      keep.add(e.id);
      starts.set(e.id, { start, title: e.title });
      index.set(e.id, now() < start ? start - lead : null);
    }
    for (const id of [...starts.keys()]) {
      if (keep.has(id)) continue;
      starts.delete(id);
      index.set(id, null);
      useStore.getState().dismissReminder(id);
    }
    arm();
  };

  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.my !== prev.my) sync();
    // The programme pages read the server clock too: one reading is enough for both.
    if (s.progClockSynced && s.progOffsetMs !== prev.progOffsetMs) {
      offset = s.progOffsetMs;
      sync();
    }
  });
  void fetchFairOffset()
    .then((o) => {
      offset = o;
      sync();
    })
    .catch(() => {});
  void loadMyProgramme();
  sync();

  return () => {
    stopped = true;
    unsubscribe();
    if (timer !== undefined) window.clearTimeout(timer);
  };
}
