// The "Plan / 3D" switch over the hall, with the 3D view's quarter-turn buttons. The choice
// lives in engine/iso/viewPref.ts (remembered, in the URL); the hall canvas applies it.
import { useSyncExternalStore } from 'react';
import { hall } from '../../engine/hallApi.ts';
import { type HallView, hallView, onHallView, setHallView } from '../../engine/iso/viewPref.ts';
import { useT } from '../../store/index.ts';
import './viewSwitch.css';

export function ViewSwitch() {
  const t = useT();
  const view = useSyncExternalStore(onHallView, hallView);
  const option = (v: HallView) => (
    <button type="button" className="view-switch__option" aria-pressed={view === v} onClick={() => setHallView(v)}>
      {t(v === 'plan' ? 'view.plan' : 'view.3d')}
    </button>
  );
  return (
    <div className="view-switch" role="group" aria-label={t('view.label')}>
      {option('plan')}
      {option('3d')}
      {view === '3d' && (
        <>
          <button type="button" className="view-switch__turn" onClick={() => hall()?.rotate(-1)} aria-label={t('view.rotateLeft')} title={t('view.rotateLeft')}>
            ⟲
          </button>
          <button type="button" className="view-switch__turn" onClick={() => hall()?.rotate(1)} aria-label={t('view.rotateRight')} title={t('view.rotateRight')}>
            ⟳
          </button>
        </>
      )}
    </div>
  );
}
