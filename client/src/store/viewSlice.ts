// Where the visitor is and what they look at: the URL-backed view plus hover and focus.
// Per-frame values (camera, avatar position) live in the engine, not here.
import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

export interface ViewSlice {
  floorId: string | null;
  /** Stand whose page is open (URL /floor/x/stand/y). */
  openStandId: string | null;
  /** Stand the camera was asked to centre on (URL ?focus=). */
  /** 'centre' flies the camera to the stand; 'reveal' only if it is not already on screen. */
  focusRequest: { standId: string; mode: 'centre' | 'reveal'; seq: number } | null;
  hoveredStandId: string | null;
  /** Keyboard focus ring in the hall. */
  focusedStandId: string | null;
  /** Stand highlighted after a search pick. */
  highlightedStandId: string | null;
  announcement: string;
  /** A link named a floor or stand that does not exist; the not-found view explains it. */
  notFound: NotFound | null;
  /** The canvas engine is attached (it loads lazily). */
  hallReady: boolean;
  setHallReady(ready: boolean): void;
  setFloor(floorId: string | null): void;
  setOpenStand(standId: string | null): void;
  requestFocus(standId: string | null, mode?: 'centre' | 'reveal'): void;
  setHovered(standId: string | null): void;
  setFocused(standId: string | null): void;
  setHighlighted(standId: string | null): void;
  announce(text: string): void;
  setNotFound(notFound: NotFound | null): void;
}

/** What a bad link asked for: an unknown floor, or a stand that is on no floor. */
export interface NotFound {
  kind: 'floor' | 'stand';
  id: string;
}

let focusSeq = 0;

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  floorId: null,
  openStandId: null,
  focusRequest: null,
  hoveredStandId: null,
  focusedStandId: null,
  highlightedStandId: null,
  announcement: '',
  notFound: null,
  hallReady: false,
  setHallReady: (hallReady) => set({ hallReady }),
  setFloor: (floorId) =>
    set((s) =>
      s.floorId === floorId
        ? {}
        : { floorId, hoveredStandId: null, focusedStandId: null, highlightedStandId: null, openStandId: null },
    ),
  setOpenStand: (openStandId) => set({ openStandId }),
  requestFocus: (standId, mode = 'centre') => set({ focusRequest: standId ? { standId, mode, seq: ++focusSeq } : null }),
  setHovered: (hoveredStandId) => set({ hoveredStandId }),
  setFocused: (focusedStandId) => set({ focusedStandId }),
  setHighlighted: (highlightedStandId) => set({ highlightedStandId }),
  announce: (announcement) => set({ announcement }),
  setNotFound: (notFound) => set({ notFound }),
});
