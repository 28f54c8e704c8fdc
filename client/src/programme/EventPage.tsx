// /programme/<eventId>: what, when (in the visitor's zone, and the fair's when it differs),
// who, what comes next in the cluster, the recording once it is ready, and the places the
// live player and the Q&A drop into (slots.ts).
import { type CSSProperties, useEffect, useMemo } from 'react';
import type { EventPageView } from '../../../shared/programme/views.ts';
import { eventIcsUrl, fetchEventPage } from '../net/programmeApi.ts';
import { useStore, useT } from '../store/index.ts';
import { formatLabel } from './labels.ts';
import { adoptClock } from './actions.ts';
import { EventBeside } from './BesideWebinars.tsx';
import { EventAnnouncements } from './EventAnnouncements.tsx';
import { Link } from './Link.tsx';
import { LoadState } from './Loading.tsx';
import { EventMedia } from './EventMedia.tsx';
import { Missing } from './Missing.tsx';
import { asIndexed, stateAt, txt } from './model.ts';
import { Person } from './Person.tsx';
import { PROGRAMME_PATH, eventPath } from './paths.ts';
import { scheduleSearch, EMPTY_QUERY } from './query.ts';
import { StateBadge } from './StateBadge.tsx';
import { StarButton } from './my/StarButton.tsx';
import { useFairNow } from './useFairNow.ts';
import { useRemote } from './useRemote.ts';
import { dayKeyOf, longDateOf, languageName, timeOf, visitorZone, zoneName } from './zones.ts';

export function EventPage({ eventId }: { eventId: string }) {
  const t = useT();
  // Fetched again when the served programme changes (live reload).
  const reload = useStore((s) => s.progReload);
  const { remote, retry } = useRemote(
    () =>
      fetchEventPage(eventId).then((page) => {
        adoptClock(page.clock);
        return page;
      }),
    reload,
  );
  if (remote.status === 'missing') return <Missing text={t('programme.notFound.event')} />;
  if (remote.status !== 'ready') return <LoadState status={remote.status} onRetry={retry} />;
  return <EventBody page={remote.data} />;
}

function EventBody({ page }: { page: EventPageView }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const ev = page.event;
  const indexed = useMemo(() => [asIndexed(ev), ...page.nextInCluster.map((e, i) => asIndexed(e, i + 1))], [ev, page.nextInCluster]);
  const now = useFairNow(indexed);
  const self = indexed[0]!;
  const state = stateAt(self, now);
  const zone = visitorZone();
  const fair = page.clock.timeZone;
  const title = txt(ev.title, lang);
  const minutes = ev.duration;

  useEffect(() => {
    document.title = `${title} · ${t('programme.title')}`;
  }, [title, t]);

  const when = (z: string) => `${longDateOf(self.start, lang, z)}, ${timeOf(self.start, lang, z)}–${timeOf(self.end, lang, z)}`;
  const clusterHref = PROGRAMME_PATH + scheduleSearch({ ...EMPTY_QUERY, cluster: ev.cluster, day: dayKeyOf(self.start, zone) });

  return (
    <article className="prog-event" style={{ '--c': page.cluster?.colour ?? '#5b6b7a' } as CSSProperties}>
      <EventAnnouncements eventId={ev.id} />
      <p className="prog-crumb">
        <Link href={PROGRAMME_PATH}>{t('programme.toSchedule')}</Link>
      </p>
      <header className="prog-event__head">
        <p className="prog-event__cluster">{txt(page.cluster?.title, lang) || ev.cluster}</p>
        <h1 className="prog-h1">{title}</h1>
        <StateBadge state={state} />
        <p className="prog-event__star">
          <StarButton eventId={ev.id} title={title} />
        </p>
      </header>
      <section aria-labelledby="prog-facts">
        <h2 id="prog-facts" className="sr-only">
          {t('programme.event.facts')}
        </h2>
        <dl className="prog-facts">
          <div>
            <dt>{t('programme.event.time')}</dt>
            <dd>
              <time dateTime={ev.start}>{when(zone)}</time> ({t('programme.durationMin', { count: minutes })})
              <span className="prog-facts__zone">{zoneName(zone, lang, self.start)}</span>
              {zone !== fair && (
                <span className="prog-facts__zone">
                  {timeOf(self.start, lang, fair)}–{timeOf(self.end, lang, fair)} · {zoneName(fair, lang, self.start)}
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('programme.event.cluster')}</dt>
            <dd>
              <Link href={clusterHref}>{txt(page.cluster?.title, lang) || ev.cluster}</Link>
            </dd>
          </div>
          <div>
            <dt>{t('programme.event.format')}</dt>
            <dd>{formatLabel(t, ev.format)}</dd>
          </div>
          <div>
            <dt>{t('programme.event.language')}</dt>
            <dd>{languageName(ev.language, lang)}</dd>
          </div>
          <div>
            <dt>{t('programme.event.stage')}</dt>
            <dd>{t(`programme.stage.${ev.stage}`)}</dd>
          </div>
          {ev.tags.length > 0 && (
            <div>
              <dt>{t('programme.event.tags')}</dt>
              <dd>{ev.tags.join(', ')}</dd>
            </div>
          )}
        </dl>
        <p>
          <a className="prog-button" href={eventIcsUrl(ev.id)} download={`${ev.id}.ics`}>
            {t('programme.event.ics')}
          </a>
        </p>
      </section>
      {ev.description && <p className="prog-event__desc">{txt(ev.description, lang)}</p>}

      <EventMedia event={ev} state={state} start={self.start} readyAt={self.recording?.readyAt ?? null} />

      <section aria-labelledby="prog-people">
        <h2 id="prog-people">{t('programme.event.people')}</h2>
        <ul className="prog-people">
          {page.moderator && <Person person={page.moderator} role={t('programme.speaker.role.moderator')} />}
          {page.speakers.map((s) => (
            <Person key={s.id} person={s} role={t('programme.speaker.role.speaker')} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="prog-next">
        <h2 id="prog-next">{t('programme.event.next')}</h2>
        {page.nextInCluster.length === 0 ? (
          <p>{t('programme.event.nextNone')}</p>
        ) : (
          <ol className="prog-mini">
            {indexed.slice(1).map((n) => (
              <li key={n.e.id}>
                <time dateTime={n.e.start}>
                  {longDateOf(n.start, lang, zone)}, {timeOf(n.start, lang, zone)}
                </time>{' '}
                <Link href={eventPath(n.e.id)}>{txt(n.e.title, lang)}</Link> <StateBadge state={stateAt(n, now)} />
              </li>
            ))}
          </ol>
        )}
      </section>

      {/* Stage two: exhibitors' webinars on this event's topics. */}
      <EventBeside eventId={ev.id} />
    </article>
  );
}
