// Where the sender pushes: the SRT address and the stage's key, the key hidden until asked
// for (a screen share must not leak it), copy buttons, and a new key for organisers.
import { useRef, useState } from 'react';
import { type BroadcastView, maskPassphrase } from '../../../shared/broadcast.ts';
import type { BroadcastT } from '../i18n/broadcast.ts';
import { copyText } from './copy.ts';

interface Props {
  view: BroadcastView;
  t: BroadcastT;
  /** Organisers may replace the key (not while the stage is live). */
  canRegenerate: boolean;
  busy: boolean;
  onRegenerate: () => Promise<boolean>;
}

export function IngestCard({ view, t, canRegenerate, busy, onRegenerate }: Props) {
  const [shown, setShown] = useState(false);
  const [note, setNote] = useState('');
  const urlRef = useRef<HTMLInputElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  const { url, passphrase } = view.ingest;

  const copy = async (text: string, input: HTMLInputElement | null) => {
    // The fallback copies the input's selection: it must hold the real text for that moment.
    if (!shown) setShown(true);
    const ok = await copyText(text, input);
    setNote(ok ? t('bc.copied') : t('bc.copyFailed'));
  };
  const regenerate = async () => {
    if (!window.confirm(t('bc.regenerateConfirm'))) return;
    if (await onRegenerate()) setNote(t('bc.regenerated'));
  };

  return (
    <section className="bc-card" aria-labelledby="bc-ingest">
      <h2 id="bc-ingest">{t('bc.ingest')}</h2>
      <p className="bc-hint">{t('bc.ingestHint')}</p>
      <label className="bc-field">
        <span>{t('bc.url')}</span>
        <input ref={urlRef} readOnly value={shown ? url : maskPassphrase(url, passphrase)} data-ingest-url spellCheck={false} />
      </label>
      <label className="bc-field">
        <span>{t('bc.key')}</span>
        <input ref={keyRef} readOnly type={shown ? 'text' : 'password'} value={passphrase} data-stream-key spellCheck={false} autoComplete="off" />
      </label>
      <div className="bc-row">
        <button type="button" aria-pressed={shown} onClick={() => setShown(!shown)}>
          {shown ? t('bc.hide') : t('bc.show')}
        </button>
        <button type="button" onClick={() => void copy(url, urlRef.current)}>
          {t('bc.copyUrl')}
        </button>
        <button type="button" onClick={() => void copy(passphrase, keyRef.current)}>
          {t('bc.copyKey')}
        </button>
        {canRegenerate && (
          <button type="button" disabled={busy || view.state !== 'off'} onClick={() => void regenerate()}>
            {t('bc.regenerate')}
          </button>
        )}
      </div>
      <p className="bc-note" role="status">
        {note}
      </p>
    </section>
  );
}
