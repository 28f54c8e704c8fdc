// The programme's events as the console names them (announcement audience, viewers and
// moderation tables): id, title in both languages, start; loaded once per tab, by start.
import { useCallback } from 'react';
import type { Lang } from '../../../../shared/text.ts';
import { fetchProgramme } from '../../net/programmeApi.ts';
import { useLoad } from './useLoad.ts';

export interface ConsoleEvent {
  id: string;
  title: { ru: string; en?: string | undefined };
  start: string;
}

export function useProgrammeEvents(): { events: ConsoleEvent[]; byId: Map<string, ConsoleEvent> } {
  const load = useCallback(
    () =>
      fetchProgramme().then((p) =>
        p.events.map((e) => ({ id: e.id, title: e.title, start: e.start })).sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id)),
      ),
    [],
  );
  const { data } = useLoad(load);
  const events = data ?? [];
  return { events, byId: new Map(events.map((e) => [e.id, e])) };
}

/** An event's title in the console's language, else its id (an event since removed from the programme). */
export function eventTitle(byId: Map<string, ConsoleEvent>, id: string, lang: Lang): string {
  const e = byId.get(id);
  return e ? (lang === 'en' && e.title.en) || e.title.ru : id;
}
