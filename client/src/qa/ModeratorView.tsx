// The moderator's view of one event (/moderate/<eventId>): the live queue, the published
// questions, slow mode, comments with delete and mute, and the polls. Phone first: one column,
// large buttons; wider screens put the columns side by side.
import { sortQuestions } from '../../../shared/qa.ts';
import { useEventTitle } from '../broadcast/useEventTitle.ts';
import { useQaT } from '../i18n/qa.ts';
import { useStore } from '../store/index.ts';
import { Comments } from './Comments.tsx';
import { ModQuestion } from './ModQuestion.tsx';
import { PollEditor } from './PollEditor.tsx';
import { QaStatus } from './Status.tsx';
import { broadcastPath } from './paths.ts';
import { useQa } from './useQa.ts';

const SLOW_CHOICES = [0, 5, 15, 30, 60, 120];

export function ModeratorView({ eventId }: { eventId: string }) {
  const t = useQaT();
  const lang = useStore((s) => s.lang);
  const { qa, view } = useQa(eventId, 'moderator');
  // The title, as on the broadcast page: a moderator knows the event by name, not by id.
  const title = useEventTitle(eventId);
  if (!qa || !view) return null;
  const queue = view.questions.filter((q) => q.status === 'pending');
  const published = sortQuestions(
    view.questions.filter((q) => q.status === 'approved'),
    'votes',
  );
  const targets = view.questions.filter((q) => q.status === 'approved' || q.status === 'pending');
  return (
    <main className="qa-mod" data-moderator={eventId}>
      <h1 className="qa-mod-title">{t('qa.mod.title', { event: title })}</h1>
      <p className="qa-note">
        <a href={broadcastPath(eventId)}>{t('qa.mod.broadcast')}</a>
      </p>
      <QaStatus state={view.state} t={t} />
      <div className="qa-mod-cols">
        <section aria-label={t('qa.mod.queue', { count: queue.length })}>
          <h2 className="qa-h">{t('qa.mod.queue', { count: queue.length })}</h2>
          <ul className="qa-list" data-queue>
            {queue.length === 0 && <li className="qa-empty">{t('qa.mod.emptyQueue')}</li>}
            {queue.map((q) => (
              <ModQuestion key={q.id} qa={qa} q={q} others={targets.filter((o) => o.id !== q.id)} t={t} lang={lang} />
            ))}
          </ul>
          <h2 className="qa-h">{t('qa.mod.published', { count: published.length })}</h2>
          <ul className="qa-list" data-published>
            {published.map((q) => (
              <ModQuestion key={q.id} qa={qa} q={q} others={targets.filter((o) => o.id !== q.id)} t={t} lang={lang} />
            ))}
          </ul>
        </section>
        <section aria-label={t('qa.tabComments')}>
          <h2 className="qa-h">{t('qa.tabComments')}</h2>
          <label className="qa-row">
            {t('qa.mod.slowMode')}{' '}
            <select value={view.slowModeSeconds} onChange={(e) => void qa.slowMode(Number(e.target.value))}>
              {SLOW_CHOICES.map((s) => (
                <option key={s} value={s}>
                  {s === 0 ? t('qa.mod.slowOff') : t('qa.mod.seconds', { count: s })}
                </option>
              ))}
            </select>
          </label>
          <Comments qa={qa} comments={view.comments} slowModeSeconds={0} moderator t={t} lang={lang} />
          <PollEditor qa={qa} polls={view.polls} t={t} lang={lang} />
        </section>
      </div>
    </main>
  );
}
