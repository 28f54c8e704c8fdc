// The hover card over a stand: logo, company name and category. Positioned by the engine's
// anchor callback (written straight to the element's style), so it follows the stand while
// the camera moves without re-rendering React every frame.
import { useEffect, useRef } from 'react';
import { nameLang } from '../../../../shared/localized.ts';
import { categoryTitle } from '../../actions/hallActions.ts';
import { hall } from '../../engine/hallApi.ts';
import { assetUrl } from '../../net/api.ts';
import { useStore, useT } from '../../store/index.ts';
import { useBoothNumber } from '../useBoothNumber.ts';
import { useStandWithExhibitor } from '../useExhibitor.ts';

export const STAND_POPUP_ID = 'stand-popup';

export function StandPopup() {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const hovered = useStore((s) => s.hoveredStandId);
  const focused = useStore((s) => s.focusedStandId);
  const open = useStore((s) => s.openStandId);
  const lang = useStore((s) => s.lang);
  // Not over the route panel either (a touch leaves the last tapped stand "hovered").
  const routePanel = useStore((s) => s.routePanelOpen);
  const standId = open || routePanel ? null : (hovered ?? focused);
  const data = useStandWithExhibitor(standId);
  const booth = useBoothNumber(standId);
  const engineReady = useStore((s) => s.hallReady);
  const here = useStore((s) => (standId ? (s.standCounts[standId] ?? 0) : 0));
  const staffOnline = useStore((s) => (standId ? s.staffOnline[standId] === true : false));

  useEffect(() => {
    const engine = hall();
    const el = ref.current;
    if (!engine || !el || !data) return;
    return engine.onAnchor((p) => {
      if (!p) {
        el.style.visibility = 'hidden';
        return;
      }
      el.style.visibility = 'visible';
      el.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px) translate(-50%, calc(-100% - 10px))`;
    });
  }, [data, engineReady]);

  if (!data) return null;
  const { stand, exhibitor } = data;
  return (
    <div ref={ref} id={STAND_POPUP_ID} role="tooltip" className="stand-popup" style={{ visibility: 'hidden' }} data-stand={stand.id}>
      {exhibitor && <img src={assetUrl(exhibitor.logo)} alt={exhibitor.name} width={44} height={44} />}
      <div>
        <div className="stand-popup__name" lang={exhibitor ? nameLang(exhibitor.name, lang) : undefined}>
          {exhibitor?.name ?? stand.id}
        </div>
        {exhibitor && (
          <div className="stand-popup__category">
            {/* A separator in the text itself: without it the card (and a screen reader) read
                "Стенд A01Дошкольное образование". */}
            {booth && <span className="stand-popup__booth">{t('list.booth', { id: booth })} · </span>}
            {categoryTitle(exhibitor.category)}
          </div>
        )}
        {here > 0 && <div className="stand-popup__live">{t('live.atStand', { count: here })}</div>}
        {staffOnline && <div className="stand-popup__staff">{t('chat.popupStaff')}</div>}
        <div className="stand-popup__hint">{t('popup.open')}</div>
      </div>
    </div>
  );
}
