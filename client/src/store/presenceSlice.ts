// Live presence as the UI needs it: connection state, the visitor's profile and the counts
// of people per stand and floor (about once a second). Positions stay in the engine.
import type { StateCreator } from 'zustand';
import { AVATAR_COLOURS } from '../../../shared/protocol.ts';
import type { AppState } from './index.ts';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface Profile {
  name: string;
  colour: number;
}

const PROFILE_KEY = 'expo.profile';

function storedProfile(): Profile | null {
  try {
    const raw = JSON.parse(localStorage.getItem(PROFILE_KEY) ?? 'null') as Partial<Profile> | null;
    if (raw && typeof raw.name === 'string' && typeof raw.colour === 'number' && raw.colour >= 0 && raw.colour < AVATAR_COLOURS.length) {
      return { name: raw.name, colour: raw.colour };
    }
  } catch {
    // Unreadable storage: ask again.
  }
  return null;
}

export interface PresenceSlice {
  connection: ConnectionStatus;
  /** Chosen by the visitor (remembered); null until they choose or skip. */
  profile: Profile | null;
  /** The name the server gave us (a friendly default when none was chosen). */
  shownName: string;
  standCounts: Record<string, number>;
  floorCounts: Record<string, number>;
  instances: number;
  setConnection(status: ConnectionStatus): void;
  setProfile(profile: Profile): void;
  setShownName(name: string): void;
  setCounts(stands: Record<string, number>, floors: Record<string, number>, instances: number): void;
}

export const createPresenceSlice: StateCreator<AppState, [], [], PresenceSlice> = (set) => ({
  connection: 'connecting',
  profile: storedProfile(),
  shownName: '',
  standCounts: {},
  floorCounts: {},
  instances: 1,
  setConnection: (connection) => set({ connection }),
  setProfile: (profile) => {
    try {
      localStorage.setItem(PROFILE_KEY, JSON.stringify(profile));
    } catch {
      // Private mode: remembered for this page only.
    }
    set({ profile });
  },
  setShownName: (shownName) => set({ shownName }),
  setCounts: (standCounts, floorCounts, instances) => set({ standCounts, floorCounts, instances }),
});
