// The schedule's loading and failure states, shared by the pages that need it.
import { useEffect } from 'react';
import { useStore, useT } from '../store/index.ts';
import { loadProgramme } from './actions.ts';

/** Starts the load; renders the status while it is not ready, else nothing. */
export function useProgrammeIndex() {
  const status = useStore((s) => s.progStatus);
  const index = useStore((s) => s.progIndex);
  useEffect(() => {
    if (status === 'idle') void loadProgramme();
  }, [status]);
  return { status, index };
}

export function LoadState({ status, onRetry }: { status: 'idle' | 'loading' | 'error' | 'ready'; onRetry: () => void }) {
  const t = useT();
  if (status === 'error') {
    return (
      <div className="prog-status" role="alert">
        <p>{t('programme.loadError')}</p>
        <button type="button" className="prog-button" onClick={onRetry}>
          {t('programme.retry')}
        </button>
      </div>
    );
  }
  return (
    <p className="prog-status" role="status">
      {t('programme.loading')}
    </p>
  );
}
