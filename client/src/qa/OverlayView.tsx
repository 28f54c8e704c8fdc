// The pinned-question overlay for broadcast software (/overlay/<eventId>): a transparent page
// that shows the latest pinned question, nothing else, so OBS can lay it over the video.
import { pinnedQuestion } from '../../../shared/qa.ts';
import { useQaT } from '../i18n/qa.ts';
import { useQa } from './useQa.ts';

export function OverlayView({ eventId }: { eventId: string }) {
  const t = useQaT();
  const { view } = useQa(eventId, 'visitor');
  const q = view ? pinnedQuestion(view.questions) : null;
  if (!q) return <div className="qa-overlay" data-overlay="empty" />;
  return (
    <div className="qa-overlay" data-overlay={q.id}>
      <div className="qa-overlay-card">
        <p className="qa-overlay-text">{q.text}</p>
        <p className="qa-overlay-name">{q.anonymous || q.name === null ? t('qa.anonymousAuthor') : q.name}</p>
      </div>
    </div>
  );
}
