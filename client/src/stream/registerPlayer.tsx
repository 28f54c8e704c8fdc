// Puts the stream player into the event page's player slot (client/src/programme/slots.ts).
// The player and hls.js load as their own chunks the first time an event page shows it.
import { Suspense, lazy } from 'react';
import { type SlotProps, registerSlot } from '../programme/slots.ts';

const StreamSlot = lazy(() => import('./StreamSlot.tsx').then((m) => ({ default: m.StreamSlot })));

function LazyStreamSlot(props: SlotProps) {
  return (
    <Suspense fallback={null}>
      <StreamSlot {...props} />
    </Suspense>
  );
}

/** Registers the player; returns the dispose that empties the slot again. */
export function registerStreamPlayer(): () => void {
  return registerSlot('player', LazyStreamSlot);
}
