// The two ways in to the list view: a skip link first on the page, and a visible switch in
// the top bar (plan or list, remembered). Both move the keyboard to the list's heading.
import { setHallMode } from '../../actions/listActions.ts';
import { useStore, useT } from '../../store/index.ts';

export function ListSkipLink() {
  const t = useT();
  return (
    <a
      href="#stand-list-title"
      className="skip-link"
      onClick={(e) => {
        e.preventDefault();
        setHallMode('list', { focus: true });
      }}
    >
      {t('list.skip')}
    </a>
  );
}

export function ListToggle() {
  const t = useT();
  const list = useStore((s) => s.hallMode === 'list');
  return (
    <button type="button" className="route-toggle list-toggle" aria-pressed={list} onClick={() => setHallMode(list ? 'plan' : 'list', { focus: true })}>
      <span aria-hidden="true">☰</span> {t('list.showShort')}
      <span className="sr-only"> {t('list.showRest')}</span>
    </button>
  );
}
