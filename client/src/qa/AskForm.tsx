// Asking a question: it goes to the moderators' queue; the answer says so, or why not.
import { type FormEvent, useState } from 'react';
import { QUESTION_MAX } from '../../../shared/qa.ts';
import type { QaConnection } from '../net/qa.ts';
import type { QaT } from '../i18n/qa.ts';
import { errorText } from './errors.ts';

export function AskForm({ qa, t, lang }: { qa: QaConnection; t: QaT; lang: string }) {
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await qa.ask(text, anonymous);
    setBusy(false);
    if (r.ok) {
      setText('');
      setNote(t('qa.asked'));
    } else setNote(errorText(t, r, lang));
  }
  return (
    <form className="qa-ask" onSubmit={(e) => void submit(e)}>
      <label className="qa-label" htmlFor="qa-ask-text">
        {t('qa.askLabel')}
      </label>
      <textarea id="qa-ask-text" value={text} maxLength={QUESTION_MAX * 2} rows={2} placeholder={t('qa.askPlaceholder')} onChange={(e) => setText(e.target.value)} />
      <div className="qa-row">
        <label className="qa-check">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {t('qa.anonymous')}
        </label>
        <button type="submit" className="qa-primary" disabled={busy || text.trim() === ''}>
          {t('qa.ask')}
        </button>
      </div>
      {note && (
        <p className="qa-note" role="status">
          {note}
        </p>
      )}
    </form>
  );
}
