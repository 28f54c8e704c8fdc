// One question in the moderator's view: its state and every action that applies to it.
// Anonymous questions say so; who asked them is never known here.
import { useState } from 'react';
import { ANSWER_MAX, type ModerateAction, type Question } from '../../../shared/qa.ts';
import type { QaConnection } from '../net/qa.ts';
import type { QaT } from '../i18n/qa.ts';
import { errorText } from './errors.ts';

interface Props {
  qa: QaConnection;
  q: Question;
  /** Questions this one may be merged into. */
  others: Question[];
  t: QaT;
  lang: string;
}

export function ModQuestion({ qa, q, others, t, lang }: Props) {
  const [note, setNote] = useState<string | null>(null);
  const [answering, setAnswering] = useState(false);
  const [answer, setAnswer] = useState(q.answer?.text ?? '');
  const [into, setInto] = useState<number | ''>('');
  async function run(p: Promise<{ ok: true } | Parameters<typeof errorText>[1]>) {
    const r = await p;
    setNote(r.ok ? null : errorText(t, r, lang));
    return r.ok;
  }
  const act = (a: ModerateAction) => void run(qa.moderate(q.id, a));
  const approved = q.status === 'approved';
  return (
    <li className={`qa-q qa-mod-q${q.pinnedAt !== null ? ' qa-q-pinned' : ''}`} data-question={q.id} data-status={q.status}>
      <div className="qa-q-head">
        <span className="qa-q-name">{q.anonymous ? `— ${t('qa.mod.anonymous')}` : q.name}</span>
        <span className="qa-badge">{t(`qa.status.${q.status}`)}</span>
        {q.pinnedAt !== null && <span className="qa-badge">{t('qa.pinned')}</span>}
        {q.answeredAt !== null && <span className="qa-badge qa-badge-ok">{t('qa.answeredLive')}</span>}
        <span className="qa-vote-count">▲ {q.votes}</span>
        {q.merged > 0 && <span className="qa-badge">+{q.merged}</span>}
      </div>
      <p className="qa-q-text">{q.text}</p>
      {q.answer && !answering && (
        <p className="qa-q-answer">
          <strong>{t('qa.answer')}:</strong> {q.answer.text}
        </p>
      )}
      <div className="qa-mod-actions">
        {!approved && q.status !== 'merged' && (
          <button type="button" className="qa-primary" onClick={() => act('approve')} data-action="approve">
            {t('qa.mod.approve')}
          </button>
        )}
        {q.status !== 'rejected' && q.status !== 'merged' && (
          <button type="button" onClick={() => act('reject')} data-action="reject">
            {t('qa.mod.reject')}
          </button>
        )}
        {approved && (
          <button type="button" onClick={() => act(q.pinnedAt !== null ? 'unpin' : 'pin')} data-action="pin">
            {q.pinnedAt !== null ? t('qa.mod.unpin') : t('qa.mod.pin')}
          </button>
        )}
        {approved && (
          <button type="button" onClick={() => act(q.answeredAt !== null ? 'unanswered' : 'answered')} data-action="answered">
            {q.answeredAt !== null ? t('qa.mod.unanswered') : t('qa.mod.answered')}
          </button>
        )}
        {q.status !== 'merged' && q.status !== 'rejected' && (
          <button type="button" onClick={() => setAnswering((a) => !a)}>
            {t('qa.mod.writeAnswer')}
          </button>
        )}
      </div>
      {q.status !== 'merged' && others.length > 0 && (
        <div className="qa-row">
          <label className="qa-sr" htmlFor={`merge-${q.id}`}>
            {t('qa.mod.mergeInto')}
          </label>
          <select id={`merge-${q.id}`} value={into} onChange={(e) => setInto(e.target.value === '' ? '' : Number(e.target.value))}>
            <option value="">{t('qa.mod.mergeInto')}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                #{o.id} {o.text.slice(0, 60)}
              </option>
            ))}
          </select>
          <button type="button" disabled={into === ''} onClick={() => into !== '' && void run(qa.moderate(q.id, 'merge', into))}>
            {t('qa.mod.merge')}
          </button>
        </div>
      )}
      {answering && (
        <div className="qa-row">
          <textarea aria-label={t('qa.mod.writeAnswer')} value={answer} maxLength={ANSWER_MAX} rows={2} onChange={(e) => setAnswer(e.target.value)} />
          <button type="button" className="qa-primary" onClick={() => void run(qa.answer(q.id, answer)).then((ok) => ok && setAnswering(false))}>
            {t('qa.mod.saveAnswer')}
          </button>
        </div>
      )}
      {note && (
        <p className="qa-note" role="status">
          {note}
        </p>
      )}
    </li>
  );
}
