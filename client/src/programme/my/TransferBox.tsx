// Moving "my programme" to another browser: here a one-time code (and link) is made; there it
// is typed in, or the link opened (?transfer=CODE), and confirmed. After that both browsers
// share one programme (the server hands this browser the signed id the code was made for).
import { type FormEvent, useState } from 'react';
import { formatTransferCode, type TransferCodeView } from '../../../../shared/programme/myProgramme.ts';
import { useStore, useT } from '../../store/index.ts';
import { goTo } from '../actions.ts';
import { MY_PATH } from '../paths.ts';
import { timeOf, visitorZone } from '../zones.ts';
import { newTransferCode, redeemCode } from './actions.ts';

export function TransferBox({ part }: { part: 'make' | 'redeem-link' }) {
  return part === 'make' ? <MakeAndEnter /> : <RedeemLink />;
}

/** A code arriving in the address: asked for confirmation first (a link must not act alone). */
function RedeemLink() {
  const t = useT();
  const search = useStore((s) => s.progSearch);
  const code = new URLSearchParams(search).get('transfer');
  const [result, setResult] = useState<'done' | 'failed' | null>(null);
  if (result === 'done') {
    return (
      <p className="my-note my-transfer-done" role="status">
        {t('my.transfer.done')}
      </p>
    );
  }
  if (!code) return null;
  const redeem = async () => {
    const r = await redeemCode(code);
    setResult(r.ok ? 'done' : 'failed');
    if (r.ok) goTo(MY_PATH, { replace: true });
  };
  return (
    <div className="my-box my-box--confirm" role="region" aria-label={t('my.transfer.title')}>
      <p>{t('my.transfer.confirm')}</p>
      <p className="my-code">{formatTransferCode(code.toUpperCase())}</p>
      <button type="button" className="prog-button" onClick={() => void redeem()} data-redeem-link>
        {t('my.transfer.redeem')}
      </button>
      {result === 'failed' && (
        <p className="my-note my-note--error" role="alert">
          {t('my.transfer.error')}
        </p>
      )}
    </div>
  );
}

function MakeAndEnter() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const [made, setMade] = useState<TransferCodeView | null>(null);
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await redeemCode(typed);
    setState(r.ok ? 'done' : 'failed');
    if (r.ok) setTyped('');
  };
  return (
    <section className="my-box" aria-labelledby="my-move-h">
      <h2 id="my-move-h">{t('my.transfer.title')}</h2>
      <p className="prog-muted">{t('my.transfer.intro')}</p>
      <div className="my-actions">
        <button type="button" className="prog-button" onClick={() => void newTransferCode().then(setMade, () => setMade(null))}>
          {t('my.transfer.make')}
        </button>
      </div>
      {made && (
        <div className="my-made" role="status">
          <p className="my-code" data-transfer-code>
            {t('my.transfer.code', { code: made.code })}
          </p>
          <p>
            {t('my.transfer.link')}: <a href={made.linkPath}>{new URL(made.linkPath, location.href).toString()}</a>
          </p>
          <p className="prog-muted">{t('my.transfer.expires', { time: timeOf(made.expiresAt, lang, visitorZone()) })}</p>
        </div>
      )}
      <form className="my-form my-form--inline" onSubmit={(e) => void submit(e)}>
        <label className="my-field">
          <span>{t('my.transfer.enter')}</span>
          <input name="code" autoComplete="off" autoCapitalize="characters" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="ABCDE-FGHJK" />
        </label>
        <button type="submit" className="prog-button" disabled={typed.trim() === ''}>
          {t('my.transfer.redeem')}
        </button>
      </form>
      {state === 'done' && (
        <p className="my-note" role="status">
          {t('my.transfer.done')}
        </p>
      )}
      {state === 'failed' && (
        <p className="my-note my-note--error" role="alert">
          {t('my.transfer.error')}
        </p>
      )}
    </section>
  );
}
