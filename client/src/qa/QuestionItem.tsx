// One question as a visitor sees it: who asked (or "anonymous"), pinned / answered marks, the
// written answer, and the up-vote button (once per visitor; the server counts).
import type { Question } from '../../../shared/qa.ts';
import type { QaT } from '../i18n/qa.ts';

interface Props {
  q: Question;
  t: QaT;
  voted: boolean;
  mine: boolean;
  onVote?: () => void;
}

export function QuestionItem({ q, t, voted, mine, onVote }: Props) {
  return (
    <li className={`qa-q${q.pinnedAt !== null ? ' qa-q-pinned' : ''}`} data-question={q.id} data-status={q.status}>
      <div className="qa-q-head">
        <span className="qa-q-name">{q.anonymous || q.name === null ? t('qa.anonymousAuthor') : q.name}</span>
        {q.pinnedAt !== null && <span className="qa-badge">{t('qa.pinned')}</span>}
        {q.answeredAt !== null && <span className="qa-badge qa-badge-ok">{t('qa.answeredLive')}</span>}
        {mine && q.status !== 'approved' && <span className="qa-badge qa-badge-wait">{t(`qa.status.${q.status}`)}</span>}
      </div>
      <p className="qa-q-text">{q.text}</p>
      {q.answer && (
        <p className="qa-q-answer">
          <strong>{t('qa.answer')}:</strong> {q.answer.text}
        </p>
      )}
      {q.status === 'approved' && (
        <button type="button" className="qa-vote" aria-pressed={voted} disabled={voted || !onVote} onClick={onVote} data-vote={q.id}>
          ▲ <span className="qa-vote-count">{q.votes}</span>
          <span className="qa-sr">{voted ? t('qa.voted') : t('qa.vote')}</span>
        </button>
      )}
    </li>
  );
}
