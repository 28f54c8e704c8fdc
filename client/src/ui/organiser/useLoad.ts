// Loads something for a console tab (again on reload() and, when asked, every few seconds):
// the value, the error message, and a reload function. Keeps the last value while refreshing.
import { useCallback, useEffect, useState } from 'react';

export function useLoad<T>(load: () => Promise<T>, everyMs = 0): { data: T | undefined; error: string | null; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [n, setN] = useState(0);
  const reload = useCallback(() => setN((x) => x + 1), []);
  useEffect(() => {
    let live = true;
    const run = () =>
      load().then(
        (v) => {
          if (!live) return;
          setData(v);
          setError(null);
        },
        (e: unknown) => {
          if (live) setError(e instanceof Error ? e.message : String(e));
        },
      );
    void run();
    const id = everyMs > 0 ? setInterval(() => void run(), everyMs) : undefined;
    return () => {
      live = false;
      if (id) clearInterval(id);
    };
  }, [load, everyMs, n]);
  return { data, error, reload };
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
