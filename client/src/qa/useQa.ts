// One Q&A connection per mounted panel (event and mode), disposed with it; React reads the
// connection's view through useSyncExternalStore and never owns the connection's logic.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { QaConnection, type QaView } from '../net/qa.ts';
import { useStore } from '../store/index.ts';

export function useQa(eventId: string, mode: 'visitor' | 'moderator'): { qa: QaConnection | null; view: QaView | null } {
  const [qa, setQa] = useState<QaConnection | null>(null);
  useEffect(() => {
    const c = new QaConnection(eventId, mode, () => useStore.getState().profile?.name);
    setQa(c);
    return () => c.dispose();
  }, [eventId, mode]);
  const view = useSyncExternalStore(
    qa?.subscribe ?? noSubscribe,
    () => qa?.snapshot ?? null,
    () => null,
  );
  return { qa, view };
}

const noSubscribe = () => () => {};
