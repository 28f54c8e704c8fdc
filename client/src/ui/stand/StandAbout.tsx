// The exhibitor's own words and how to reach them: parts of the stand page that come from the
// exhibitor card rather than the interior.
import type { Exhibitor } from '../../../../shared/exhibitor.ts';
import { useT } from '../../store/index.ts';
import { useContentTexts } from './contentLang.tsx';

export function StandAbout({ exhibitor }: { exhibitor: Exhibitor }) {
  const t = useT();
  const texts = useContentTexts();
  const short = texts.field(exhibitor, 'short');
  const description = texts.field(exhibitor, 'description');
  return (
    <section className="stand-block stand-about" aria-labelledby="stand-about">
      <h3 id="stand-about">{t('stand.about')}</h3>
      <p id="stand-short" className="stand-about__short" lang={short.lang}>
        {short.text}
      </p>
      <p className="stand-about__text" lang={description.lang}>
        {description.text}
      </p>
    </section>
  );
}

export function StandContacts({ exhibitor }: { exhibitor: Exhibitor }) {
  const t = useT();
  const texts = useContentTexts();
  const c = exhibitor.contacts;
  const address = texts.text(c.address ?? '', exhibitor.en?.address);
  const city = texts.field(exhibitor, 'city');
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
            <dd lang={address.lang}>{address.text}</dd>
          </>
        ) : (
          exhibitor.city && (
            <>
              <dt>{t('stand.city')}</dt>
              <dd lang={city.lang}>{city.text}</dd>
            </>
          )
        )}
      </dl>
    </section>
  );
}
