// "My programme" in the store: the visitor's starred events (ids and, for reminders, their
// times), reminder settings and feed address as the server last answered, and the in-page
// reminders showing now. Filled by client/src/programme/my/actions.ts; the hall and the
// programme pages both read it.
import type { StateCreator } from 'zustand';
import type { MyProgrammeView } from '../../../shared/programme/myProgramme.ts';
import type { AppState } from './index.ts';

export interface ShownReminder {
  eventId: string;
  title: { ru: string; en?: string | undefined };
  start: number;
  /** Minutes to the start when it was shown (the toast says "in N minutes"). */
  minutes: number;
}

export interface MyProgrammeSlice {
  myStatus: 'idle' | 'loading' | 'ready' | 'error';
  my: MyProgrammeView | null;
  /** Event ids a star change is under way for (their buttons wait). */
  myPending: string[];
  myToasts: ShownReminder[];
  setMy(view: MyProgrammeView): void;
  setMyStatus(status: MyProgrammeSlice['myStatus']): void;
  setMyPending(eventId: string, pending: boolean): void;
  showReminder(r: ShownReminder): void;
  dismissReminder(eventId: string): void;
}

export const createMyProgrammeSlice: StateCreator<AppState, [], [], MyProgrammeSlice> = (set) => ({
  myStatus: 'idle',
  my: null,
  myPending: [],
  myToasts: [],
  setMy: (my) => set({ my, myStatus: 'ready' }),
  setMyStatus: (myStatus) => set({ myStatus }),
  setMyPending: (eventId, pending) =>
    set((s) => ({ myPending: pending ? [...s.myPending.filter((id) => id !== eventId), eventId] : s.myPending.filter((id) => id !== eventId) })),
  showReminder: (r) => set((s) => (s.myToasts.some((t) => t.eventId === r.eventId) ? s : { myToasts: [...s.myToasts, r] })),
  dismissReminder: (eventId) => set((s) => ({ myToasts: s.myToasts.filter((t) => t.eventId !== eventId) })),
});
