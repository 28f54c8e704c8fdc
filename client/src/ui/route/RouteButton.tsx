// On the stand page: "add to my route" and a favourite star for the stand shown.
import { toggleFavourite, toggleStop } from '../../actions/routeActions.ts';
import { useStore, useT } from '../../store/index.ts';

export function RouteButton({ floor, stand, name }: { floor: string | undefined; stand: string; name: string }) {
  const t = useT();
  const id = `${floor}/${stand}`;
  const inRoute = useStore((s) => s.routeStops.some((x) => x.floor === floor && x.stand === stand));
  const favourite = useStore((s) => s.favourites.includes(id));
  if (!floor) return null;
  return (
    <>
      <button
        type="button"
        className={`button route-add${inRoute ? ' route-add--on' : ''}`}
        aria-pressed={inRoute}
        onClick={() => toggleStop({ floor, stand })}
      >
        {/* The visible words lead the accessible name (speech users say what they see). */}
        {t(inRoute ? 'route.added' : 'route.add')}
        <span className="sr-only"> — {name}</span>
      </button>
      <button
        type="button"
        className={`icon-button icon-button--flat fav-star${favourite ? ' fav-star--on' : ''}`}
        aria-pressed={favourite}
        aria-label={t(favourite ? 'fav.remove' : 'fav.add')}
        title={t(favourite ? 'fav.remove' : 'fav.add')}
        onClick={() => toggleFavourite({ floor, stand })}
      >
        {favourite ? '★' : '☆'}
      </button>
    </>
  );
}

/** The compact "+" in a search result; `tabbable` on the active result, so Tab from the box reaches it. */
export function RouteAddButton({ floor, stand, name, tabbable = false }: { floor: string; stand: string; name: string; tabbable?: boolean }) {
  const t = useT();
  const inRoute = useStore((s) => s.routeStops.some((x) => x.floor === floor && x.stand === stand));
  return (
    <button
      type="button"
      className={`search__route${inRoute ? ' search__route--on' : ''}`}
      tabIndex={tabbable ? 0 : -1}
      aria-pressed={inRoute}
      aria-label={t(inRoute ? 'route.removeNamed' : 'route.addNamed', { name })}
      title={t(inRoute ? 'route.removeNamed' : 'route.addNamed', { name })}
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => {
        e.stopPropagation();
        toggleStop({ floor, stand });
      }}
    >
      {inRoute ? '✓' : '+'}
    </button>
  );
}
