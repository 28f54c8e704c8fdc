// Store → engine for the organisers' layout overlay; returns a dispose.
import type { HallApi } from '../../engine/hallApi.ts';
import { useStore } from '../../store/index.ts';

export function bindLayoutOverlay(engine: HallApi): () => void {
  engine.setLayoutOverlay(useStore.getState().layoutOverlay);
  return useStore.subscribe((s, prev) => {
    if (s.layoutOverlay !== prev.layoutOverlay) engine.setLayoutOverlay(s.layoutOverlay);
  });
}
