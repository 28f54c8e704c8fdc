// The visitor's Q&A panel for one event (mounted by the event page, see
// /work/notes/qa-ready.md): ask, one's own pending questions, the approved list with votes and
// ordering, comments, the open poll and reactions. Works at 390 px wide.
import { useState } from 'react';
import { type QuestionOrder, sortQuestions } from '../../../shared/qa.ts';
import { useQaT } from '../i18n/qa.ts';
import { useStore } from '../store/index.ts';
import { AskForm } from './AskForm.tsx';
import { Comments } from './Comments.tsx';
import { PollCard } from './PollCard.tsx';
import { QuestionItem } from './QuestionItem.tsx';
import { Reactions } from './Reactions.tsx';
import { QaStatus } from './Status.tsx';
import { useQa } from './useQa.ts';
import './qa.css';

type Tab = 'questions' | 'comments' | 'poll';

export function QaPanel({ eventId }: { eventId: string }) {
  const t = useQaT();
  const lang = useStore((s) => s.lang);
  const { qa, view } = useQa(eventId, 'visitor');
  const [tab, setTab] = useState<Tab>('questions');
  const [order, setOrder] = useState<QuestionOrder>('votes');
  if (!qa || !view) return null;
  const approved = sortQuestions(
    view.questions.filter((q) => q.status === 'approved'),
    order,
  );
  const own = view.questions.filter((q) => view.mine.has(q.id) && q.status !== 'approved');
  const poll = [...view.polls].reverse().find((p) => p.status === 'open') ?? [...view.polls].reverse().find((p) => p.status === 'closed');
  const tabs: Tab[] = ['questions', 'comments', 'poll'];
  const label = { questions: t('qa.tabQuestions'), comments: t('qa.tabComments'), poll: t('qa.tabPoll') };
  return (
    <div className="qa-panel" data-qa-panel={eventId}>
      <QaStatus state={view.state} t={t} />
      <div className="qa-tabs" role="tablist">
        {tabs.map((x) => (
          <button key={x} type="button" role="tab" aria-selected={tab === x} onClick={() => setTab(x)} data-tab={x}>
            {label[x]}
            {x === 'poll' && poll?.status === 'open' ? ' •' : ''}
          </button>
        ))}
      </div>
      {tab === 'questions' && (
        <div role="tabpanel">
          <AskForm qa={qa} t={t} lang={lang} />
          {own.length > 0 && (
            <section aria-label={t('qa.mine')}>
              <h3 className="qa-h">{t('qa.mine')}</h3>
              <ul className="qa-list">
                {own.map((q) => (
                  <QuestionItem key={q.id} q={q} t={t} voted={false} mine />
                ))}
              </ul>
            </section>
          )}
          <div className="qa-row" role="group" aria-label={t('qa.sortLabel')}>
            {(['votes', 'time'] as const).map((o) => (
              <button key={o} type="button" aria-pressed={order === o} onClick={() => setOrder(o)}>
                {o === 'votes' ? t('qa.sortVotes') : t('qa.sortTime')}
              </button>
            ))}
          </div>
          <ul className="qa-list" data-approved>
            {approved.length === 0 && <li className="qa-empty">{t('qa.none')}</li>}
            {approved.map((q) => (
              <QuestionItem key={q.id} q={q} t={t} voted={view.voted.has(q.id)} mine={view.mine.has(q.id)} onVote={() => void qa.vote(q.id)} />
            ))}
          </ul>
        </div>
      )}
      {tab === 'comments' && (
        <div role="tabpanel">
          <Comments qa={qa} comments={view.comments} slowModeSeconds={view.slowModeSeconds} moderator={false} t={t} lang={lang} />
        </div>
      )}
      {tab === 'poll' && (
        <div role="tabpanel">{poll ? <PollCard key={poll.id} qa={qa} poll={poll} mine={view.ballots[String(poll.id)]} t={t} lang={lang} /> : <p className="qa-empty">{t('qa.noPoll')}</p>}</div>
      )}
      <Reactions qa={qa} last={view.reactions} t={t} />
    </div>
  );
}
