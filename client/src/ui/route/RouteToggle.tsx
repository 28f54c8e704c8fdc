// The top-bar button that opens and closes the route panel.
import { setRoutePanel } from '../../actions/routeActions.ts';
import { useStore, useT } from '../../store/index.ts';

export function RouteToggle() {
  const t = useT();
  const open = useStore((s) => s.routePanelOpen);
  const count = useStore((s) => s.routeStops.length);
  return (
    <button
      type="button"
      className={`route-toggle${open ? ' route-toggle--open' : ''}`}
      aria-expanded={open}
      aria-controls="route-panel"
      onClick={() => setRoutePanel(!open)}
    >
      <span aria-hidden="true" className="route-toggle__icon">
        ⤳
      </span>
      {t('route.open', { count })}
    </button>
  );
}
