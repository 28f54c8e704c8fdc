// The star of one event: adds it to "my programme" or takes it out. A toggle button
// (aria-pressed) with its own label, so a screen reader says what it does and to which event;
// compact (icon only) in schedule rows, with words on the event page.
import { useState } from 'react';
import { useStore, useT } from '../../store/index.ts';
import { toggleStar } from './actions.ts';
import './my.css';

export function StarButton({ eventId, title, compact = false }: { eventId: string; title: string; compact?: boolean }) {
  const t = useT();
  const starred = useStore((s) => s.my?.starred.some((x) => x.eventId === eventId) ?? false);
  const pending = useStore((s) => s.myPending.includes(eventId));
  const ready = useStore((s) => s.myStatus === 'ready');
  const [failed, setFailed] = useState(false);
  const label = t(starred ? 'my.star.removeLabel' : 'my.star.addLabel', { title });
  return (
    <span className="star-wrap">
      <button
        type="button"
        className={`star-button${starred ? ' star-button--on' : ''}${compact ? ' star-button--compact' : ''}`}
        aria-pressed={starred}
        aria-label={label}
        title={label}
        data-star={eventId}
        disabled={!ready}
        aria-busy={pending || undefined}
        onClick={() => {
          setFailed(false);
          void toggleStar(eventId).then((ok) => setFailed(!ok));
        }}
      >
        <span className="star-button__icon" aria-hidden="true">
          {starred ? '★' : '☆'}
        </span>
        {!compact && <span>{t(starred ? 'my.star.added' : 'my.star.add')}</span>}
      </button>
      {failed && (
        <span className="star-error" role="alert">
          {t('my.star.error')}
        </span>
      )}
    </span>
  );
}
