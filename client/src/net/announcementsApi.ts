// Organisers' announcements for the hall (issue 17): the ones showing now, for a page that
// loads after they started; live ones arrive through the floor room (client/src/net/presence.ts)
// or, on an event page, through the event's Q&A room (client/src/net/qa.ts).
// A tiny store of its own, so the hall's main store and chunk stay as they are.
import { create } from 'zustand';
import { API } from '../../../shared/api.ts';
import { Announcement, AnnouncementList } from '../../../shared/organiser.ts';
import { send } from './http.ts';

interface AnnouncementState {
  /** By id: the same one may come over HTTP and from the room. */
  items: Record<string, Announcement>;
  dismissed: Record<string, true>;
}

export const useAnnouncements = create<AnnouncementState>(() => ({ items: {}, dismissed: {} }));

export function receiveAnnouncement(a: Announcement): void {
  const parsed = Announcement.safeParse(a);
  if (!parsed.success) return;
  useAnnouncements.setState((s) => ({ items: { ...s.items, [a.id]: parsed.data } }));
}

export function dismissAnnouncement(id: string): void {
  useAnnouncements.setState((s) => ({ dismissed: { ...s.dismissed, [id]: true } }));
}

/** Loads what shows now on this floor, or to this event's viewers (or to everyone when neither is known yet). */
export async function loadCurrentAnnouncements(floorId?: string, eventId?: string): Promise<void> {
  const q = floorId ? `?floor=${encodeURIComponent(floorId)}` : eventId ? `?event=${encodeURIComponent(eventId)}` : '';
  const res = await send('GET', `${API.announcementsCurrent}${q}`);
  const list = AnnouncementList.parse(await res.json());
  for (const a of list.announcements) receiveAnnouncement(a);
}
