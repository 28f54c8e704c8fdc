// Stage two on a stand page: the business programme's events on the stand's topics (its
// category and its webinars' titles; the join is the server's, shared/programme/related.ts),
// with their times in the visitor's zone and links into the programme. Nothing is shown when
// there are none or the programme cannot be reached: it is an aside to the stand.
import { useEffect, useState } from 'react';
import type { EventView } from '../../../../shared/programme/views.ts';
import { useTracksT } from '../../i18n/tracks.ts';
import { fetchStandEvents } from '../../net/tracksApi.ts';
import { useStore, useT } from '../../store/index.ts';
import { eventPath, PROGRAMME_PATH } from '../../programme/paths.ts';
import { longDateOf, timeOf, visitorZone } from '../../programme/zones.ts';
import { inReadingOrder } from './standProgrammeOrder.ts';

export function StandProgramme({ exhibitorId }: { exhibitorId: string }) {
  const tt = useTracksT();
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [events, setEvents] = useState<{ id: string; list: EventView[] } | null>(null);
  useEffect(() => {
    let live = true;
    fetchStandEvents(exhibitorId).then(
      (v) => live && setEvents({ id: exhibitorId, list: v.events }),
      () => live && setEvents({ id: exhibitorId, list: [] }),
    );
    return () => {
      live = false;
    };
  }, [exhibitorId]);
  if (!events || events.id !== exhibitorId || events.list.length === 0) return null;
  const zone = visitorZone();
  return (
    <section className="stand-block" aria-labelledby="stand-programme-title" data-stand-programme={exhibitorId}>
      <h3 id="stand-programme-title">{tt('standProgramme.title')}</h3>
      <ul className="stand-programme">
        {inReadingOrder(events.list).map((e) => {
          const start = Date.parse(e.start);
          return (
            <li key={e.id} data-event={e.id}>
              <time dateTime={e.start}>
                {longDateOf(start, lang, zone)}, {timeOf(start, lang, zone)}
              </time>{' '}
              <a href={eventPath(e.id)}>{lang === 'en' ? (e.title.en ?? e.title.ru) : e.title.ru}</a>{' '}
              <span className="stand-note">· {t(`programme.state.${e.state}`)}</span>
            </li>
          );
        })}
      </ul>
      <p className="stand-note">
        <a href={PROGRAMME_PATH}>{tt('standProgramme.all')}</a>
      </p>
    </section>
  );
}
