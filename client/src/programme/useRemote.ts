// One page's answer from the API (an event, a speaker): loading, ready, missing (404) or
// failed, with a retry. The request is aborted when the page goes away. A new `refresh` key
// (the served programme's revision) fetches again quietly: the page keeps what it shows until
// the new answer is there.
import { useCallback, useEffect, useState } from 'react';
import { HttpError } from '../net/http.ts';

export type Remote<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'missing' } | { status: 'error' };

export function useRemote<T>(load: () => Promise<T>, refresh = 0): { remote: Remote<T>; retry: () => void } {
  const [remote, setRemote] = useState<Remote<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setRemote({ status: 'ready', data }),
      (err: unknown) => live && setRemote({ status: err instanceof HttpError && err.status === 404 ? 'missing' : 'error' }),
    );
    return () => {
      live = false;
    };
    // The caller keys the page by its id, so `load` is fixed for the component's life.
  }, [attempt, refresh]);
  const retry = useCallback(() => {
    setRemote({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { remote, retry };
}
