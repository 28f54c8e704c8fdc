// The list view of a floor: every stand as real DOM (for screen readers, keyboards, phones and
// machines that draw the plan slowly), grouped by alley or topic, with a filter. A region of
// the main landmark; the stands are one Tab stop (arrow keys inside, see useRovingRows).
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { CATEGORY_IDS, CATEGORY_TITLES, type CategoryId } from '../../../../shared/categories.ts';
import { alleyOf, groupStands } from '../../../../shared/level/standGroups.ts';
import { LIST_HEADING_ID, takeListFocus } from '../../actions/listActions.ts';
import { useShallow, useStore, useT } from '../../store/index.ts';
import { FloorSwitcher } from '../chrome/FloorSwitcher.tsx';
import { StandRow } from './StandRow.tsx';
import { useRovingRows } from './useRovingRows.ts';
import './list.css';

type GroupBy = 'alley' | 'category';

export function ListView() {
  const t = useT();
  const { level, exhibitors, lang, floorTitle } = useStore(
    useShallow((s) => ({
      level: s.floorId ? s.levels[s.floorId] : undefined,
      exhibitors: s.exhibitors,
      lang: s.lang,
      floorTitle: s.floors.find((f) => f.id === s.floorId)?.title[s.lang] ?? '',
    })),
  );
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<CategoryId | ''>('');
  const [groupBy, setGroupBy] = useState<GroupBy>('alley');
  const q = useDeferredValue(query.trim().toLocaleLowerCase());
  const listRef = useRef<HTMLDivElement>(null);
  const roving = useRovingRows(listRef);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hasLevel = level !== undefined;
  useEffect(() => {
    if (hasLevel && takeListFocus()) headingRef.current?.focus();
  }, [hasLevel]);

  const groups = useMemo(() => {
    if (!level) return [];
    const matches = (i: number) => {
      const s = level.stands[i]!;
      const e = exhibitors[s.exhibitor];
      if (category && e?.category !== category) return false;
      if (!q) return true;
      const cat = e ? CATEGORY_TITLES[e.category] : null;
      return [s.id, e?.name, e?.short, e?.en?.short, cat?.ru, cat?.en].some((x) => x?.toLocaleLowerCase().includes(q));
    };
    const all = groupStands(level.stands, (s) =>
      groupBy === 'alley' ? (alleyOf(s, level.alleys)?.id ?? '') : (exhibitors[s.exhibitor]?.category ?? ''),
    );
    return all.map((g) => ({ ...g, stands: g.stands.filter(matches) })).filter((g) => g.stands.length > 0);
  }, [level, exhibitors, q, category, groupBy]);

  if (!level) return null;
  const shown = groups.reduce((n, g) => n + g.stands.length, 0);
  const groupTitle = (key: string) => {
    if (groupBy === 'category') return key ? CATEGORY_TITLES[key as CategoryId][lang] : t('list.otherAlley');
    return level.alleys.find((a) => a.id === key)?.name?.[lang] ?? t('list.otherAlley');
  };

  return (
    <section className="list-view" aria-labelledby={LIST_HEADING_ID}>
      <div className="list-view__floors">
        <FloorSwitcher />
      </div>
      <div className="list-view__main">
        <h2 id={LIST_HEADING_ID} ref={headingRef} className="list-view__title" tabIndex={-1}>
          {t('list.title', { floor: floorTitle })}
        </h2>
        <p className="muted" id="list-intro">
          {t('list.intro')}
        </p>
        <div className="list-view__filters" role="search">
          <label className="list-view__field">
            <span>{t('list.filter')}</span>
            <input type="search" value={query} placeholder={t('list.filterPlaceholder')} onChange={(e) => setQuery(e.target.value)} />
          </label>
          <label className="list-view__field">
            <span>{t('list.category')}</span>
            <select value={category} onChange={(e) => setCategory(e.target.value as CategoryId | '')}>
              <option value="">{t('list.allCategories')}</option>
              {CATEGORY_IDS.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY_TITLES[c][lang]}
                </option>
              ))}
            </select>
          </label>
          <label className="list-view__field">
            <span>{t('list.groupBy')}</span>
            <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
              <option value="alley">{t('list.byAlley')}</option>
              <option value="category">{t('list.byCategory')}</option>
            </select>
          </label>
        </div>
        <p className="list-view__count" role="status">
          {shown === 0 ? t('list.none') : t('list.count', { count: shown })}
        </p>
        <div ref={listRef} className="list-view__groups" aria-describedby="list-intro" onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
          {groups.map((g) => (
            <section key={g.key || 'other'} className="list-group" aria-labelledby={`list-group-${g.key || 'other'}`}>
              <h3 id={`list-group-${g.key || 'other'}`} className="list-group__title">
                {groupTitle(g.key)}
              </h3>
              <ul className="list-group__stands">
                {g.stands.map((i) => {
                  const s = level.stands[i]!;
                  return <StandRow key={s.id} floorId={level.id} standId={s.id} exhibitor={exhibitors[s.exhibitor]} />;
                })}
              </ul>
            </section>
          ))}
        </div>
      </div>
    </section>
  );
}
