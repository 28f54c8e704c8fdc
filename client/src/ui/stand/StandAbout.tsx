// The exhibitor's own words and how to reach them: parts of the stand page that come from the
// exhibitor card rather than the interior.
import type { Exhibitor } from '../../../../shared/exhibitor.ts';
import { useT } from '../../store/index.ts';

export function StandAbout({ exhibitor }: { exhibitor: Exhibitor }) {
  const t = useT();
  return (
    <section className="stand-block stand-about" aria-labelledby="stand-about">
      <h3 id="stand-about">{t('stand.about')}</h3>
      <p id="stand-short" className="stand-about__short">
        {exhibitor.short}
      </p>
      <p className="stand-about__text">{exhibitor.description}</p>
    </section>
  );
}

export function StandContacts({ exhibitor }: { exhibitor: Exhibitor }) {
  const t = useT();
  const c = exhibitor.contacts;
  if (!c.site && !c.email && !c.phone && !c.address && !exhibitor.city) return null;
  return (
    <section className="stand-block stand-card" aria-labelledby="stand-contacts">
      <h3 id="stand-contacts">{t('stand.contacts')}</h3>
      <dl className="contacts">
        {c.site && (
          <>
            <dt>{t('stand.site')}</dt>
            <dd>
              <a href={c.site} target="_blank" rel="noopener noreferrer">
                {c.site.replace(/^https?:\/\//, '').replace(/\/$/, '')}
              </a>
            </dd>
          </>
        )}
        {c.email && (
          <>
            <dt>{t('stand.email')}</dt>
            <dd>
              <a href={`mailto:${c.email}`}>{c.email}</a>
            </dd>
          </>
        )}
        {c.phone && (
          <>
            <dt>{t('stand.phone')}</dt>
            <dd>
              <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a>
            </dd>
          </>
        )}
        {c.address ? (
          <>
            <dt>{t('stand.address')}</dt>
            <dd>{c.address}</dd>
          </>
        ) : (
          exhibitor.city && (
            <>
              <dt>{t('stand.city')}</dt>
              <dd>{exhibitor.city}</dd>
            </>
          )
        )}
      </dl>
    </section>
  );
}
