// "Add all stands of a category on this floor": pick a category, untick what to leave out.
import { useMemo, useState } from 'react';
import type { CategoryId } from '../../../../shared/categories.ts';
import { categoryTitle } from '../../actions/hallActions.ts';
import { addFavourites, addStops, routeStopName, standsOfCategory } from '../../actions/routeActions.ts';
import { useShallow, useStore, useT } from '../../store/index.ts';

export function RouteCategoryAdd() {
  const t = useT();
  const { floorId, directory, exhibitors, favourites } = useStore(
    useShallow((s) => ({ floorId: s.floorId, directory: s.directory, exhibitors: s.exhibitors, favourites: s.favourites.length })),
  );
  useStore((s) => s.lang);
  const categories = useMemo(() => {
    const ids = new Set<CategoryId>();
    for (const d of directory) {
      const c = d.floor === floorId ? exhibitors[d.exhibitor]?.category : undefined;
      if (c) ids.add(c);
    }
    return [...ids];
  }, [directory, exhibitors, floorId]);
  const [category, setCategory] = useState<CategoryId | ''>('');
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const stands = floorId && category ? standsOfCategory(floorId, category) : [];
  const chosen = stands.filter((s) => !unticked.has(s.stand));

  return (
    <div className="route-add-more">
      {favourites > 0 && (
        <button type="button" className="button button--small" onClick={addFavourites}>
          ★ {t('route.favourites', { count: favourites })}
        </button>
      )}
      <details className="route-category">
        <summary>{t('route.category')}</summary>
        <label className="route-field">
          <span>{t('route.categoryPick')}</span>
          <select
            value={category}
            onChange={(e) => {
              setCategory(e.target.value as CategoryId | '');
              setUnticked(new Set());
            }}
          >
            <option value="">—</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {categoryTitle(c)}
              </option>
            ))}
          </select>
        </label>
        {category && stands.length === 0 && <p className="route-muted">{t('route.categoryNone')}</p>}
        {stands.length > 0 && (
          <>
            <ul className="route-checklist">
              {stands.map((s) => (
                <li key={s.stand}>
                  <label>
                    <input
                      type="checkbox"
                      checked={!unticked.has(s.stand)}
                      onChange={(e) => {
                        const next = new Set(unticked);
                        if (e.target.checked) next.delete(s.stand);
                        else next.add(s.stand);
                        setUnticked(next);
                      }}
                    />
                    <span>{routeStopName(s)}</span>
                  </label>
                </li>
              ))}
            </ul>
            <button type="button" className="button button--small" disabled={chosen.length === 0} onClick={() => addStops(chosen)}>
              {t('route.categoryAdd', { count: chosen.length })}
            </button>
          </>
        )}
      </details>
    </div>
  );
}
