// The stops as a real ordered list: number, company, floor, the walk to it; pin and remove.
// Each item reads out as "Stop 3 of 7: Company, floor …, 120 m, ≈ 2 min on foot".
import { removeStop, routeStopName, togglePin } from '../../actions/routeActions.ts';
import { useShallow, useStore, useT } from '../../store/index.ts';
import { routeStopId } from '../../store/routeSlice.ts';
import { boothNumberOf } from '../useBoothNumber.ts';
import { metres, minutes } from './format.ts';
import { PinIcon } from './icons.tsx';

export function RouteStopList() {
  const t = useT();
  const { stops, pins, plan, follow, floors, lang } = useStore(
    useShallow((s) => ({ stops: s.routeStops, pins: s.routePins, plan: s.routePlan, follow: s.routeFollow, floors: s.floors, lang: s.lang })),
  );
  useStore((s) => s.exhibitors);
  const directory = useStore((s) => s.directory);
  const legs = plan?.ok ? plan.legs : null;
  const following = follow.status !== 'idle' && follow.status !== 'done';
  const floorTitle = (id: string) => floors.find((f) => f.id === id)?.title[lang] ?? id;

  if (stops.length === 0) return <p className="route-muted">{t('route.empty')}</p>;
  return (
    <ol className="route-stops" aria-label={t('route.stops')}>
      {stops.map((stop, i) => {
        const id = routeStopId(stop);
        const name = routeStopName(stop);
        const leg = legs?.[i];
        const pinned = pins.some((p) => p.stop === id);
        const visited = follow.visited.includes(id);
        const next = following && follow.index === i;
        const legText = leg ? t('route.legLabel', { metres: metres(leg.metres), minutes: minutes(leg.seconds) }) : '';
        const label = [
          t('route.stopLabel', { n: i + 1, total: stops.length, name, floor: floorTitle(stop.floor) }),
          legText,
          visited ? t('route.visited') : '',
          next ? t('route.nextStop') : '',
        ]
          .filter(Boolean)
          .join(', ');
        return (
          <li
            key={id}
            className={`route-stop${visited ? ' route-stop--visited' : ''}${next ? ' route-stop--next' : ''}`}
            data-stop={id}
            aria-label={label}
            aria-current={next ? 'step' : undefined}
          >
            <span className="route-stop__n" aria-hidden="true">
              {visited ? '✓' : i + 1}
            </span>
            <span className="route-stop__body" aria-hidden="true">
              <span className="route-stop__name">{name}</span>
              {/* The plan's booth number ("A11"), as the list and the stand page show it, not the level's id. */}
              <span className="route-stop__meta">
                {floorTitle(stop.floor)} · {boothNumberOf(directory, stop.stand) ?? stop.stand}
                {leg && <span className="route-stop__leg">{legText}</span>}
              </span>
            </span>
            <span className="route-stop__tools">
              <button
                type="button"
                className={`route-tool${pinned ? ' route-tool--on' : ''}`}
                aria-pressed={pinned}
                aria-label={t('route.pinNamed', { name, n: i + 1 })}
                title={t(pinned ? 'route.unpin' : 'route.pin')}
                onClick={() => togglePin(stop)}
              >
                <PinIcon />
              </button>
              <button type="button" className="route-tool" aria-label={t('route.removeNamed', { name })} title={t('route.remove')} onClick={() => removeStop(stop)}>
                ×
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
