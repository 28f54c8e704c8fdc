// /programme: the schedule by day and cluster, as a list or a timeline, with filters, the
// time zone and "jump to now". The query string holds every choice (see query.ts).
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore, useT } from '../store/index.ts';
import { goTo, loadProgramme } from './actions.ts';
import { ScheduleBeside } from './BesideWebinars.tsx';
import { DayNav } from './DayNav.tsx';
import { EventRow } from './EventRow.tsx';
import { FilterBar } from './FilterBar.tsx';
import { LoadState, useProgrammeIndex } from './Loading.tsx';
import { type ProgrammeIndex, dayKeysIn, daysOf, defaultDay, filterEvents, groupByDay, pickDay, stateAt } from './model.ts';
import { PROGRAMME_PATH } from './paths.ts';
import { type ScheduleQuery, parseScheduleQuery, scheduleSearch } from './query.ts';
import { Timeline } from './Timeline.tsx';
import { useFairNow } from './useFairNow.ts';
import { useProgressive } from './useProgressive.ts';
import { useZone } from './useZone.ts';
import { dayKeyOf, dayLabel, visitorZone, zoneName } from './zones.ts';

export function SchedulePage() {
  const t = useT();
  const search = useStore((s) => s.progSearch);
  const query = useMemo(() => parseScheduleQuery(search), [search]);
  const { status, index } = useProgrammeIndex();
  useEffect(() => {
    document.title = `${t('programme.schedule.title')} · ${t('programme.title')}`;
  }, [t]);
  return (
    <>
      <h1 className="prog-h1">{t('programme.title')}</h1>
      {index ? <Schedule index={index} query={query} /> : <LoadState status={status} onRetry={() => void loadProgramme()} />}
    </>
  );
}

function Schedule({ index, query }: { index: ProgrammeIndex; query: ScheduleQuery }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const zone = useZone(query.tz);
  const now = useFairNow(index.events);
  const keys = useMemo(() => dayKeysIn(index, zone), [index, zone]);
  const days = useMemo(() => daysOf(index, keys, query.stage), [index, keys, query.stage]);
  const today = dayKeyOf(now, zone);
  // "Live now" depends on the clock; the other filters do not, so only it re-filters as time passes.
  const liveNow = query.live ? now : 0;
  const { day, shown } = useMemo(() => {
    const d = pickDay(query.day, days, today);
    return { day: d, shown: filterEvents(index, keys, query, d, liveNow) };
  }, [index, keys, query, days, today, liveNow]);
  const search = scheduleSearch(query);
  const { limit, more, sentinel, done } = useProgressive(search, shown.length);
  // The list renders the first `limit` events by time; the timeline whole cluster rows (each
  // day's rows in order) until `limit` events are placed.
  const timeline = query.view === 'timeline';
  const groups = useMemo(() => groupByDay(timeline ? shown : shown.slice(0, limit), keys), [shown, keys, limit, timeline]);
  let budget = limit;
  const [jump, setJump] = useState(0);
  const jumped = useRef(0);

  const update = (patch: Partial<ScheduleQuery>, replace = false) =>
    goTo(PROGRAMME_PATH + scheduleSearch({ ...query, ...patch }), { replace });

  const jumpToNow = () => {
    const target = days.includes(today) ? today : (defaultDay(days, today) ?? 'all');
    if (target !== query.day) update({ day: target });
    else {
      // "Now" may lie past what is rendered yet: render up to it.
      const at = shown.findIndex((ie) => ie.end > now);
      if (at >= limit) more(at + 20);
    }
    setJump((n) => n + 1);
  };

  // After "jump to now" has rendered its day: scroll to the first event not over yet (or the
  // now-line) and put the keyboard there.
  useEffect(() => {
    if (jump === jumped.current) return;
    jumped.current = jump;
    const el = document.getElementById('prog-now');
    if (!el) return;
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const focusable = el.querySelector<HTMLElement>('a') ?? el.closest<HTMLElement>('[tabindex]');
    focusable?.focus({ preventScroll: true });
  }, [jump, shown]);

  const nowNote =
    query.day === null || jump > 0
      ? days.length === 0 || days.includes(today)
        ? null
        : today < days[0]!
          ? t('programme.nowBefore')
          : today > days[days.length - 1]!
            ? t('programme.nowAfter')
            : t('programme.nowNoDay')
      : null;
  const ownZone = visitorZone();
  const fairZone = index.view.meta.timeZone;
  // The first event of today not over yet is where "jump to now" lands in the list.
  const anchorId = day === today || day === 'all' ? shown.find((ie) => ie.end > now)?.e.id : undefined;

  return (
    <div className="prog-schedule">
      <FilterBar index={index} query={query} update={update} />
      <div className="prog-toolbar">
        <div className="prog-seg" role="group" aria-label={t('programme.view')}>
          {(['list', 'timeline'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={query.view === v} onClick={() => update({ view: v })}>
              {t(`programme.view.${v}`)}
            </button>
          ))}
        </div>
        {ownZone !== fairZone && (
          <div className="prog-seg" role="group" aria-label={t('programme.tz.label')}>
            {(['local', 'fair'] as const).map((z) => (
              <button key={z} type="button" aria-pressed={query.tz === z} onClick={() => update({ tz: z })}>
                {t(`programme.tz.${z}`)}
              </button>
            ))}
          </div>
        )}
        <button type="button" className="prog-button" onClick={jumpToNow}>
          {t('programme.jumpNow')}
        </button>
      </div>
      <p className="prog-zone">{t('programme.tz.shown', { zone: zoneName(zone, lang, now) })}</p>
      <DayNav days={days} current={day} query={query} today={today} />
      {nowNote && <p className="prog-note">{nowNote}</p>}
      <p className="prog-count" role="status">
        {t('programme.found', { count: shown.length })}
      </p>
      {shown.length === 0 ? (
        <p className="prog-empty">{t('programme.empty')}</p>
      ) : (
        groups.map(([d, evs]) => {
          const room = budget;
          budget -= evs.length;
          if (room <= 0) return null;
          return (
          <section key={d} className="prog-day" aria-labelledby={`prog-day-${d}`}>
            <h2 id={`prog-day-${d}`} className="prog-day__title">
              {dayLabel(d, lang)}
            </h2>
            {query.view === 'timeline' ? (
              <Timeline index={index} day={d} events={evs} zone={zone} now={now} isToday={d === today} maxEvents={room} />
            ) : (
              <ol className="prog-list">
                {evs.map((ie) => (
                  <EventRow key={ie.e.id} index={index} ie={ie} state={stateAt(ie, now)} zone={zone} nowAnchor={ie.e.id === anchorId} />
                ))}
              </ol>
            )}
          </section>
          );
        })
      )}
      {!done && (
        <div ref={sentinel} className="prog-more">
          <button type="button" className="prog-button prog-button--quiet" onClick={() => more()}>
            {t('programme.more', { count: shown.length - limit })}
          </button>
        </div>
      )}
      {/* Stage two: exhibitors' webinars on the topics of the events listed. */}
      <ScheduleBeside events={shown} day={day} zone={zone} />
    </div>
  );
}
