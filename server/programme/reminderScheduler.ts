// One timer for every reminder of the process: the reminders sit in a ReminderIndex (a heap
// of due times on the fair clock, shared/programme/reminderIndex.ts) and a single timer is
// armed for the earliest. When it fires, every reminder due by then is handed over at once
// and the timer is armed for the next. 10 000 starred events cost 10 000 heap entries and
// one timer, not 10 000 timers (scripts/bench-reminders.ts measures it).
import type { FairClock } from '../../shared/programme/clock.ts';
import { ReminderIndex } from '../../shared/programme/reminderIndex.ts';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending reminder must not keep a stopping process (or a test run) alive.
    t.unref?.();
    return t;
  },
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * The longest single wait: the timer is re-armed at least this often, so a real clock that
 * jumps (suspend, NTP) delays a reminder by at most this much.
 */
const MAX_WAIT_MS = 5 * 60_000;

export interface Due {
  key: string;
  dueAt: number;
}

export class ReminderScheduler {
  private readonly index = new ReminderIndex();
  private handle: unknown = null;
  private armedFor: number | null = null;
  private closed = false;
  /** Timers armed so far (the benchmark's "timers per reminder" figure). */
  armCount = 0;

  constructor(
    private readonly clock: Pick<FairClock, 'now'>,
    private readonly onDue: (due: Due[]) => void,
    private readonly timers: Timers = realTimers,
  ) {}

  get size(): number {
    return this.index.size;
  }

  get heapSize(): number {
    return this.index.heapSize;
  }

  dueAt(key: string): number | undefined {
    return this.index.dueAt(key);
  }

  /** Schedules `key` at `dueAt` (fair-clock ms), replacing its earlier time; null drops it. */
  set(key: string, dueAt: number | null): void {
    if (this.closed) return;
    this.index.set(key, dueAt);
    this.arm();
  }

  /** Many changes, one re-arm (loading at start, a programme reload). */
  setMany(entries: Iterable<readonly [string, number | null]>): void {
    if (this.closed) return;
    for (const [key, at] of entries) this.index.set(key, at);
    this.arm();
  }

  close(): void {
    this.closed = true;
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
    this.index.clear();
  }

  private arm(): void {
    const next = this.index.nextDue();
    if (next === this.armedFor && this.handle !== null) return;
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
    this.armedFor = next;
    if (next === null) return;
    const wait = Math.min(MAX_WAIT_MS, Math.max(0, next - this.clock.now()));
    this.armCount++;
    this.handle = this.timers.set(() => this.fire(), wait);
  }

  private fire(): void {
    this.handle = null;
    this.armedFor = null;
    if (this.closed) return;
    const due = this.index.takeDue(this.clock.now());
    if (due.length > 0) this.onDue(due);
    this.arm();
  }
}
