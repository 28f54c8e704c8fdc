// Where the keyboard goes when a dialog closes: back to what opened it if that is still on the
// page, else to the stand in the list or the hall's stand group, else the main region. Without
// this, closing a modal that was opened on page load (a shared link, the name question) left
// focus on <body>.
import { useStore } from '../../store/index.ts';

/** The element a dialog should return to, taken before it opens (null: nothing useful). */
export function takeOpener(): HTMLElement | null {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement) || el === document.body || el.closest('dialog')) return null;
  return el;
}

/** Moves focus after a dialog closed; `standId` is the stand it showed, if any. */
export function returnFocus(opener: HTMLElement | null, standId: string | null = null): void {
  if (opener?.isConnected && !opener.closest('[inert]')) {
    opener.focus();
    if (document.activeElement === opener) return;
  }
  const list = useStore.getState().hallMode === 'list';
  const row = standId && list ? document.querySelector<HTMLElement>(`[data-list-stand="${CSS.escape(standId)}"] button`) : null;
  const target = row ?? (list ? document.getElementById('stand-list-title') : document.getElementById('hall')) ?? document.querySelector<HTMLElement>('main');
  target?.focus();
}
