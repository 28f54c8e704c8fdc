// "Add to my route" for search results, kept out of the listbox: an option may hold no
// button (axe: nested-interactive; a screen reader reads an option as one thing). The mouse
// gets a "+" mark on each row; the keyboard gets one real button under the list that acts on
// the active result, one Tab away from the search box.
import { toggleStop } from '../../actions/routeActions.ts';
import { useStore, useT } from '../../store/index.ts';
import './searchRoute.css';

interface Target {
  floor: string;
  stand: string;
  name: string;
}

const useInRoute = ({ floor, stand }: Target) => useStore((s) => s.routeStops.some((x) => x.floor === floor && x.stand === stand));

/** The row's mark: a click target for the mouse, silent for assistive technology. */
export function SearchRouteMark(target: Target) {
  const t = useT();
  const inRoute = useInRoute(target);
  return (
    <span
      className={`search__route search__route-mark${inRoute ? ' search__route--on' : ''}`}
      aria-hidden="true"
      title={t(inRoute ? 'route.removeNamed' : 'route.addNamed', { name: target.name })}
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => {
        e.stopPropagation();
        toggleStop({ floor: target.floor, stand: target.stand });
      }}
    >
      {inRoute ? '✓' : '+'}
    </span>
  );
}

/** The active result's button, under the list. */
export function SearchRouteButton(target: Target) {
  const t = useT();
  const inRoute = useInRoute(target);
  const label = t(inRoute ? 'route.removeNamed' : 'route.addNamed', { name: target.name });
  return (
    <div className="search__actions">
      <button
        type="button"
        className={`search__route search__route-button${inRoute ? ' search__route--on' : ''}`}
        aria-pressed={inRoute}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => toggleStop({ floor: target.floor, stand: target.stand })}
      >
        <span aria-hidden="true">{inRoute ? '✓ ' : '+ '}</span>
        {label}
      </button>
    </div>
  );
}
