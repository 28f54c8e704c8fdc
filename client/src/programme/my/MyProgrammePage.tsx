// /programme/my: the visitor's starred events in time order with clashes marked (and, for a
// clash, the recording to watch instead), events since removed from the programme, and the
// settings that go with them: reminders, the calendar feed, moving to another browser.
import { useEffect, useMemo } from 'react';
import { findClashes } from '../../../../shared/programme/clashes.ts';
import { useStore, useT } from '../../store/index.ts';
import { loadProgramme } from '../actions.ts';
import { Link } from '../Link.tsx';
import { LoadState, useProgrammeIndex } from '../Loading.tsx';
import { type IndexedEvent, stateAt, txt } from '../model.ts';
import { PROGRAMME_PATH, eventPath } from '../paths.ts';
import { StateBadge } from '../StateBadge.tsx';
import { useFairNow } from '../useFairNow.ts';
import { longDateOf, timeOf, visitorZone } from '../zones.ts';
import { loadMyProgramme } from './actions.ts';
import { FeedBox } from './FeedBox.tsx';
import { RemindersForm } from './RemindersForm.tsx';
import { StarButton } from './StarButton.tsx';
import { TransferBox } from './TransferBox.tsx';
import './my.css';

export function MyProgrammePage() {
  const t = useT();
  const { status, index } = useProgrammeIndex();
  const myStatus = useStore((s) => s.myStatus);
  const my = useStore((s) => s.my);
  useEffect(() => {
    document.title = `${t('my.title')} · ${t('programme.title')}`;
  }, [t]);
  useEffect(() => {
    void loadMyProgramme();
  }, []);
  const retry = () => {
    void loadProgramme();
    void loadMyProgramme();
  };
  const ready = index && my;
  return (
    <div className="my-page">
      <h1 className="prog-h1">{t('my.title')}</h1>
      <p className="prog-muted">{t('my.intro')}</p>
      <TransferBox part="redeem-link" />
      {ready ? <StarredList /> : <LoadState status={myStatus === 'error' ? 'error' : status} onRetry={retry} />}
      {my && (
        <div className="my-settings">
          <RemindersForm />
          <FeedBox />
          <TransferBox part="make" />
        </div>
      )}
    </div>
  );
}

function StarredList() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const index = useStore((s) => s.progIndex)!;
  const starred = useStore((s) => s.my!.starred);
  const removed = useStore((s) => s.my!.removed);
  const zone = visitorZone();
  const present = useMemo(
    () => starred.flatMap((s) => index.byId.get(s.eventId) ?? []).sort((a, b) => a.start - b.start || a.e.id.localeCompare(b.e.id)),
    [starred, index],
  );
  const gone = starred.filter((s) => !index.byId.has(s.eventId));
  const clashes = useMemo(() => findClashes(present.map((ie) => ie.e)), [present]);
  const now = useFairNow(present);

  if (starred.length === 0) {
    return (
      <div className="my-empty">
        <p>{t('my.empty')}</p>
        <Link className="prog-button" href={PROGRAMME_PATH}>
          {t('my.toSchedule')}
        </Link>
      </div>
    );
  }
  const titleOf = (id: string) => txt(index.byId.get(id)?.e.title, lang);
  return (
    <section aria-labelledby="my-list-h">
      <h2 id="my-list-h" className="my-summary">
        {t('my.count', { count: present.length })}
        {clashes.size > 0 && <span className="my-summary__clashes"> · {t('my.clashCount', { count: clashes.size })}</span>}
      </h2>
      <ol className="prog-list my-list">
        {present.map((ie) => (
          <MyRow key={ie.e.id} ie={ie} now={now} zone={zone} clash={clashes.get(ie.e.id)} titleOf={titleOf} />
        ))}
      </ol>
      {gone.length > 0 && (
        <ul className="prog-list my-list my-list--gone">
          {gone.map((s) => {
            const last = removed.find((r) => r.id === s.eventId);
            const title = last ? txt(last.title, lang) : s.eventId;
            return (
              <li key={s.eventId} className="prog-item my-item my-item--gone" data-event={s.eventId} data-state="cancelled">
                <p className="prog-item__time">
                  {last && <time dateTime={last.start}>{longDateOf(Date.parse(last.start), lang, zone)}, {timeOf(Date.parse(last.start), lang, zone)}</time>}
                </p>
                <div className="prog-item__body">
                  <p className="prog-item__title">
                    <del>{title}</del>
                  </p>
                  <p className="my-cancelled">{t('my.cancelled')}</p>
                </div>
                <div className="my-item__side">
                  <StarButton eventId={s.eventId} title={title} compact />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function MyRow({
  ie,
  now,
  zone,
  clash,
  titleOf,
}: {
  ie: IndexedEvent;
  now: number;
  zone: string;
  clash: ReturnType<typeof findClashes> extends Map<string, infer C> ? C | undefined : never;
  titleOf: (id: string) => string;
}) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const e = ie.e;
  const state = stateAt(ie, now);
  const title = txt(e.title, lang);
  return (
    <li className={`prog-item my-item prog-item--${state}${clash ? ' my-item--clash' : ''}`} data-event={e.id} data-state={state} data-clash={clash ? clash.with.join(' ') : undefined}>
      <p className="prog-item__time">
        <time dateTime={e.start}>
          {longDateOf(ie.start, lang, zone)}, {timeOf(ie.start, lang, zone)}–{timeOf(ie.end, lang, zone)}
        </time>
      </p>
      <div className="prog-item__body">
        <h3 className="prog-item__title">
          <Link href={eventPath(e.id)}>{title}</Link>
        </h3>
        {clash && (
          <div className="my-clash" role="note" aria-label={t('my.clashLabel')}>
            <p>
              <span aria-hidden="true">⚠ </span>
              {t('my.clash', { titles: '' })}
              {clash.with.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <Link href={eventPath(id)}>{titleOf(id)}</Link>
                </span>
              ))}
            </p>
            {clash.recordable ? (
              <p>
                <Link className="my-watch-later" href={eventPath(e.id)} data-watch-later={e.id}>
                  {t('my.watchLater')}
                </Link>
              </p>
            ) : (
              <p className="prog-muted">{t('my.noRecording')}</p>
            )}
          </div>
        )}
      </div>
      <div className="my-item__side">
        <StateBadge state={state} />
        <StarButton eventId={e.id} title={title} compact />
      </div>
    </li>
  );
}
