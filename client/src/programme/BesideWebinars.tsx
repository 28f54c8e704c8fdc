// Stage two on the programme's pages: exhibitors' webinars and master classes on the same
// topics, with their times (the visitor's zone) and links to the stands. The event page asks
// for its own; the schedule loads the whole list once and keeps those that fit the events it
// shows (the join itself is the server's, shared/programme/related.ts).
import { useEffect, useMemo, useState } from 'react';
import type { BesideWebinar } from '../../../shared/programme/related.ts';
import { standHref } from '../../../shared/programme/tracksView.ts';
import { webinarStatus } from '../../../shared/standContent.ts';
import { useTracksT } from '../i18n/tracks.ts';
import { fetchBeside, fetchEventBeside } from '../net/tracksApi.ts';
import { useStore } from '../store/index.ts';
import { fairNow } from './actions.ts';
import { useRemote } from './useRemote.ts';
import { dayKeyOf, longDateOf, timeOf, visitorZone } from './zones.ts';
import './tracks.css';

/** The event page's part: webinars on this event's topics. */
export function EventBeside({ eventId }: { eventId: string }) {
  const tt = useTracksT();
  const { remote } = useRemote(() => fetchEventBeside(eventId));
  return (
    <section aria-labelledby="prog-beside" className="trk-beside" data-beside="event">
      <h2 id="prog-beside">{tt('beside.eventTitle')}</h2>
      {remote.status === 'ready' ? (
        remote.data.webinars.length === 0 ? (
          <p>{tt('beside.none')}</p>
        ) : (
          <WebinarList webinars={remote.data.webinars} />
        )
      ) : (
        <p role={remote.status === 'error' ? 'alert' : 'status'}>{tt(remote.status === 'error' ? 'beside.error' : 'beside.loading')}</p>
      )}
    </section>
  );
}

const SHOWN = 6;

/**
 * The schedule's part: webinars that fit any event now on the list (all of it, not just what is
 * rendered yet), on the day shown when there are such (`day` is a day key in `zone`, or "all"),
 * one per title (many stands run the same master class; the soonest is shown), best fit first.
 */
export function ScheduleBeside({ events, day, zone }: { events: readonly { e: { id: string } }[]; day: string; zone: string }) {
  const tt = useTracksT();
  const [all, setAll] = useState<(BesideWebinar & { events: string[] })[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [more, setMore] = useState(false);
  useEffect(() => {
    let live = true;
    fetchBeside().then(
      (v) => live && setAll(v.webinars),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  const fitting = useMemo(() => {
    if (!all) return [];
    const shown = new Set(events.map((ie) => ie.e.id));
    const fits = all.flatMap((w) => {
      const n = w.events.reduce((k, id) => (shown.has(id) ? k + 1 : k), 0);
      return n > 0 ? [{ w, n }] : [];
    });
    const sameDay = day === 'all' ? [] : fits.filter((f) => dayKeyOf(Date.parse(f.w.webinar.start), zone) === day);
    const titles = new Set<string>();
    // The better fit first (the server's best score over the events); a stable sort keeps time order among equals.
    return (sameDay.length > 0 ? sameDay : fits)
      .filter((f) => !titles.has(f.w.webinar.title) && Boolean(titles.add(f.w.webinar.title)))
      .sort((a, b) => b.w.score - a.w.score);
  }, [all, events, day, zone]);
  if (failed || (all && fitting.length === 0)) return null;
  return (
    <section aria-labelledby="prog-beside" className="trk-beside" data-beside="schedule">
      <h2 id="prog-beside">{tt('beside.title')}</h2>
      <p className="trk-muted">{tt('beside.intro')}</p>
      {all === null ? (
        <p role="status">{tt('beside.loading')}</p>
      ) : (
        <>
          <WebinarList webinars={(more ? fitting : fitting.slice(0, SHOWN)).map((f) => f.w)} counts={new Map(fitting.map((f) => [f.w, f.n]))} />
          {!more && fitting.length > SHOWN && (
            <button type="button" className="prog-button prog-button--quiet" onClick={() => setMore(true)}>
              {tt('beside.more', { count: fitting.length - SHOWN })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function WebinarList({ webinars, counts }: { webinars: readonly BesideWebinar[]; counts?: Map<BesideWebinar, number> }) {
  const tt = useTracksT();
  const lang = useStore((s) => s.lang);
  const zone = visitorZone();
  // On the fair clock, as the programme (the sample's webinars are seeded onto it).
  const now = fairNow();
  return (
    <ul className="trk-webinars">
      {webinars.map((b) => {
        const w = b.webinar;
        const start = Date.parse(w.start);
        const status = webinarStatus(w, now);
        const stand = standHref(b.place);
        const title = lang === 'en' ? (w.en?.title ?? w.title) : w.title;
        const outside = status === 'recorded' ? w.recording : status === 'past' ? undefined : w.link;
        const n = counts?.get(b);
        return (
          <li key={`${b.exhibitorId}/${w.id}`} className="trk-webinar" data-webinar={`${b.exhibitorId}/${w.id}`}>
            <p className="trk-item__kind">
              <span className="trk-kind trk-kind--webinar">{tt(w.kind === 'masterclass' ? 'beside.kind.masterclass' : 'beside.kind.webinar')}</span>
              <span className="trk-item__state"> · {tt(`tracks.state.${status}`)}</span>
            </p>
            <p className="trk-item__title">
              {outside ? (
                <a href={outside} target="_blank" rel="noopener noreferrer">
                  {title}
                  <span className="sr-only"> {tt('tracks.newTab')}</span>
                </a>
              ) : (
                title
              )}
            </p>
            <p className="trk-item__meta">
              <time dateTime={w.start}>
                {longDateOf(start, lang, zone)}, {timeOf(start, lang, zone)}
              </time>
              {stand ? <a href={stand}>{tt('beside.stand', { name: b.exhibitorName })}</a> : <span>{tt('beside.stand', { name: b.exhibitorName })}</span>}
              {n !== undefined && <span>{tt('beside.forEvents', { count: n })}</span>}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
