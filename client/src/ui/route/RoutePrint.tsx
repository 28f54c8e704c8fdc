// A print-friendly list of the route: number, stand, company, floor, hall position, leg
// (metres and real-hall walking minutes, as on the route panel).
// Shown as a dialog on screen; in print only this dialog is on paper (route.css).
import { useEffect, useRef } from 'react';
import { doorstep } from '../../../../shared/level/stand.ts';
import { routeStopName } from '../../actions/routeActions.ts';
import { useShallow, useStore, useT } from '../../store/index.ts';
import { metres, minutes } from './format.ts';

export function RoutePrint({ onClose }: { onClose(): void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const { stops, plan, levels, floors, lang } = useStore(
    useShallow((s) => ({ stops: s.routeStops, plan: s.routePlan, levels: s.levels, floors: s.floors, lang: s.lang })),
  );
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const legs = plan?.ok ? plan.legs : null;
  return (
    <dialog ref={ref} className="route-print" aria-labelledby="route-print-title" onClose={onClose}>
      <h2 id="route-print-title">{t('route.printTitle')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('route.colNumber')}</th>
            <th scope="col">{t('route.colStand')}</th>
            <th scope="col">{t('route.colCompany')}</th>
            <th scope="col">{t('route.colFloor')}</th>
            <th scope="col">{t('route.colPosition')}</th>
            <th scope="col">{t('route.colLeg')}</th>
          </tr>
        </thead>
        <tbody>
          {stops.map((stop, i) => {
            const stand = levels[stop.floor]?.stands.find((x) => x.id === stop.stand);
            const p = stand ? doorstep(stand) : null;
            const leg = legs?.[i];
            return (
              <tr key={`${stop.floor}/${stop.stand}`}>
                <td>{i + 1}</td>
                <td>{stop.stand}</td>
                <td>{routeStopName(stop)}</td>
                <td>{floors.find((f) => f.id === stop.floor)?.title[lang] ?? stop.floor}</td>
                <td>{p ? `${p.x.toFixed(1)}, ${p.y.toFixed(1)}` : '—'}</td>
                <td>{leg ? t('route.legLabel', { metres: metres(leg.metres), minutes: minutes(leg.seconds) }) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {plan?.ok && (
        <>
          <p className="route-total">{t('route.total', { metres: metres(plan.metres), minutes: minutes(plan.seconds) })}</p>
          <p className="route-muted">{t('route.timeNote')}</p>
        </>
      )}
      <div className="route-print__actions">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('route.printNow')}
        </button>
        <button type="button" className="button" onClick={() => ref.current?.close()}>
          {t('route.printClose')}
        </button>
      </div>
    </dialog>
  );
}
