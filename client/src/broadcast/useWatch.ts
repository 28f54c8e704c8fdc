// One BroadcastWatch per mounted page (event), disposed with it; React reads its snapshot
// through useSyncExternalStore and never owns the polling (as qa/useQa.ts does for the room).
import { useEffect, useState, useSyncExternalStore } from 'react';
import { BroadcastWatch, type WatchSnapshot } from './watch.ts';

export function useWatch(eventId: string): { watch: BroadcastWatch | null; snap: WatchSnapshot | null } {
  const [watch, setWatch] = useState<BroadcastWatch | null>(null);
  useEffect(() => {
    const w = new BroadcastWatch(eventId);
    setWatch(w);
    return () => w.dispose();
  }, [eventId]);
  const snap = useSyncExternalStore(
    watch?.subscribe ?? noSubscribe,
    () => watch?.snapshot ?? null,
    () => null,
  );
  return { watch, snap };
}

const noSubscribe = () => () => {};
