// Search across all floors (ARIA combobox + listbox). Clicking a result switches floor if
// needed, flies the camera to the stand and highlights it; Enter also opens the stand
// (announced). Tab from the box reaches the active result's "add to route", which sits under
// the list (SearchRouteAction.tsx), not inside an option.
import { useId, useMemo, useState } from 'react';
import { CATEGORY_TITLES } from '../../../../shared/categories.ts';
import { type SearchDoc, searchDocs } from '../../../../shared/search.ts';
import { categoryTitle, showStand } from '../../actions/hallActions.ts';
import { openFromSearch } from '../../actions/listActions.ts';
import { assetUrl } from '../../net/api.ts';
import { useShallow, useStore, useT } from '../../store/index.ts';
import { SearchRouteButton, SearchRouteMark } from './SearchRouteAction.tsx';

interface Hit extends SearchDoc {
  floor: string;
  stand: string;
  logo: string;
  category: keyof typeof CATEGORY_TITLES;
}

/** autoFocus: the search is what a view offers first (the not-found view). */
export function SearchBox({ autoFocus = false }: { autoFocus?: boolean }) {
  const t = useT();
  const listId = useId();
  const { directory, exhibitors, floors, lang } = useStore(
    useShallow((s) => ({ directory: s.directory, exhibitors: s.exhibitors, floors: s.floors, lang: s.lang })),
  );
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);

  const docs = useMemo<Hit[]>(
    () =>
      directory.flatMap((d) => {
        const e = exhibitors[d.exhibitor];
        if (!e) return [];
        const cat = CATEGORY_TITLES[e.category];
        return [{ id: `${d.floor}/${d.stand}`, codes: d.booth ? [d.booth] : [], name: e.name, categories: [cat.ru, cat.en], short: e.en?.short ? `${e.short} ${e.en.short}` : e.short, floor: d.floor, stand: d.stand, logo: e.logo, category: e.category }];
      }),
    [directory, exhibitors],
  );
  const hits = useMemo(() => searchDocs(docs, query, 10), [docs, query]);
  const floorTitle = (id: string) => floors.find((f) => f.id === id)?.title[lang] ?? id;
  const expanded = open && query.trim().length >= 2;

  const pick = (hit: Hit | undefined, how: 'click' | 'enter' = 'click') => {
    if (!hit) return;
    if (how === 'enter') openFromSearch(hit.floor, hit.stand);
    else showStand(hit.floor, hit.stand);
    setOpen(false);
    setQuery(hit.name);
  };

  return (
    <div
      className="search"
      onBlur={(e) => {
        // Focus moving to the result's route button keeps the results open.
        if (!e.currentTarget.contains(e.relatedTarget)) setTimeout(() => setOpen(false), 150);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && e.target !== e.currentTarget.querySelector('input')) {
          setOpen(false);
          e.currentTarget.querySelector('input')?.focus();
        }
      }}
    >
      <label htmlFor={`${listId}-input`} className="sr-only">
        {t('search.label')}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={t('search.placeholder')}
        autoFocus={autoFocus}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(hits.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(hits[active], 'enter');
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {expanded && (
        <div className="search__popup">
          {/* tabIndex -1: the box drives the list (aria-activedescendant); a scrolling list would
              otherwise take a Tab stop of its own in Chromium. */}
          <ul id={listId} role="listbox" tabIndex={-1} className="search__results" aria-label={t('search.results', { count: hits.length })}>
            {hits.length === 0 && (
              <li role="option" aria-selected={false} aria-disabled="true" className="search__empty">
                {t('search.noResults')}
              </li>
            )}
            {hits.map((h, i) => (
              <li
                key={h.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className="search__hit"
                data-stand={h.stand}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(h)}
              >
                <img src={assetUrl(h.logo)} alt="" width={28} height={28} />
                <span>
                  <span className="search__name">{h.name}</span>
                  <span className="search__meta">
                    {h.codes?.[0] ? `${t('list.booth', { id: h.codes[0] })} · ` : ''}
                    {categoryTitle(h.category)} · {floorTitle(h.floor)}
                  </span>
                </span>
                <SearchRouteMark floor={h.floor} stand={h.stand} name={h.name} />
              </li>
            ))}
          </ul>
          {hits[active] && <SearchRouteButton floor={hits[active].floor} stand={hits[active].stand} name={hits[active].name} />}
        </div>
      )}
    </div>
  );
}
