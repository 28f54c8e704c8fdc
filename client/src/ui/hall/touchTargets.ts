// Touch targets of at least 44 px: a tap on a stand drawn smaller than that (the whole floor
// on a phone) zooms in on it first, so the next tap lands on what the visitor meant; a stand
// big enough opens at once. Mouse and keyboard open as before. Taps on the floor still walk.
import { setFocusedStand } from '../../actions/hallActions.ts';
import { hall } from '../../engine/hallApi.ts';
import { useStore } from '../../store/index.ts';

export const MIN_TAP_PX = 44;
let lastPointer = 'mouse';

/** Remembers whether the last input on the hall was touch, pen, mouse or keys. */
export function trackPointerKind(el: HTMLElement): () => void {
  const down = (e: PointerEvent) => (lastPointer = e.pointerType);
  const key = () => (lastPointer = 'keyboard');
  el.addEventListener('pointerdown', down, { capture: true });
  el.addEventListener('keydown', key, { capture: true });
  return () => {
    el.removeEventListener('pointerdown', down, { capture: true });
    el.removeEventListener('keydown', key, { capture: true });
  };
}

/** The smaller side of a stand on screen, in CSS pixels. */
export function standPixels(standId: string): number | null {
  const s = useStore.getState();
  const stand = s.floorId ? s.levels[s.floorId]?.stands.find((x) => x.id === standId) : undefined;
  const h = hall();
  if (!stand || !h) return null;
  const a = h.worldToScreen({ x: stand.x, y: stand.y });
  const b = h.worldToScreen({ x: stand.x + stand.w, y: stand.y + stand.h });
  return Math.min(Math.abs(b.x - a.x), Math.abs(b.y - a.y));
}

/** The hall's "open stand" for taps: too small to hit reliably means zoom in first. */
export function openOrEnlarge(standId: string, open: (standId: string) => void): void {
  const px = standPixels(standId);
  if (lastPointer !== 'touch' || px === null || px >= MIN_TAP_PX) {
    open(standId);
    return;
  }
  const h = hall()!;
  setFocusedStand(standId);
  h.flyToStand(standId);
  // Once the flight has centred the stand, top up the zoom about the centre to reach 44 px.
  const topUp = () => {
    if (!h.settled()) {
      requestAnimationFrame(topUp);
      return;
    }
    const now = standPixels(standId);
    if (now !== null && now < MIN_TAP_PX) h.zoomBy((MIN_TAP_PX + 4) / now);
  };
  requestAnimationFrame(topUp);
}
