// The hall is one Tab stop holding the floor's stands as a group: arrow keys (and Home/End)
// move the stand focus like a grid, Tab and Shift+Tab leave the hall at once instead of
// walking 140 stands. Listens in the capture phase, ahead of the engine's own keys, which
// keep WASD walking, +/− zoom, Enter and Esc.
import type { GridKey } from '../../../../shared/level/standGroups.ts';
import { stepHallFocus } from '../../actions/listActions.ts';

const GRID_KEYS: ReadonlySet<string> = new Set<GridKey>(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

export function bindStandGroupKeys(el: HTMLElement): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== el || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Tab') {
      // The browser moves focus on; the engine must not take Tab for a stand step.
      e.stopImmediatePropagation();
      return;
    }
    if (GRID_KEYS.has(e.key)) {
      e.preventDefault();
      e.stopImmediatePropagation();
      stepHallFocus(e.key as GridKey);
    }
  };
  el.addEventListener('keydown', onKeyDown, { capture: true });
  return () => el.removeEventListener('keydown', onKeyDown, { capture: true });
}
