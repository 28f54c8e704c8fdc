// The floor list and the minimap at the side of the hall. On phones a button folds them away
// (the hall gets the screen back) and unfolds them again.
import { useState } from 'react';
import { useT } from '../../store/index.ts';
import { FloorSwitcher } from '../chrome/FloorSwitcher.tsx';
import { Minimap } from '../chrome/Minimap.tsx';

export function SidePanel() {
  const t = useT();
  const [collapsed, setCollapsed] = useState(false);
  return (
    <aside className={collapsed ? 'side side--collapsed' : 'side'} aria-label={t('side.label')}>
      <button type="button" className="icon-button side-toggle" aria-expanded={!collapsed} aria-controls="side-floors" onClick={() => setCollapsed(!collapsed)}>
        <span aria-hidden="true">{collapsed ? '▴' : '▾'}</span>
        <span className="sr-only">{t(collapsed ? 'side.show' : 'side.hide')}</span>
      </button>
      <div id="side-floors" className="side__body">
        <FloorSwitcher />
        <Minimap />
      </div>
    </aside>
  );
}
