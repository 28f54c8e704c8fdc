// On-screen buttons for zoom, whole-floor view, the avatar and help: for touch and mouse users.
import { useState } from 'react';
import { hall } from '../../engine/hallApi.ts';
import { useT } from '../../store/index.ts';

export function ZoomControls() {
  const t = useT();
  const [help, setHelp] = useState(false);
  return (
    <div className="zoom-controls">
      <button type="button" className="icon-button" onClick={() => hall()?.zoomBy(1.4)} aria-label={t('controls.zoomIn')} title={t('controls.zoomIn')}>
        +
      </button>
      <button type="button" className="icon-button" onClick={() => hall()?.zoomBy(1 / 1.4)} aria-label={t('controls.zoomOut')} title={t('controls.zoomOut')}>
        −
      </button>
      <button type="button" className="icon-button" onClick={() => hall()?.fitFloor()} aria-label={t('controls.fit')} title={t('controls.fit')}>
        ⤢
      </button>
      <button type="button" className="icon-button" onClick={() => hall()?.centreOnAvatar()} aria-label={t('controls.myPosition')} title={t('controls.myPosition')}>
        ◉
      </button>
      <button type="button" className="icon-button" onClick={() => setHelp(!help)} aria-expanded={help} aria-controls="help-panel" aria-label={t('controls.help')} title={t('controls.help')}>
        ?
      </button>
      {help && (
        <div id="help-panel" className="help-panel" role="region" aria-label={t('help.title')}>
          <h2>{t('help.title')}</h2>
          <ul>
            <li>{t('help.mouse')}</li>
            <li>{t('help.keyboard')}</li>
            <li>{t('help.touch')}</li>
          </ul>
          <button type="button" className="button" onClick={() => setHelp(false)}>
            {t('help.close')}
          </button>
        </div>
      )}
    </div>
  );
}
