// An event's state as text (never colour alone): upcoming, live now, ended, recording.
import type { EventState } from '../../../shared/programme/state.ts';
import { useT } from '../store/index.ts';

export function StateBadge({ state }: { state: EventState }) {
  const t = useT();
  return (
    <span className={`prog-state prog-state--${state}`} data-state={state}>
      {state === 'live' && <span className="prog-state__dot" aria-hidden="true" />}
      {t(`programme.state.${state}`)}
    </span>
  );
}
