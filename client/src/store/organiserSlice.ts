// Tools for organisers editing floor files: the layout overlay and the problems the server
// refuses. No accounts exist yet, so the tools are unlocked by `?dev=1` (or `?dev=layout`) in
// the first address; an organiser role will unlock them too once there are accounts.
import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

/** Read once at start: the router later rewrites the address without the query. */
function devFlag(): boolean {
  if (typeof location === 'undefined') return false;
  const dev = new URLSearchParams(location.search).get('dev');
  return dev === '1' || dev === 'layout';
}

export interface OrganiserSlice {
  /** The layout tools may be used in this session (dev flag; later an organiser role). */
  layoutTools: boolean;
  layoutOverlay: boolean;
  /** Floor-file problems the server refuses now, "file:line:col path: message". */
  levelProblems: string[];
  /** The last stand copied from the overlay, and what went to the clipboard. */
  copied: { standId: string; text: string } | null;
  setLayoutOverlay(on: boolean): void;
  setLevelProblems(problems: string[]): void;
  setCopied(copied: { standId: string; text: string } | null): void;
}

export const createOrganiserSlice: StateCreator<AppState, [], [], OrganiserSlice> = (set) => ({
  layoutTools: devFlag(),
  layoutOverlay: false,
  levelProblems: [],
  copied: null,
  setLayoutOverlay: (on) => set((s) => ({ layoutOverlay: on && s.layoutTools, copied: null })),
  setLevelProblems: (levelProblems) => set({ levelProblems }),
  setCopied: (copied) => set({ copied }),
});
