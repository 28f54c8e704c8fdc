// Move up / move down / remove for one item of a list in the editor. Focus stays on the
// pressed button as the item moves, and the new position is announced.
import { useStore, useT } from '../../../store/index.ts';

interface ItemControlsProps {
  /** Stable per item (its id), so focus can follow it. */
  idBase: string;
  index: number;
  count: number;
  name: string;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
  /** Where focus goes after removal (the list's add button). */
  focusAfterRemove: string;
}

function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export function ItemControls(p: ItemControlsProps) {
  const t = useT();
  const move = (delta: -1 | 1) => {
    p.onMove(delta);
    const to = p.index + delta;
    // At an end of the list the pressed button disables itself; the other one takes focus.
    const atEdge = delta === -1 ? to === 0 : to === p.count - 1;
    const pressed = delta === -1 ? 'up' : 'down';
    focusSoon(`${p.idBase}-${atEdge ? (pressed === 'up' ? 'down' : 'up') : pressed}`);
    useStore.getState().announce(t('cabinet.item.moved', { name: p.name, position: p.index + delta + 1, count: p.count }));
  };
  return (
    <div className="cab-item__controls" role="group" aria-label={t('cabinet.item.controls', { name: p.name })}>
      <button type="button" id={`${p.idBase}-up`} className="cab-icon-btn" disabled={p.index === 0} onClick={() => move(-1)} aria-label={t('cabinet.item.up', { name: p.name })} title={t('cabinet.item.upShort')}>
        ↑
      </button>
      <button type="button" id={`${p.idBase}-down`} className="cab-icon-btn" disabled={p.index === p.count - 1} onClick={() => move(1)} aria-label={t('cabinet.item.down', { name: p.name })} title={t('cabinet.item.downShort')}>
        ↓
      </button>
      <button
        type="button"
        id={`${p.idBase}-remove`}
        className="cab-icon-btn cab-icon-btn--danger"
        onClick={() => {
          p.onRemove();
          focusSoon(p.focusAfterRemove);
          useStore.getState().announce(t('cabinet.item.removed', { name: p.name }));
        }}
        aria-label={t('cabinet.item.remove', { name: p.name })}
        title={t('cabinet.item.removeShort')}
      >
        ✕
      </button>
    </div>
  );
}
