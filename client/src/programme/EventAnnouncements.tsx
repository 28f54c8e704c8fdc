// Organisers' announcements on an event page (issue 17): those to this event's viewers (live
// through the event's Q&A room, client/src/net/qa.ts) and those to every visitor, loaded with
// the page. Banners above the event, toasts in a corner; in the page's language; until their
// end time or until closed. A polite live region, as in the hall (ui/live/AnnouncementBar.tsx).
import { useEffect, useState } from 'react';
import { dismissAnnouncement, loadCurrentAnnouncements, useAnnouncements } from '../net/announcementsApi.ts';
import { useStore } from '../store/index.ts';
import '../ui/live/announcement.css';
import './eventAnnouncements.css';

const CLOSE = { ru: 'Закрыть объявление', en: 'Close the announcement' } as const;
const LABEL = { ru: 'Объявление организаторов', en: 'Announcement from the organisers' } as const;

export function EventAnnouncements({ eventId }: { eventId: string }) {
  const lang = useStore((s) => s.lang);
  const items = useAnnouncements((s) => s.items);
  const dismissed = useAnnouncements((s) => s.dismissed);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    loadCurrentAnnouncements(undefined, eventId).catch((err: unknown) => console.warn('[announcements] not loaded', err));
  }, [eventId]);
  // Ends and scheduled starts are checked every few seconds (no timer per announcement).
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(id);
  }, []);

  const showing = Object.values(items)
    .filter((a) => !dismissed[a.id] && Date.parse(a.startsAt) <= now + 1000 && Date.parse(a.endsAt) > now)
    .filter((a) => a.audience.kind === 'all' || (a.audience.kind === 'event' && a.audience.eventId === eventId))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const one = (a: (typeof showing)[number], className: string) => (
    <p key={a.id} className={className} data-announcement={a.id}>
      <span className="announce__text">{a.text[lang]}</span>
      <button type="button" className="announce__close" aria-label={CLOSE[lang]} onClick={() => dismissAnnouncement(a.id)}>
        ×
      </button>
    </p>
  );

  return (
    <div className="announce announce--page" aria-live="polite" aria-label={LABEL[lang]} role="region">
      {showing.filter((a) => a.style === 'banner').map((a) => one(a, 'announce__banner'))}
      <div className="announce__toasts">{showing.filter((a) => a.style === 'toast').map((a) => one(a, 'announce__toast'))}</div>
    </div>
  );
}
