// The subscribable calendar: the secret .ics address to copy (or open as webcal://) and a way
// to replace it when it leaked.
import { useState } from 'react';
import { useStore, useT } from '../../store/index.ts';
import { renewFeedAddress } from './actions.ts';

export function FeedBox() {
  const t = useT();
  const feedPath = useStore((s) => s.my!.feedPath);
  const [note, setNote] = useState<string | null>(null);
  if (feedPath === null) {
    return (
      <section className="my-box" aria-labelledby="my-feed-h">
        <h2 id="my-feed-h">{t('my.feed.title')}</h2>
        <p className="prog-muted">{t('my.feed.intro')}</p>
        <button type="button" className="prog-button" onClick={() => void renewFeedAddress().catch(() => setNote(t('my.star.error')))}>
          {t('my.feed.create')}
        </button>
        {note && (
          <p className="my-note my-note--error" role="alert">
            {note}
          </p>
        )}
      </section>
    );
  }
  const url = new URL(feedPath, location.href).toString();
  const webcal = url.replace(/^https?:/, 'webcal:');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setNote(t('my.feed.copied'));
    } catch {
      // No clipboard permission: the field is selected for a manual copy.
      (document.getElementById('my-feed-url') as HTMLInputElement | null)?.select();
    }
  };
  return (
    <section className="my-box" aria-labelledby="my-feed-h">
      <h2 id="my-feed-h">{t('my.feed.title')}</h2>
      <p className="prog-muted">{t('my.feed.intro')}</p>
      <label className="my-field">
        <span>{t('my.feed.url')}</span>
        <input id="my-feed-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-feed-url />
      </label>
      <div className="my-actions">
        <button type="button" className="prog-button" onClick={() => void copy()}>
          {t('my.feed.copy')}
        </button>
        <a className="prog-button prog-button--quiet" href={webcal}>
          {t('my.feed.subscribe')}
        </a>
        <button
          type="button"
          className="prog-button prog-button--quiet"
          onClick={() =>
            void renewFeedAddress().then(
              () => setNote(t('my.feed.renewed')),
              () => setNote(t('my.star.error')),
            )
          }
        >
          {t('my.feed.renew')}
        </button>
      </div>
      {note && (
        <p className="my-note" role="status">
          {note}
        </p>
      )}
    </section>
  );
}
