// The moderator's polls: write a draft (single or multiple choice), open it, close it; the
// results of each are live.
import { useState } from 'react';
import { POLL_OPTIONS_MAX, POLL_OPTIONS_MIN, type Poll } from '../../../shared/qa.ts';
import type { QaConnection } from '../net/qa.ts';
import type { QaT } from '../i18n/qa.ts';
import { errorText } from './errors.ts';

export function PollEditor({ qa, polls, t, lang }: { qa: QaConnection; polls: Poll[]; t: QaT; lang: string }) {
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState<string[]>(['', '']);
  const [multiple, setMultiple] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  async function save() {
    const r = await qa.pollSave({ question, options: options.filter((o) => o.trim() !== ''), multiple });
    if (r.ok) {
      setQuestion('');
      setOptions(['', '']);
      setNote(null);
    } else setNote(errorText(t, r, lang));
  }
  async function step(id: number, status: 'open' | 'closed') {
    const r = await qa.pollState(id, status);
    setNote(r.ok ? null : errorText(t, r, lang));
  }
  return (
    <section className="qa-mod-polls" aria-label={t('qa.mod.polls')}>
      <h2 className="qa-h">{t('qa.mod.polls')}</h2>
      <ul className="qa-list">
        {[...polls].reverse().map((p) => (
          <li key={p.id} className="qa-q" data-poll={p.id} data-status={p.status}>
            <div className="qa-q-head">
              <strong>{p.question}</strong> <span className="qa-badge">{t(`qa.mod.status.${p.status}`)}</span>
            </div>
            <ul>
              {p.options.map((o, i) => (
                <li key={i}>
                  {o}: {p.counts[i] ?? 0}
                </li>
              ))}
            </ul>
            {p.status === 'draft' && (
              <button type="button" className="qa-primary" onClick={() => void step(p.id, 'open')}>
                {t('qa.mod.open')}
              </button>
            )}
            {p.status === 'open' && (
              <button type="button" onClick={() => void step(p.id, 'closed')}>
                {t('qa.mod.close')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="qa-poll-form">
        <input aria-label={t('qa.mod.pollQuestion')} placeholder={t('qa.mod.pollQuestion')} value={question} onChange={(e) => setQuestion(e.target.value)} />
        {options.map((o, i) => (
          <input
            key={i}
            aria-label={t('qa.mod.pollOption', { count: i + 1 })}
            placeholder={t('qa.mod.pollOption', { count: i + 1 })}
            value={o}
            onChange={(e) => setOptions((list) => list.with(i, e.target.value))}
          />
        ))}
        <div className="qa-row">
          {options.length < POLL_OPTIONS_MAX && (
            <button type="button" onClick={() => setOptions((l) => [...l, ''])}>
              {t('qa.mod.addOption')}
            </button>
          )}
          <label className="qa-check">
            <input type="checkbox" checked={multiple} onChange={(e) => setMultiple(e.target.checked)} /> {t('qa.mod.multiple')}
          </label>
          <button
            type="button"
            className="qa-primary"
            disabled={question.trim() === '' || options.filter((o) => o.trim() !== '').length < POLL_OPTIONS_MIN}
            onClick={() => void save()}
          >
            {t('qa.mod.saveDraft')}
          </button>
        </div>
      </div>
      {note && <p className="qa-note">{note}</p>}
    </section>
  );
}
