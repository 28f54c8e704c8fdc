// The programme pages' state: where in the programme the visitor is (path and query, the
// URL being the source of truth), the schedule as loaded and indexed, and the fair clock's
// offset from this browser's clock. Filled by client/src/programme/actions.ts; names start
// with "prog" to stay clear of the hall's slices.
import type { StateCreator } from 'zustand';
import type { ProgrammeIndex } from '../programme/model.ts';
import type { AppState } from './index.ts';

export type ProgStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ProgrammeSlice {
  progPath: string;
  progSearch: string;
  progStatus: ProgStatus;
  progIndex: ProgrammeIndex | null;
  /** Fair time minus browser time, from /api/programme/clock. */
  progOffsetMs: number;
  setProgLocation(path: string, search: string): void;
  setProgLoaded(index: ProgrammeIndex, offsetMs: number): void;
  setProgStatus(status: ProgStatus): void;
}

export const createProgrammeSlice: StateCreator<AppState, [], [], ProgrammeSlice> = (set) => ({
  progPath: typeof location === 'undefined' ? '/programme' : location.pathname,
  progSearch: typeof location === 'undefined' ? '' : location.search,
  progStatus: 'idle',
  progIndex: null,
  progOffsetMs: 0,
  setProgLocation: (progPath, progSearch) => set({ progPath, progSearch }),
  setProgLoaded: (progIndex, progOffsetMs) => set({ progIndex, progOffsetMs, progStatus: 'ready' }),
  setProgStatus: (progStatus) => set({ progStatus }),
});
