// The personal route panel: pick and order stops, plan along the alleys, follow, share, print.
// Planning and following live in actions/; this component only shows the store and calls them.
import { useEffect, useRef, useState } from 'react';
import type { RouteFailure } from '../../../../shared/route/types.ts';
import { clearRoute, routeStopName, setRoutePanel, shareUrl } from '../../actions/routeActions.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { loadLevel } from '../../net/api.ts';
import { useShallow, useStore, useT } from '../../store/index.ts';
import { metres, minutes } from './format.ts';
import { LinkIcon, PrintIcon } from './icons.tsx';
import { RouteCategoryAdd } from './RouteCategoryAdd.tsx';
import { RouteFollowBar } from './RouteFollowBar.tsx';
import { RouteOptions } from './RouteOptions.tsx';
import { RoutePrint } from './RoutePrint.tsx';
import { RouteStopList } from './RouteStopList.tsx';
import './route.css';

const FAILURE_KEYS: Record<RouteFailure['reason'], MessageKey> = {
  'unknown-stop': 'route.fail.unknown-stop',
  'no-path': 'route.fail.no-path',
  'no-step-free-path': 'route.fail.no-step-free-path',
  'invalid-pins': 'route.fail.invalid-pins',
};

function failureText(t: ReturnType<typeof useT>, f: RouteFailure): string {
  const stops = f.unreachable
    .map((id) => {
      const [floor = '', stand = ''] = id.split('/');
      return stand ? routeStopName({ floor, stand }) : id;
    })
    .join(', ');
  return t(FAILURE_KEYS[f.reason], { stops });
}

export function RoutePanel() {
  const t = useT();
  const { open, count, plan, follow, floors, end, lang } = useStore(
    useShallow((s) => ({
      open: s.routePanelOpen,
      count: s.routeStops.length,
      plan: s.routePlan,
      follow: s.routeFollow,
      floors: s.floors,
      end: s.routeEnd,
      lang: s.lang,
    })),
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const [link, setLink] = useState<{ url: string; copied: boolean } | null>(null);

  useEffect(() => {
    if (!open) return;
    heading.current?.focus();
    // Landmarks of every floor for the start and end choices (and the planner later).
    for (const f of floors) loadLevel(f.id).catch(() => {});
  }, [open, floors]);

  if (!open) return null;

  const share = async () => {
    const url = shareUrl();
    setLink({ url, copied: false });
    try {
      await navigator.clipboard.writeText(url);
      setLink({ url, copied: true });
    } catch {
      // No clipboard (permissions, old browser): the link stays shown for copying by hand.
    }
  };
  const current = useStore.getState().routeStops[follow.index];
  const status =
    follow.status === 'arrived' ? t('route.arrived', { n: follow.index + 1, name: current ? routeStopName(current) : '' }) : follow.status === 'off' ? t('route.offRoute') : follow.status === 'done' ? t('route.done') : '';
  const endName = end ? useStore.getState().levels[end.floor]?.landmarks.find((l) => l.id === end.landmark)?.title[lang] : undefined;

  return (
    <section id="route-panel" className="route-panel" aria-labelledby="route-panel-title">
      <header className="route-panel__header">
        <h2 id="route-panel-title" ref={heading} tabIndex={-1}>
          {t('route.title')}
        </h2>
        <button type="button" className="icon-button icon-button--flat route-panel__close" aria-label={t('route.close')} onClick={() => setRoutePanel(false)}>
          ×
        </button>
      </header>
      <div className="route-panel__body">
        <RouteOptions />
        <RouteCategoryAdd />
        <RouteStopList />
        {plan?.ok && end && endName && (
          <p className="route-muted">
            {t('route.finish', { name: endName })} · {t('route.legLabel', { metres: metres(plan.legs.at(-1)?.metres ?? 0), minutes: minutes(plan.legs.at(-1)?.seconds ?? 0) })}
          </p>
        )}
        {plan?.ok && (
          <p className="route-total" data-testid="route-total">
            {t('route.total', { metres: metres(plan.metres), minutes: minutes(plan.seconds) })}
          </p>
        )}
        {plan?.ok && <p className="route-muted">{t('route.timeNote')}</p>}
        {plan && !plan.ok && (
          <p className="route-error" role="alert">
            {failureText(t, plan)}
          </p>
        )}
        {loadError && (
          <p className="route-error" role="alert">
            {loadError}
          </p>
        )}
        <p className="route-status" aria-live="polite">
          {status}
        </p>
      </div>
      <footer className="route-panel__footer">
        <RouteFollowBar onError={setLoadError} />
        <div className="route-bar route-bar--quiet">
          <button type="button" className="button button--small" disabled={count === 0} onClick={() => void share()}>
            <LinkIcon /> {link?.copied ? t('route.shareCopied') : t('route.share')}
          </button>
          <button type="button" className="button button--small" disabled={count === 0} onClick={() => setPrinting(true)}>
            <PrintIcon /> {t('route.print')}
          </button>
          <button type="button" className="button button--small" disabled={count === 0} onClick={clearRoute}>
            {t('route.clear')}
          </button>
        </div>
        {link && (
          <input className="route-link" readOnly value={link.url} aria-label={t('route.share')} onFocus={(e) => e.currentTarget.select()} />
        )}
      </footer>
      {printing && <RoutePrint onClose={() => setPrinting(false)} />}
    </section>
  );
}
