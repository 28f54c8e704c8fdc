// The stand page: a modal dialog over the hall with the exhibitor's interior. Uses the native
// <dialog> (focus containment, Esc, inert background); closing returns to the same spot.
// The hall-specific parts live here (location, people here, walk, link, route, chat); the
// interior itself is StandInterior, which the cabinet reuses for its preview.
import { useEffect, useRef, useState } from 'react';
import { CATEGORY_TITLES } from '../../../../shared/categories.ts';
import { nameLang } from '../../../../shared/localized.ts';
import { EMPTY_CONTENT } from '../../../../shared/standContent.ts';
import { viewUrl } from '../../../../shared/routes.ts';
import { closeStand, walkToStand } from '../../actions/hallActions.ts';
import { assetUrl } from '../../net/api.ts';
import { trackStandEvent } from '../../net/standApi.ts';
import { useStore, useT } from '../../store/index.ts';
import { StandChat } from '../chat/StandChat.tsx';
import { returnFocus, takeOpener } from '../list/focusReturn.ts';
import { RouteButton } from '../route/RouteButton.tsx';
import { useBoothNumber } from '../useBoothNumber.ts';
import { useStandWithExhibitor } from '../useExhibitor.ts';
import { StandInterior } from './StandInterior.tsx';
import { useStandContent } from './useStandContent.ts';

export function StandDialog() {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const openId = useStore((s) => s.openStandId);
  const floor = useStore((s) => s.floors.find((f) => f.id === s.floorId));
  const lang = useStore((s) => s.lang);
  const data = useStandWithExhibitor(openId);
  const here = useStore((s) => (openId ? (s.standCounts[openId] ?? 0) : 0));
  // The number the plan and the list show ("A11"), not the level file's id ("sc-a11").
  const booth = useBoothNumber(openId);
  const exhibitorId = data?.exhibitor?.id;
  const { state: content, retry } = useStandContent(exhibitorId);
  // Remembers which stand's link was copied, so the note resets when another stand opens.
  const [copiedFor, setCopiedFor] = useState<string | null>(null);

  // What had the keyboard before the stand opened, and which stand it was: closing goes back
  // there (or to the stand in the list or hall), never to <body>.
  const opener = useRef<{ el: HTMLElement | null; standId: string | null }>({ el: null, standId: null });
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (data && !d.open) {
      opener.current = { el: takeOpener(), standId: data.stand.id };
      d.showModal();
    } else if (data) opener.current.standId = data.stand.id;
    if (!data && d.open) {
      d.close();
      returnFocus(opener.current.el, opener.current.standId);
    }
  }, [data]);

  // One visit per opening of a stand, for the exhibitor's analytics.
  useEffect(() => {
    if (openId && exhibitorId) trackStandEvent(exhibitorId, 'visit', { standId: openId });
  }, [openId, exhibitorId]);

  if (!openId || !data) return <dialog ref={ref} className="stand-dialog" aria-label={t('stand.missing')} />;
  const { stand, exhibitor } = data;
  const name = exhibitor?.name ?? stand.id;
  const copied = copiedFor === stand.id;

  const copyLink = async () => {
    if (!floor) return;
    const url = new URL(viewUrl({ kind: 'stand', floorId: floor.id, standId: stand.id }), location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      setCopiedFor(stand.id);
    } catch {
      window.prompt(t('stand.copyLink'), url);
    }
  };

  const notice =
    content.status === 'loading' ? (
      <p className="stand-notice" role="status">
        <span className="stand-spinner" aria-hidden="true" /> {t('stand.loading')}
      </p>
    ) : content.status === 'error' ? (
      <div className="stand-notice stand-notice--error" role="alert">
        <p>{t('stand.loadError')}</p>
        <button type="button" className="button" onClick={retry}>
          {t('app.retry')}
        </button>
      </div>
    ) : null;

  return (
    <dialog
      ref={ref}
      className="stand-dialog"
      aria-labelledby="stand-title"
      aria-describedby="stand-short"
      onCancel={(e) => {
        e.preventDefault();
        closeStand();
      }}
      onClick={(e) => {
        if (e.target === ref.current) closeStand();
      }}
      style={exhibitor ? ({ '--brand': exhibitor.colour } as React.CSSProperties) : undefined}
    >
      <article className="stand-page" data-stand={stand.id} aria-busy={content.status === 'loading'}>
        <header className="stand-page__header">
          {exhibitor && <img className="stand-page__logo" src={assetUrl(exhibitor.logo)} alt={name} width={72} height={72} />}
          <div className="stand-page__title">
            {/* The keyboard starts on the title, not on ×: a visitor who types or presses Enter
                right away (a shared link, a name they meant for elsewhere) does not close it. */}
            <h2 id="stand-title" tabIndex={-1} autoFocus lang={nameLang(name, lang)}>
              {name}
            </h2>
            {exhibitor && <p className="stand-page__category">{CATEGORY_TITLES[exhibitor.category][lang]}</p>}
            {floor && <p className="stand-page__location">{t('stand.location', { floor: floor.title[lang], stand: booth ?? stand.id })}</p>}
            <p className="stand-page__live" aria-live="polite">
              {t('live.atStand', { count: here })}
            </p>
          </div>
          <button type="button" className="icon-button stand-page__close" onClick={closeStand} aria-label={t('stand.close')}>
            ×
          </button>
        </header>
        <div className="stand-page__actions">
          <button type="button" className="button button--primary" onClick={() => walkToStand(stand.id)}>
            {t('stand.walkHere')}
          </button>
          <button type="button" className="button" onClick={() => void copyLink()}>
            {copied ? t('stand.linkCopied') : t('stand.copyLink')}
          </button>
          <RouteButton floor={floor?.id} stand={stand.id} name={name} />
        </div>
        {exhibitor ? (
          <StandInterior
            key={exhibitor.id}
            exhibitor={exhibitor}
            content={content.status === 'ready' ? content.content : EMPTY_CONTENT}
            standId={stand.id}
            notice={notice}
            aside={<StandChat exhibitorId={exhibitor.id} standId={stand.id} />}
          />
        ) : (
          <p id="stand-short">{t('stand.missing')}</p>
        )}
      </article>
    </dialog>
  );
}
