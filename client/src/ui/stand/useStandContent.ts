// Loads a stand's interior for the stand page: loading, ready or failed (with a retry).
// Requests are cached per exhibitor in net/standApi.ts, so reopening a stand is instant.
import { useCallback, useEffect, useState } from 'react';
import type { StandContent } from '../../../../shared/standContent.ts';
import { loadStandContent } from '../../net/standApi.ts';

export type StandContentState =
  | { status: 'loading' }
  | { status: 'ready'; content: StandContent }
  | { status: 'error'; message: string };

export function useStandContent(exhibitorId: string | undefined): { state: StandContentState; retry(): void } {
  const [state, setState] = useState<{ id: string | undefined; value: StandContentState }>({ id: undefined, value: { status: 'loading' } });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!exhibitorId) return;
    let live = true;
    loadStandContent(exhibitorId).then(
      (content) => live && setState({ id: exhibitorId, value: { status: 'ready', content } }),
      (err: unknown) => live && setState({ id: exhibitorId, value: { status: 'error', message: err instanceof Error ? err.message : String(err) } }),
    );
    return () => {
      live = false;
    };
  }, [exhibitorId, attempt]);

  const retry = useCallback(() => {
    setState({ id: exhibitorId, value: { status: 'loading' } });
    setAttempt((n) => n + 1);
  }, [exhibitorId]);

  // A result for another exhibitor (the previous stand) is not this stand's: still loading.
  return { state: state.id === exhibitorId ? state.value : { status: 'loading' }, retry };
}
