// The timeline of one day: clusters as rows, time as columns. Each event is a link placed by
// its start and length in the shown zone; a line marks "now" on today's timeline. The grid
// scrolls sideways inside its own region, never the page.
import { type CSSProperties, memo } from 'react';
import type { EventState } from '../../../shared/programme/state.ts';
import { useStore, useT } from '../store/index.ts';
import { Link } from './Link.tsx';
import { type IndexedEvent, type ProgrammeIndex, stateAt, txt } from './model.ts';
import { eventPath } from './paths.ts';
import { StateBadge } from './StateBadge.tsx';
import { dayLabel, minuteOfDay, timeOf } from './zones.ts';

interface Props {
  index: ProgrammeIndex;
  day: string;
  events: readonly IndexedEvent[];
  zone: string;
  now: number;
  isToday: boolean;
  /** Rows are rendered, in order, while their events fit in this budget (the first always). */
  maxEvents: number;
}

const pct = (n: number): string => `${n.toFixed(3)}%`;

export function Timeline({ index, day, events, zone, now, isToday, maxEvents }: Props) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const placed = events.map((ie) => {
    const from = minuteOfDay(ie.start, zone);
    return { ie, from, to: from + (ie.end - ie.start) / 60_000 };
  });
  const first = Math.floor(Math.min(...placed.map((p) => p.from)) / 60) * 60;
  const last = Math.ceil(Math.max(...placed.map((p) => p.to)) / 60) * 60;
  const span = Math.max(60, last - first);
  const hours = Array.from({ length: span / 60 }, (_, i) => first / 60 + i);
  const byCluster = new Map<string, typeof placed>();
  for (const p of placed) {
    let list = byCluster.get(p.ie.e.cluster);
    if (!list) byCluster.set(p.ie.e.cluster, (list = []));
    list.push(p);
  }
  const rows: { c: (typeof index.view.clusters)[number]; mine: typeof placed }[] = [];
  let placedCount = 0;
  for (const c of index.view.clusters) {
    const mine = byCluster.get(c.id);
    if (!mine) continue;
    if (placedCount > 0 && placedCount + mine.length > maxEvents) break;
    placedCount += mine.length;
    rows.push({ c, mine });
  }
  const nowMin = isToday ? minuteOfDay(now, zone) : -1;
  const showNow = nowMin >= first && nowMin <= first + span;
  const label = dayLabel(day, lang);
  return (
    <div className="prog-tl" role="region" aria-label={t('programme.timeline.label', { day: label })} tabIndex={0}>
      <div className="prog-tl__grid" style={{ '--hours': hours.length } as CSSProperties}>
        <div className="prog-tl__head" aria-hidden="true">
          <span className="prog-tl__corner">{t('programme.timeline.cluster')}</span>
          <span className="prog-tl__hours">
            {hours.map((h) => (
              <span key={h} className="prog-tl__hour">
                {String(h % 24).padStart(2, '0')}:00
              </span>
            ))}
          </span>
        </div>
        <ul className="prog-tl__rows">
          {rows.map(({ c, mine }) => (
            <li key={c.id} className="prog-tl__row" style={{ '--c': c.colour ?? '#5b6b7a' } as CSSProperties}>
              <h3 className="prog-tl__cluster">{txt(c.title, lang)}</h3>
              <ol className="prog-tl__track">
                {mine.map(({ ie, from, to }) => (
                  <Tile
                    key={ie.e.id}
                    ie={ie}
                    state={stateAt(ie, now)}
                    left={pct(((from - first) / span) * 100)}
                    width={pct(((to - from) / span) * 100)}
                    zone={zone}
                  />
                ))}
              </ol>
            </li>
          ))}
        </ul>
        {showNow && (
          <div className="prog-tl__now" id="prog-now" style={{ '--frac': ((nowMin - first) / span).toFixed(4) } as CSSProperties}>
            <span className="sr-only">{t('programme.now', { time: timeOf(now, lang, zone) })}</span>
          </div>
        )}
      </div>
    </div>
  );
}

const Tile = memo(function Tile({ ie, state, left, width, zone }: { ie: IndexedEvent; state: EventState; left: string; width: string; zone: string }) {
  const lang = useStore((s) => s.lang);
  return (
    <li className={`prog-tile prog-tile--${state}`} data-event={ie.e.id} data-state={state} style={{ left, width }}>
      <Link href={eventPath(ie.e.id)}>
        <span className="prog-tile__time">
          {timeOf(ie.start, lang, zone)}–{timeOf(ie.end, lang, zone)}
        </span>
        <span className="prog-tile__title">{txt(ie.e.title, lang)}</span>
      </Link>
      <StateBadge state={state} />
    </li>
  );
});
