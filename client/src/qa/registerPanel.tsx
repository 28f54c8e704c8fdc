// Puts the visitor's Q&A panel into the event page's "qa" slot (client/src/programme/slots.ts).
// The panel and the Colyseus SDK load as their own chunk the first time an event page shows it.
import { Suspense, lazy } from 'react';
import { type SlotProps, registerSlot } from '../programme/slots.ts';

const QaPanel = lazy(() => import('./QaPanel.tsx').then((m) => ({ default: m.QaPanel })));

function LazyQaPanel({ event }: SlotProps) {
  return (
    <Suspense fallback={null}>
      <QaPanel eventId={event.id} />
    </Suspense>
  );
}

/** Registers the panel; returns the dispose that empties the slot again. */
export function registerQaPanel(): () => void {
  return registerSlot('qa', LazyQaPanel);
}
