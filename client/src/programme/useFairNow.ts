// "Now" on the fair clock as React state: it moves when something on screen changes state
// (the next start, end or recording publication of the events given) and at least every
// minute (the timeline's now-line), not on every tick.
import { useEffect, useState } from 'react';
import { useStore } from '../store/index.ts';
import { type IndexedEvent, nextChangeOf } from './model.ts';

const MINUTE = 60_000;

export function useFairNow(events: readonly IndexedEvent[] | null): number {
  const offset = useStore((s) => s.progOffsetMs);
  const [real, setReal] = useState(() => Date.now());
  // A new offset (the clock call answered) applies at once: it is added, not stored.
  const now = real + offset;
  useEffect(() => {
    const next = events ? nextChangeOf(events, now) : null;
    const wait = Math.max(250, Math.min(next === null ? MINUTE : next - now + 50, MINUTE));
    const timer = window.setTimeout(() => setReal(Date.now()), wait);
    return () => window.clearTimeout(timer);
  }, [events, now]);
  return now;
}
