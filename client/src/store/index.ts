// The one client store, assembled from slices. The engine reads it with getState()/subscribe().
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { translator, type Translate } from '../i18n/index.ts';
import { type CabinetSlice, createCabinetSlice } from './cabinetSlice.ts';
import { type ChatSlice, createChatSlice } from './chatSlice.ts';
import { type ExhibitionSlice, createExhibitionSlice } from './exhibitionSlice.ts';
import { type OrganiserSlice, createOrganiserSlice } from './organiserSlice.ts';
import { type PrefsSlice, createPrefsSlice } from './prefsSlice.ts';
import { type ProgrammeSlice, createProgrammeSlice } from './programmeSlice.ts';
import { type MyProgrammeSlice, createMyProgrammeSlice } from './myProgrammeSlice.ts';
import { type ListSlice, createListSlice } from './listSlice.ts';
import { type PresenceSlice, createPresenceSlice } from './presenceSlice.ts';
import { type RouteSlice, createRouteSlice } from './routeSlice.ts';
import { type ViewSlice, createViewSlice } from './viewSlice.ts';
import { type VisitorSlice, createVisitorSlice } from './visitorSlice.ts';

export type AppState = ExhibitionSlice & ViewSlice & PrefsSlice & PresenceSlice & RouteSlice & OrganiserSlice & CabinetSlice & VisitorSlice & ChatSlice & ProgrammeSlice & ListSlice & MyProgrammeSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createExhibitionSlice(...a),
  ...createViewSlice(...a),
  ...createPrefsSlice(...a),
  ...createPresenceSlice(...a),
  ...createRouteSlice(...a),
  ...createOrganiserSlice(...a),
  ...createCabinetSlice(...a),
  ...createVisitorSlice(...a),
  ...createChatSlice(...a),
  ...createProgrammeSlice(...a),
  ...createMyProgrammeSlice(...a),
  ...createListSlice(...a),
}));

export { useShallow };

/** The translate function for the current language. */
export function useT(): Translate {
  const lang = useStore((s) => s.lang);
  return translator(lang);
}

export function currentT(): Translate {
  return translator(useStore.getState().lang);
}
