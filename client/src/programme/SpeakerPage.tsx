// /speakers/<id>: portrait, name, affiliation, bio and their events: upcoming and live,
// recordings, and past ones without a recording; each links to its event page.
import { useEffect, useMemo } from 'react';
import type { SpeakerPageView } from '../../../shared/programme/views.ts';
import { fetchSpeakerPage } from '../net/programmeApi.ts';
import { useStore, useT } from '../store/index.ts';
import { formatLabel } from './labels.ts';
import { adoptClock } from './actions.ts';
import { Link } from './Link.tsx';
import { LoadState } from './Loading.tsx';
import { Missing } from './Missing.tsx';
import { type IndexedEvent, asIndexed, stateAt, txt } from './model.ts';
import { eventPath } from './paths.ts';
import { Portrait } from './Person.tsx';
import { StateBadge } from './StateBadge.tsx';
import { useFairNow } from './useFairNow.ts';
import { useRemote } from './useRemote.ts';
import { longDateOf, timeOf, visitorZone } from './zones.ts';

export function SpeakerPage({ speakerId }: { speakerId: string }) {
  const t = useT();
  // Fetched again when the served programme changes (live reload).
  const reload = useStore((s) => s.progReload);
  const { remote, retry } = useRemote(
    () =>
      fetchSpeakerPage(speakerId).then((page) => {
        adoptClock(page.clock);
        return page;
      }),
    reload,
  );
  if (remote.status === 'missing') return <Missing text={t('programme.notFound.speaker')} />;
  if (remote.status !== 'ready') return <LoadState status={remote.status} onRetry={retry} />;
  return <SpeakerBody page={remote.data} />;
}

function SpeakerBody({ page }: { page: SpeakerPageView }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const s = page.speaker;
  const events = useMemo(() => page.events.map((e, i) => asIndexed(e, i)), [page.events]);
  const now = useFairNow(events);
  const name = txt(s.name, lang);
  useEffect(() => {
    document.title = `${name} · ${t('programme.title')}`;
  }, [name, t]);

  const role = (i: IndexedEvent) => page.events[i.i]!.role;
  const upcoming = events.filter((e) => ['upcoming', 'live'].includes(stateAt(e, now)));
  const recordings = events.filter((e) => stateAt(e, now) === 'recording-ready');
  const ended = events.filter((e) => stateAt(e, now) === 'ended');
  const group = (id: string, title: string, list: IndexedEvent[]) => (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {list.length === 0 ? (
        <p className="prog-muted">{t('programme.speaker.none')}</p>
      ) : (
        <ol className="prog-mini">
          {list.map((ie) => (
            <li key={ie.e.id}>
              <time dateTime={ie.e.start}>
                {longDateOf(ie.start, lang, visitorZone())}, {timeOf(ie.start, lang, visitorZone())}
              </time>{' '}
              <Link href={eventPath(ie.e.id)}>{txt(ie.e.title, lang)}</Link>{' '}
              <span className="prog-muted">
                ({t(`programme.speaker.role.${role(ie)}`)}, {formatLabel(t, ie.e.format).toLowerCase()})
              </span>{' '}
              <StateBadge state={stateAt(ie, now)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );

  return (
    <article className="prog-speaker">
      <header className="prog-speaker__head">
        <Portrait photo={s.photo} size={160} />
        <div>
          <h1 className="prog-h1">{name}</h1>
          {s.affiliation && <p className="prog-speaker__aff">{txt(s.affiliation, lang)}</p>}
          {s.bio && <p>{txt(s.bio, lang)}</p>}
        </div>
      </header>
      <section aria-labelledby="prog-speaker-events">
        <h2 id="prog-speaker-events">{t('programme.speaker.events')}</h2>
        {group('prog-sp-upcoming', t('programme.speaker.upcoming'), upcoming)}
        {group('prog-sp-recordings', t('programme.speaker.recordings'), recordings)}
        {ended.length > 0 && group('prog-sp-ended', t('programme.speaker.ended'), ended)}
      </section>
    </article>
  );
}
