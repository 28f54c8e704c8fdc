// Roving tabindex over the list view's rows: the whole list is one Tab stop; up/down move
// between stands (keeping the column), left/right between a stand's buttons, Home/End to the
// first and last stand. Tab leaves the list. Works on the DOM so the row's buttons (shared
// components such as the route button) need no tabIndex props.
import { type KeyboardEvent, type RefObject, useCallback, useLayoutEffect, useRef } from 'react';

const ROW = '[data-list-stand]';

function rowsOf(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(ROW)];
}
function buttonsOf(row: HTMLElement): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>('button')];
}

export function useRovingRows(root: RefObject<HTMLElement | null>) {
  const active = useRef<{ stand: string | null; col: number }>({ stand: null, col: 0 });

  const apply = useCallback(() => {
    const el = root.current;
    if (!el) return;
    const rows = rowsOf(el);
    const row = rows.find((r) => r.dataset.listStand === active.current.stand) ?? rows[0];
    for (const r of rows) for (const b of buttonsOf(r)) b.tabIndex = -1;
    if (!row) return;
    const buttons = buttonsOf(row);
    const b = buttons[Math.min(active.current.col, buttons.length - 1)];
    if (b) b.tabIndex = 0;
  }, [root]);

  // Every render may add or drop rows (filter, presence counts): re-mark the one Tab stop.
  useLayoutEffect(apply);

  const moveTo = (row: HTMLElement | undefined, col: number) => {
    if (!row) return;
    const buttons = buttonsOf(row);
    const c = Math.max(0, Math.min(col, buttons.length - 1));
    active.current = { stand: row.dataset.listStand ?? null, col: c };
    apply();
    buttons[c]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const el = root.current;
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>(ROW);
    if (!el || !row || target.tagName !== 'BUTTON') return;
    const rows = rowsOf(el);
    const r = rows.indexOf(row);
    const c = buttonsOf(row).indexOf(target);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(rows[r + 1], c),
      ArrowUp: () => moveTo(rows[r - 1], c),
      ArrowRight: () => moveTo(row, c + 1),
      ArrowLeft: () => moveTo(row, c - 1),
      Home: () => moveTo(rows[0], c),
      End: () => moveTo(rows[rows.length - 1], c),
    };
    const go = keys[e.key];
    if (!go || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    go();
  };

  const onFocus = (e: React.FocusEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>(ROW);
    if (!row || target.tagName !== 'BUTTON') return;
    active.current = { stand: row.dataset.listStand ?? null, col: Math.max(0, buttonsOf(row).indexOf(target)) };
    apply();
  };

  return { onKeyDown, onFocus };
}
