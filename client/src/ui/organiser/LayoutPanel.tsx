// The organisers' layout panel beside the overlay: world coordinates under the cursor, the
// floor-file problems the server refuses now, and what a click on a stand copied. Shown
// only when the layout tools are unlocked (?dev=1 for now; an organiser role later).
import { useEffect, useState } from 'react';
import { setLayoutOverlay } from '../../actions/organiserActions.ts';
import { hall } from '../../engine/hallApi.ts';
import { useShallow, useStore, useT } from '../../store/index.ts';
import './layout.css';

const half = (v: number) => Math.round(v * 2) / 2;

/** The world point under the mouse, rounded to 0.5 m; null outside the hall. */
function useCursorMetres(active: boolean): { x: number; y: number } | null {
  const ready = useStore((s) => s.hallReady);
  const size = useStore((s) => (s.floorId ? s.levels[s.floorId]?.size : undefined));
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  useEffect(() => {
    const engine = hall();
    if (!active || !ready || !engine) return;
    // Only a change of the rounded value re-renders: the pointer moves every frame.
    return engine.onPointerWorld((p) => {
      const inside = p && size && p.x >= 0 && p.y >= 0 && p.x <= size.width && p.y <= size.height;
      const next = inside ? { x: half(p.x), y: half(p.y) } : null;
      setAt((prev) => (prev?.x === next?.x && prev?.y === next?.y ? prev : next));
    });
  }, [active, ready, size]);
  return at;
}

export function LayoutPanel() {
  const t = useT();
  const { tools, on, problems, copied } = useStore(
    useShallow((s) => ({ tools: s.layoutTools, on: s.layoutOverlay, problems: s.levelProblems, copied: s.copied })),
  );
  const cursor = useCursorMetres(on);
  if (!tools) return null;
  return (
    <div className="layout-tools">
      <button type="button" className="button layout-tools__toggle" aria-pressed={on} onClick={() => setLayoutOverlay(!on)}>
        {t('layout.toggle')}
      </button>
      {on && (
        <section className="layout-panel" aria-label={t('layout.title')}>
          <h2>{t('layout.title')}</h2>
          <p className="layout-panel__cursor" aria-live="off">
            {cursor ? t('layout.cursor', { x: cursor.x, y: cursor.y }) : t('layout.cursorNone')}
          </p>
          {copied && (
            <div className="layout-panel__copied" role="status">
              {t('layout.copied', { id: copied.standId })}
              <code>{copied.text}</code>
            </div>
          )}
          {problems.length === 0 ? (
            <p className="layout-panel__ok">{t('layout.noProblems')}</p>
          ) : (
            <>
              <h3>{t('layout.problems', { count: problems.length })}</h3>
              <ul className="layout-panel__problems">
                {problems.map((p) => (
                  <li key={p}>
                    <code>{p}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="layout-panel__hint">{t('layout.hint')}</p>
          <button type="button" className="button" onClick={() => setLayoutOverlay(false)}>
            {t('layout.close')}
          </button>
        </section>
      )}
    </div>
  );
}
