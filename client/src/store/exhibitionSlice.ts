// What the exhibition holds: floors, their layouts and the exhibitors. Filled by net/.
import type { StateCreator } from 'zustand';
import type { DirectoryEntry, FloorSummary } from '../../../shared/api.ts';
import type { Exhibitor } from '../../../shared/exhibitor.ts';
import type { Level } from '../../../shared/level/schema.ts';
import type { AppState } from './index.ts';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ExhibitionSlice {
  status: LoadStatus;
  floors: FloorSummary[];
  levels: Record<string, Level>;
  exhibitors: Record<string, Exhibitor>;
  directory: DirectoryEntry[];
  setCatalogue(floors: FloorSummary[], exhibitors: Exhibitor[], directory: DirectoryEntry[]): void;
  setLevel(level: Level): void;
  setStatus(status: LoadStatus): void;
}

export const createExhibitionSlice: StateCreator<AppState, [], [], ExhibitionSlice> = (set) => ({
  status: 'idle',
  floors: [],
  levels: {},
  exhibitors: {},
  directory: [],
  setCatalogue: (floors, exhibitors, directory) =>
    set({ floors, directory, exhibitors: Object.fromEntries(exhibitors.map((e) => [e.id, e])) }),
  setLevel: (level) => set((s) => ({ levels: { ...s.levels, [level.id]: level } })),
  setStatus: (status) => set({ status }),
});
