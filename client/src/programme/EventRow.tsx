// One event in the schedule's list: time, title (the link to its page), cluster, format,
// language, people and state. Memoised on its inputs, so a filter change only mounts the
// rows that appear and leaves the others alone (the 2 000-event budget depends on it).
import { type CSSProperties, memo } from 'react';
import type { EventState } from '../../../shared/programme/state.ts';
import { useStore, useT } from '../store/index.ts';
import { formatLabel, peopleLine } from './labels.ts';
import { Link } from './Link.tsx';
import { type IndexedEvent, type ProgrammeIndex, txt } from './model.ts';
import { eventPath } from './paths.ts';
import { StateBadge } from './StateBadge.tsx';
import { StarButton } from './my/StarButton.tsx';
import { languageName, timeOf } from './zones.ts';

interface Props {
  index: ProgrammeIndex;
  ie: IndexedEvent;
  state: EventState;
  zone: string;
  /** The first event not yet over: "jump to now" lands here. */
  nowAnchor: boolean;
}

export const EventRow = memo(function EventRow({ index, ie, state, zone, nowAnchor }: Props) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const e = ie.e;
  const cluster = index.clusters.get(e.cluster);
  return (
    <li className={`prog-item prog-item--${state}`} data-event={e.id} data-state={state} id={nowAnchor ? 'prog-now' : undefined}>
      <p className="prog-item__time">
        <time dateTime={e.start}>{timeOf(ie.start, lang, zone)}</time>–<time dateTime={e.end}>{timeOf(ie.end, lang, zone)}</time>
      </p>
      <div className="prog-item__body">
        <h3 className="prog-item__title">
          <Link href={eventPath(e.id)}>{txt(e.title, lang)}</Link>
        </h3>
        <p className="prog-item__meta">
          <span className="prog-cluster" style={{ '--c': cluster?.colour ?? '#5b6b7a' } as CSSProperties}>
            {txt(cluster?.title, lang) || e.cluster}
          </span>
          <span>{formatLabel(t, e.format)}</span>
          <span>{languageName(e.language, lang)}</span>
        </p>
        <p className="prog-item__people">{peopleLine(index, ie, lang, t)}</p>
      </div>
      <div className="prog-item__side">
        <StateBadge state={state} />
        <StarButton eventId={e.id} title={txt(e.title, lang)} compact />
      </div>
    </li>
  );
});
