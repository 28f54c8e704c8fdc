// The stand page: a modal dialog over the hall with the exhibitor's content. Uses the native
// <dialog> (focus containment, Esc, inert background); closing returns to the same spot.
import { useEffect, useRef, useState } from 'react';
import { viewUrl } from '../../../../shared/routes.ts';
import { categoryTitle, closeStand, walkToStand } from '../../actions/hallActions.ts';
import { assetUrl } from '../../net/api.ts';
import { useStore, useT } from '../../store/index.ts';
import { RouteButton } from '../route/RouteButton.tsx';
import { useStandWithExhibitor } from '../useExhibitor.ts';
import { StandSections } from './StandSections.tsx';

export function StandDialog() {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const openId = useStore((s) => s.openStandId);
  const floor = useStore((s) => s.floors.find((f) => f.id === s.floorId));
  const lang = useStore((s) => s.lang);
  const data = useStandWithExhibitor(openId);
  const here = useStore((s) => (openId ? (s.standCounts[openId] ?? 0) : 0));
  // Remembers which stand's link was copied, so the note resets when another stand opens.
  const [copiedFor, setCopiedFor] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (data && !d.open) d.showModal();
    if (!data && d.open) d.close();
  }, [data]);

  if (!openId) return <dialog ref={ref} className="stand-dialog" aria-label={t('stand.missing')} />;
  if (!data) return <dialog ref={ref} className="stand-dialog" aria-label={t('stand.missing')} />;
  const { stand, exhibitor } = data;
  const name = exhibitor?.name ?? stand.id;
  const c = exhibitor?.contacts;
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
      <article className="stand-page" data-stand={stand.id}>
        <header className="stand-page__header">
          {exhibitor && <img className="stand-page__logo" src={assetUrl(exhibitor.logo)} alt={name} width={72} height={72} />}
          <div className="stand-page__title">
            <h2 id="stand-title">{name}</h2>
            {exhibitor && <p className="stand-page__category">{categoryTitle(exhibitor.category)}</p>}
            {floor && <p className="stand-page__location">{t('stand.location', { floor: floor.title[lang], stand: stand.id })}</p>}
            <p className="stand-page__live" aria-live="polite">
              {t('live.atStand', { count: here })}
            </p>
          </div>
          <button type="button" className="icon-button stand-page__close" onClick={closeStand} aria-label={t('stand.close')} autoFocus>
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
          <>
            <section aria-labelledby="stand-about">
              <h3 id="stand-about">{t('stand.about')}</h3>
              <p id="stand-short" className="stand-page__short">{exhibitor.short}</p>
              <p>{exhibitor.description}</p>
            </section>
            <section aria-labelledby="stand-contacts">
              <h3 id="stand-contacts">{t('stand.contacts')}</h3>
              <dl className="contacts">
                {c?.site && (
                  <>
                    <dt>{t('stand.site')}</dt>
                    <dd>
                      <a href={c.site} target="_blank" rel="noopener noreferrer">
                        {c.site.replace(/^https?:\/\//, '')}
                      </a>
                    </dd>
                  </>
                )}
                {c?.email && (
                  <>
                    <dt>{t('stand.email')}</dt>
                    <dd>
                      <a href={`mailto:${c.email}`}>{c.email}</a>
                    </dd>
                  </>
                )}
                {c?.phone && (
                  <>
                    <dt>{t('stand.phone')}</dt>
                    <dd>
                      <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a>
                    </dd>
                  </>
                )}
                {c?.address && (
                  <>
                    <dt>{t('stand.address')}</dt>
                    <dd>{c.address}</dd>
                  </>
                )}
              </dl>
            </section>
            <StandSections />
          </>
        ) : (
          <p id="stand-short">{t('stand.missing')}</p>
        )}
      </article>
    </dialog>
  );
}
