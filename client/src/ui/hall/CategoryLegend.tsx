// The plan's legend: which colour is which category on the floor shown (the stands' walls are
// drawn in these colours, engine/floorScene.ts), with how many stands each has. A native
// <details>, so it opens and closes from the keyboard and screen readers announce its state;
// collapsed at first on phones, where the hall needs the room.
import { useMemo, useSyncExternalStore } from 'react';
import { CATEGORY_TITLES, type CategoryId } from '../../../../shared/categories.ts';
import { hallView, onHallView } from '../../engine/iso/viewPref.ts';
import { CATEGORY_COLOURS } from '../../engine/palette.ts';
import { useShallow, useStore, useT } from '../../store/index.ts';
import './legend.css';

export function CategoryLegend() {
  const t = useT();
  const view = useSyncExternalStore(onHallView, hallView);
  const { level, exhibitors, lang } = useStore(
    useShallow((s) => ({ level: s.floorId ? s.levels[s.floorId] : undefined, exhibitors: s.exhibitors, lang: s.lang })),
  );
  const rows = useMemo(() => {
    const counts = new Map<CategoryId, number>();
    for (const s of level?.stands ?? []) {
      const c = exhibitors[s.exhibitor]?.category;
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1]);
  }, [level, exhibitors]);
  const phone = typeof window !== 'undefined' && window.matchMedia?.('(max-width: 700px)').matches;
  // The plan draws stands in category colours; the 3D view in brand colours.
  if (rows.length === 0 || view !== 'plan') return null;
  return (
    <details className="legend" open={!phone}>
      <summary>{t('legend.title')}</summary>
      <ul aria-label={t('legend.title')}>
        {rows.map(([c, n]) => (
          <li key={c}>
            <span className="legend__swatch" style={{ background: CATEGORY_COLOURS[c] }} aria-hidden="true" />
            <span className="legend__name">{CATEGORY_TITLES[c][lang]}</span>
            <span className="legend__count">{t('legend.count', { count: n })}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
