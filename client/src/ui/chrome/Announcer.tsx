// A polite live region: screen readers hear focus moves, floor changes and walking news.
import { useStore } from '../../store/index.ts';

export function Announcer() {
  const text = useStore((s) => s.announcement);
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" id="announcer">
      {text}
    </div>
  );
}
