// Products and services as cards: picture (opens the lightbox), title, description, price and
// a link to the exhibitor's own page.
import { useRef, useState } from 'react';
import type { GalleryItem } from '../../../../shared/standContent.ts';
import { mediaUrl } from '../../net/standApi.ts';
import { useStore, useT } from '../../store/index.ts';
import { useContentTexts } from './contentLang.tsx';
import { priceText } from './format.ts';
import { Lightbox } from './Lightbox.tsx';

export function GallerySection({ items }: { items: GalleryItem[] }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [open, setOpen] = useState<number | null>(null);
  const texts = useContentTexts();
  const openers = useRef<(HTMLButtonElement | null)[]>([]);

  return (
    <section className="stand-block" aria-labelledby="stand-gallery-title">
      <h3 id="stand-gallery-title">
        {t('stand.gallery')} <span className="stand-count">{items.length}</span>
      </h3>
      <ul className="gallery">
        {items.map((item, i) => {
          const title = texts.field(item, 'title');
          const description = texts.field(item, 'description');
          return (
            <li key={item.id} className="gallery-card">
              <button
                type="button"
                className="gallery-card__open"
                ref={(el) => {
                  openers.current[i] = el;
                }}
                onClick={() => setOpen(i)}
                aria-label={t('stand.galleryOpen', { title: title.text })}
                aria-haspopup="dialog"
              >
                <img src={mediaUrl(item.image)} alt="" width={800} height={600} loading="lazy" decoding="async" />
              </button>
              <div className="gallery-card__body">
                <h4 className="gallery-card__title" lang={title.lang}>
                  {title.text}
                </h4>
                {description.text && (
                  <p className="gallery-card__text" lang={description.lang}>
                    {description.text}
                  </p>
                )}
                <div className="gallery-card__foot">
                  <span className={item.price === undefined ? 'gallery-card__price gallery-card__price--ask' : 'gallery-card__price'}>
                    {priceText(item.price, lang, t)}
                  </span>
                  {item.link && (
                    <a className="gallery-card__link" href={item.link} target="_blank" rel="noopener noreferrer">
                      {t('stand.galleryMore')}
                      <span className="sr-only"> {t('stand.newTab', { title: title.text })}</span>
                    </a>
                  )}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {open !== null && (
        <Lightbox
          items={items}
          index={open}
          onIndex={setOpen}
          onClose={() => {
            const opener = openers.current[open];
            setOpen(null);
            // Back to the card the visitor came from, not the top of the stand page.
            opener?.focus();
          }}
        />
      )}
    </section>
  );
}
