// Reminder scheduling without a timer per reminder: the ReminderIndex (a heap with lazy
// deletion) hands out due reminders earliest first and forgets moved or dropped ones; the
// ReminderScheduler keeps exactly one timer armed, for the earliest, on the (fair) clock it is
// given. Timers and the clock are the test's own, so nothing here waits.
import { describe, expect, it } from 'vitest';
import { ReminderIndex } from '../../shared/programme/reminderIndex.ts';
import { type Due, ReminderScheduler, type Timers } from '../../server/programme/reminderScheduler.ts';

describe('ReminderIndex', () => {
  it('gives due reminders earliest first, once', () => {
    const ix = new ReminderIndex();
    ix.set('c', 300);
    ix.set('a', 100);
    ix.set('b', 200);
    expect(ix.nextDue()).toBe(100);
    expect(ix.takeDue(99)).toEqual([]);
    expect(ix.takeDue(200)).toEqual([
      { key: 'a', dueAt: 100 },
      { key: 'b', dueAt: 200 },
    ]);
    expect(ix.takeDue(200)).toEqual([]);
    expect(ix.size).toBe(1);
    expect(ix.nextDue()).toBe(300);
  });

  it('moves and drops reminders without finding them in the heap', () => {
    const ix = new ReminderIndex();
    ix.set('a', 100);
    ix.set('b', 200);
    ix.set('a', 250); // moved later
    ix.set('b', null); // dropped
    ix.set('c', 50);
    ix.set('c', 300);
    ix.set('c', 50); // and back
    expect(ix.nextDue()).toBe(50);
    expect(ix.takeDue(1000)).toEqual([
      { key: 'c', dueAt: 50 },
      { key: 'a', dueAt: 250 },
    ]);
    expect(ix.size).toBe(0);
    expect(ix.nextDue()).toBeNull();
  });

  it('rebuilds its heap when stale entries pile up, keeping the live ones', () => {
    const ix = new ReminderIndex();
    for (let round = 0; round < 10; round++) for (let i = 0; i < 500; i++) ix.set(`k${i}`, 10_000 + i * 10 + round);
    expect(ix.size).toBe(500);
    expect(ix.heapSize).toBeLessThan(500 * 4);
    const all = ix.takeDue(Infinity);
    expect(all).toHaveLength(500);
    expect(all[0]).toEqual({ key: 'k0', dueAt: 10_009 });
    expect(all.every((d, i) => i === 0 || d.dueAt >= all[i - 1]!.dueAt)).toBe(true);
  });
});

/** Timers the test fires by hand; records what was armed. */
function manualTimers() {
  const armed = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timers: Timers = {
    set(fn, ms) {
      armed.set(next, { fn, ms });
      return next++;
    },
    clear(h) {
      armed.delete(h as number);
    },
  };
  return {
    timers,
    armed,
    fire() {
      const [h, t] = [...armed][0]!;
      armed.delete(h);
      t.fn();
    },
  };
}

describe('ReminderScheduler', () => {
  it('keeps one timer, for the earliest reminder, on the fair clock', () => {
    let now = 1_000_000;
    const fired: Due[][] = [];
    const t = manualTimers();
    const s = new ReminderScheduler({ now: () => now }, (d) => fired.push(d), t.timers);
    for (let i = 0; i < 1000; i++) s.set(`v${i}\nev`, now + 60_000 + i * 1000);
    expect(t.armed.size).toBe(1);
    expect([...t.armed.values()][0]!.ms).toBe(60_000);
    // An earlier one re-arms; a later one does not.
    s.set('early\nev', now + 5_000);
    expect([...t.armed.values()].map((a) => a.ms)).toEqual([5_000]);
    const arms = s.armCount;
    s.set('late\nev', now + 10 * 3600_000);
    expect(s.armCount).toBe(arms);
    now += 5_000;
    t.fire();
    expect(fired).toEqual([[{ key: 'early\nev', dueAt: now }]]);
    expect([...t.armed.values()].map((a) => a.ms)).toEqual([55_000]);
    // Everything due by the time the timer runs goes out in one batch.
    now += 60_000;
    t.fire();
    expect(fired[1]!.map((d) => d.key)).toEqual(['v0\nev', 'v1\nev', 'v2\nev', 'v3\nev', 'v4\nev', 'v5\nev']);
    expect(t.armed.size).toBe(1);
  });

  it('waits at most five minutes at a time, fires overdue reminders at once, and stops when closed', () => {
    let now = 0;
    const fired: string[] = [];
    const t = manualTimers();
    const s = new ReminderScheduler({ now: () => now }, (d) => fired.push(...d.map((x) => x.key)), t.timers);
    s.set('far', 3 * 3600_000);
    expect([...t.armed.values()][0]!.ms).toBe(5 * 60_000);
    now = 5 * 60_000;
    t.fire();
    expect(fired).toEqual([]);
    expect(t.armed.size).toBe(1);
    s.set('overdue', now - 1);
    expect([...t.armed.values()][0]!.ms).toBe(0);
    t.fire();
    expect(fired).toEqual(['overdue']);
    s.set('dropped', now + 10);
    s.set('dropped', null);
    s.close();
    expect(t.armed.size).toBe(0);
    s.set('after', now + 1);
    expect(t.armed.size).toBe(0);
  });
});
