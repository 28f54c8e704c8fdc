// When reminders fall due, without a timer per reminder: one min-heap of due times (fair-clock
// ms) over every reminder, keyed by a string the caller chooses ("visitor\nevent" on the
// server, the event id in a browser). A changed or dropped reminder is not searched for in
// the heap: the index remembers each key's current due time and skips heap entries that no
// longer match (lazy deletion), rebuilding the heap when stale entries outnumber live ones.
// The caller arms one timer for nextDue() and calls takeDue(now) when it fires. Pure: no clock.
import { MinHeap } from '../heap.ts';

export class ReminderIndex {
  private heap = new MinHeap<string>();
  private stale = 0;
  private readonly due = new Map<string, number>();

  /** Reminders scheduled now. */
  get size(): number {
    return this.due.size;
  }

  /** Entries in the heap, stale ones included (for the benchmark's memory figures). */
  get heapSize(): number {
    return this.heap.size;
  }

  /** Schedules `key` at `dueAt`, replacing its previous time; null drops it. */
  set(key: string, dueAt: number | null): void {
    const before = this.due.get(key);
    if (before === dueAt) return;
    if (before !== undefined) this.stale++;
    if (dueAt === null || !Number.isFinite(dueAt)) {
      this.due.delete(key);
    } else {
      this.due.set(key, dueAt);
      this.heap.push(key, dueAt);
    }
    if (this.stale > 1024 && this.stale > this.due.size) this.rebuild();
  }

  has(key: string): boolean {
    return this.due.has(key);
  }

  dueAt(key: string): number | undefined {
    return this.due.get(key);
  }

  /** The earliest due time of a live reminder; null when there is none. */
  nextDue(): number | null {
    this.dropStaleTop();
    return this.heap.peekKey() ?? null;
  }

  /** Removes and returns every reminder due at or before `now`, earliest first. */
  takeDue(now: number): { key: string; dueAt: number }[] {
    const out: { key: string; dueAt: number }[] = [];
    for (;;) {
      this.dropStaleTop();
      const at = this.heap.peekKey();
      if (at === undefined || at > now) return out;
      const key = this.heap.pop()!;
      this.due.delete(key);
      out.push({ key, dueAt: at });
    }
  }

  clear(): void {
    this.heap = new MinHeap<string>();
    this.due.clear();
    this.stale = 0;
  }

  /** Pops heap entries whose key was moved or dropped since they were pushed. */
  private dropStaleTop(): void {
    for (;;) {
      const at = this.heap.peekKey();
      if (at === undefined || this.due.get(this.heap.peek()!) === at) return;
      this.heap.pop();
      this.stale = Math.max(0, this.stale - 1);
    }
  }

  private rebuild(): void {
    this.heap = new MinHeap<string>();
    for (const [key, at] of this.due) this.heap.push(key, at);
    this.stale = 0;
  }
}
