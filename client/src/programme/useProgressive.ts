// Progressive rendering for long result lists: a filter change mounts only the first page of
// results (the budget that keeps it under ~50 ms of main thread with thousands of events);
// more follow as the visitor scrolls near the end (a sentinel seen by IntersectionObserver)
// or presses the "show more" button, which keyboard and screen-reader users can reach.
import { useEffect, useRef, useState } from 'react';

export const FIRST_PAGE = 40;
const STEP = 60;

/** The number of results to render for this query; `more` raises it; `sentinel` goes after them. */
export function useProgressive(queryKey: string, total: number) {
  const [state, setState] = useState({ key: queryKey, limit: FIRST_PAGE });
  const limit = state.key === queryKey ? state.limit : FIRST_PAGE;
  const sentinel = useRef<HTMLDivElement | null>(null);
  const more = (atLeast = 0) => setState({ key: queryKey, limit: Math.max(limit + STEP, atLeast) });
  const moreRef = useRef(more);
  useEffect(() => {
    moreRef.current = more;
  });
  const done = limit >= total;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || done || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) moreRef.current();
    }, { rootMargin: '800px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [done, limit]);
  return { limit, more, sentinel, done };
}
