// The programme pages' state: where in the programme the visitor is (path and query, the
// URL being the source of truth), the schedule as loaded and indexed, and the fair clock's
// offset from this browser's clock. Filled by client/src/programme/actions.ts; names start
// with "prog" to stay clear of the hall's slices.
import type { StateCreator } from 'zustand';
import type { OnAirEvent } from '../../../shared/programme/onAir.ts';
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
  /** The offset came from the clock call (not yet: a page's own clock reading, or 0). */
  progClockSynced: boolean;
  /** The hall: events live now (all stages and clusters), from /api/programme/on-air. */
  progOnAir: OnAirEvent[];
  /** Grows by one whenever the server serves a changed programme (live reload); pages refetch. */
  progReload: number;
  bumpProgReload(): void;
  setProgLocation(path: string, search: string): void;
  setProgOnAir(events: OnAirEvent[]): void;
  setProgOffset(offsetMs: number, synced: boolean): void;
  setProgLoaded(index: ProgrammeIndex): void;
  setProgStatus(status: ProgStatus): void;
}

export const createProgrammeSlice: StateCreator<AppState, [], [], ProgrammeSlice> = (set) => ({
  progPath: typeof location === 'undefined' ? '/programme' : location.pathname,
  progSearch: typeof location === 'undefined' ? '' : location.search,
  progStatus: 'idle',
  progIndex: null,
  progOffsetMs: 0,
  progClockSynced: false,
  progOnAir: [],
  progReload: 0,
  bumpProgReload: () => set((s) => ({ progReload: s.progReload + 1 })),
  setProgOnAir: (progOnAir) => set({ progOnAir }),
  setProgLocation: (progPath, progSearch) => set({ progPath, progSearch }),
  setProgOffset: (progOffsetMs, progClockSynced) => set({ progOffsetMs, progClockSynced }),
  setProgLoaded: (progIndex) => set({ progIndex, progStatus: 'ready' }),
  setProgStatus: (progStatus) => set({ progStatus }),
});
