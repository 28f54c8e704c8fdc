// An event's title in the page language for the staff pages (/broadcast, /moderate), which
// otherwise know only the event's id; the id until the programme answers (or if it cannot).
import { useEffect, useState } from 'react';
import { fetchEventPage } from '../net/programmeApi.ts';
import { useStore } from '../store/index.ts';

export function useEventTitle(eventId: string): string {
  const lang = useStore((s) => s.lang);
  const [title, setTitle] = useState<{ ru: string; en?: string } | null>(null);
  useEffect(() => {
    fetchEventPage(eventId).then(
      (p) => setTitle(p.event.title),
      () => setTitle(null),
    );
  }, [eventId]);
  return title ? ((lang === 'en' ? title.en : undefined) ?? title.ru) : eventId;
}
