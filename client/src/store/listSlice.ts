// How the visitor browses a floor: the drawn plan or the list of stands (real DOM, for screen
// readers, keyboards and weak machines). The choice is remembered in the browser.
import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

export type HallMode = 'plan' | 'list';
const MODE_KEY = 'expo.hallMode';

function storedMode(): HallMode {
  try {
    return localStorage.getItem(MODE_KEY) === 'list' ? 'list' : 'plan';
  } catch {
    return 'plan';
  }
}

export interface ListSlice {
  hallMode: HallMode;
  setHallMode(mode: HallMode): void;
}

export const createListSlice: StateCreator<AppState, [], [], ListSlice> = (set) => ({
  hallMode: storedMode(),
  setHallMode: (hallMode) => {
    try {
      localStorage.setItem(MODE_KEY, hallMode);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    set({ hallMode });
  },
});
