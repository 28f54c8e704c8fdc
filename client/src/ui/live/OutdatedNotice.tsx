// "The exhibition has been updated": shown when a room refused this page's protocol. Polite
// and non-blocking (the page stays usable for reading); nothing reconnects until a reload.
import { useSyncExternalStore } from 'react';
import { isOutdated, onOutdated } from '../../net/outdated.ts';
import { useT } from '../../store/index.ts';
import './outdated.css';

export function OutdatedNotice() {
  const t = useT();
  const outdated = useSyncExternalStore(onOutdated, isOutdated, () => false);
  if (!outdated) return null;
  return (
    <div className="outdated-notice" role="status" aria-live="polite">
      <p className="outdated-notice__text">{t('live.outdated')}</p>
      <button type="button" className="button button--primary button--small" onClick={() => location.reload()}>
        {t('live.reload')}
      </button>
    </div>
  );
}
