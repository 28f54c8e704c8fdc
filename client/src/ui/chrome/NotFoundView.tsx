// The not-found view: a link named a floor or a stand that does not exist. The router has
// already corrected the address (to the floor shown); this says so plainly and offers the
// search, so the visitor is one step from what they came for. Any navigation closes it.
import { useEffect, useRef } from 'react';
import { useStore, useT } from '../../store/index.ts';
import { SearchBox } from './SearchBox.tsx';

export function NotFoundView() {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const notFound = useStore((s) => s.notFound);
  const floor = useStore((s) => s.floors.find((f) => f.id === s.floorId)?.title[s.lang] ?? '');

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (notFound && !d.open) d.showModal();
    if (!notFound && d.open) d.close();
  }, [notFound]);

  const close = () => useStore.getState().setNotFound(null);

  return (
    <dialog
      ref={ref}
      className="not-found"
      aria-labelledby="not-found-title"
      aria-describedby="not-found-text"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      {notFound && (
        <>
          <h2 id="not-found-title">{t(notFound.kind === 'floor' ? 'notFound.floorTitle' : 'notFound.standTitle')}</h2>
          <p id="not-found-text">
            {t(notFound.kind === 'floor' ? 'notFound.floorText' : 'notFound.standText', { id: notFound.id, floor })}
          </p>
          <p className="not-found__hint">{t('notFound.searchHint')}</p>
          <SearchBox autoFocus />
          <div className="not-found__actions">
            <button type="button" className="button button--primary" onClick={close}>
              {t('notFound.close', { floor })}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
