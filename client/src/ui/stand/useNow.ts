// "Now" on the fair clock (the server's, which FAIR_CLOCK settings may shift; the store keeps
// its offset from this browser's clock), refreshed at each minute's turn: webinar statuses
// ("live now") follow it without re-rendering more often than they can change.
import { useEffect, useState } from 'react';
import { useStore } from '../../store/index.ts';

export function useMinuteClock(): number {
  const offset = useStore((s) => s.progOffsetMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(() => {
        setNow(Date.now());
        schedule();
      }, 60_000 - ((Date.now() + offset) % 60_000) + 50);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [offset]);
  // A new offset applies at once: it is added, not stored.
  return now + offset;
}
