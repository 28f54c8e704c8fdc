// Light mode's controls over the hall: the toggle (remembered, engine/light/lightPref.ts) and,
// when light mode came on by itself (software rendering, slow frames), a non-modal notice
// that says so and suggests the list view. The notice is shown once per browser and goes by
// itself after a while (the toggle stays).
import { useEffect, useState, useSyncExternalStore } from 'react';
import { setHallMode } from '../../actions/listActions.ts';
import { lightMode, onLightMode, setLightMode } from '../../engine/light/lightPref.ts';
import { useT } from '../../store/index.ts';
import './light.css';

const SEEN_KEY = 'expo.lightNoticeSeen';
const SHOWN_MS = 20_000;

function seen(): boolean {
  try {
    return localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return false;
  }
}

function markSeen(): void {
  try {
    localStorage.setItem(SEEN_KEY, '1');
  } catch {
    // Private mode: the notice may come again on the next page.
  }
}

export function LightNotice() {
  const t = useT();
  const decision = useSyncExternalStore(onLightMode, lightMode);
  const [dismissed, setDismissed] = useState(seen);
  const auto = decision.light && decision.reason !== 'chosen';
  const close = () => {
    markSeen();
    setDismissed(true);
  };
  const showing = auto && !dismissed;
  useEffect(() => {
    if (!showing) return;
    const id = setTimeout(close, SHOWN_MS);
    return () => clearTimeout(id);
  }, [showing]);
  return (
    <>
      <button
        type="button"
        className="light-toggle"
        aria-pressed={decision.light}
        title={t('light.toggleHint')}
        onClick={() => setLightMode(!decision.light)}
      >
        {t('light.toggle')}
      </button>
      {showing && (
        <div className="light-notice" role="status">
          <p>{t('light.noticeAuto')}</p>
          <div className="light-notice__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                close();
                setHallMode('list', { focus: true });
              }}
            >
              {t('light.openList')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                close();
                setLightMode(false);
              }}
            >
              {t('light.turnOff')}
            </button>
            <button type="button" className="button" onClick={close}>
              {t('light.dismiss')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
