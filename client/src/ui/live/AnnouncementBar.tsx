// Organisers' announcements in the hall: banners across the top, toasts in a corner, in the
// page's language, until their end time or until the visitor closes them. A polite live
// region, so screen readers read a new one out without losing the visitor's place.
import { useEffect, useState } from 'react';
import { dismissAnnouncement, loadCurrentAnnouncements, useAnnouncements } from '../../net/announcementsApi.ts';
import { useStore } from '../../store/index.ts';
import './announcement.css';

const CLOSE = { ru: 'Закрыть объявление', en: 'Close the announcement' } as const;
const LABEL = { ru: 'Объявление организаторов', en: 'Announcement from the organisers' } as const;

export function AnnouncementBar() {
  const lang = useStore((s) => s.lang);
  const floorId = useStore((s) => s.floorId);
  const items = useAnnouncements((s) => s.items);
  const dismissed = useAnnouncements((s) => s.dismissed);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    loadCurrentAnnouncements(floorId ?? undefined).catch((err: unknown) => console.warn('[announcements] not loaded', err));
  }, [floorId]);
  // Ends and scheduled starts are checked every few seconds (no timer per announcement).
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(id);
  }, []);

  const showing = Object.values(items)
    .filter((a) => !dismissed[a.id] && Date.parse(a.startsAt) <= now + 1000 && Date.parse(a.endsAt) > now)
    .filter((a) => a.audience.kind === 'all' || (a.audience.kind === 'floor' && a.audience.floorId === floorId))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const banners = showing.filter((a) => a.style === 'banner');
  const toasts = showing.filter((a) => a.style === 'toast');

  return (
    <div className="announce" aria-live="polite" aria-label={LABEL[lang]} role="region">
      {banners.map((a) => (
        <p key={a.id} className="announce__banner" data-announcement={a.id}>
          <span className="announce__text">{a.text[lang]}</span>
          <button type="button" className="announce__close" aria-label={CLOSE[lang]} onClick={() => dismissAnnouncement(a.id)}>
            ×
          </button>
        </p>
      ))}
      <div className="announce__toasts">
        {toasts.map((a) => (
          <p key={a.id} className="announce__toast" data-announcement={a.id}>
            <span className="announce__text">{a.text[lang]}</span>
            <button type="button" className="announce__close" aria-label={CLOSE[lang]} onClick={() => dismissAnnouncement(a.id)}>
              ×
            </button>
          </p>
        ))}
      </div>
    </div>
  );
}
