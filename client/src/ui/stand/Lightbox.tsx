// A gallery picture at full size in a native modal <dialog> over the stand page: previous and
// next buttons, arrow keys, swipe (pointer events, so touch, pen and mouse alike), Esc, a
// "3 / 8" counter, and focus handed back by the caller on close.
import { useEffect, useRef } from 'react';
import type { GalleryItem } from '../../../../shared/standContent.ts';
import { mediaUrl } from '../../net/standApi.ts';
import { useStore, useT } from '../../store/index.ts';
import { useContentTexts } from './contentLang.tsx';
import { priceText, swipeDirection, wrapIndex } from './format.ts';

interface Props {
  items: GalleryItem[];
  index: number;
  onIndex(index: number): void;
  onClose(): void;
}

export function Lightbox({ items, index, onIndex, onClose }: Props) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const texts = useContentTexts();
  const ref = useRef<HTMLDialogElement>(null);
  const swipe = useRef<{ id: number; x: number; y: number } | null>(null);
  const item = items[wrapIndex(index, items.length)]!;
  const go = (step: number) => onIndex(wrapIndex(index + step, items.length));
  // Close the modal first: while it is open the page behind is inert and cannot take focus back.
  const close = () => {
    ref.current?.close();
    onClose();
  };

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => {
      if (d?.open) d.close();
    };
  }, []);

  // Neighbours load while the visitor looks at this one, so "next" shows at once.
  useEffect(() => {
    for (const step of [1, -1]) {
      const next = items[wrapIndex(index + step, items.length)];
      if (next) new Image().src = mediaUrl(next.image);
    }
  }, [index, items]);

  const titleId = 'lightbox-title';
  const title = texts.field(item, 'title');
  const description = texts.field(item, 'description');
  return (
    <dialog
      ref={ref}
      className="lightbox"
      aria-labelledby={titleId}
      aria-roledescription={t('stand.lightboxRole')}
      onCancel={(e) => {
        // Esc closes only the lightbox: React would otherwise pass the event to the stand dialog.
        e.preventDefault();
        e.stopPropagation();
        close();
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight') go(1);
        else if (e.key === 'ArrowLeft') go(-1);
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
      onClick={(e) => {
        if (e.target === ref.current) close();
        e.stopPropagation();
      }}
    >
      <div className="lightbox__bar">
        <p className="lightbox__counter" aria-live="polite">
          {t('stand.lightboxCounter', { n: wrapIndex(index, items.length) + 1, total: items.length })}
        </p>
        <button type="button" className="icon-button lightbox__close" onClick={close} aria-label={t('stand.lightboxClose')} autoFocus>
          ×
        </button>
      </div>
      <figure
        className="lightbox__figure"
        onPointerDown={(e) => {
          swipe.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
        }}
        onPointerUp={(e) => {
          const s = swipe.current;
          swipe.current = null;
          if (!s || s.id !== e.pointerId) return;
          const dir = swipeDirection(e.clientX - s.x, e.clientY - s.y);
          if (dir) go(dir);
        }}
        onPointerCancel={() => {
          swipe.current = null;
        }}
      >
        <img src={mediaUrl(item.image)} alt={title.text} lang={title.lang} width={800} height={600} draggable={false} />
        <figcaption>
          <h4 id={titleId} lang={title.lang}>
            {title.text}
          </h4>
          {description.text && <p lang={description.lang}>{description.text}</p>}
          <p className="lightbox__price">{priceText(item.price, lang, t)}</p>
        </figcaption>
      </figure>
      {items.length > 1 && (
        <>
          <button type="button" className="lightbox__nav lightbox__nav--prev" onClick={() => go(-1)} aria-label={t('stand.lightboxPrev')}>
            ‹
          </button>
          <button type="button" className="lightbox__nav lightbox__nav--next" onClick={() => go(1)} aria-label={t('stand.lightboxNext')}>
            ›
          </button>
        </>
      )}
    </dialog>
  );
}
