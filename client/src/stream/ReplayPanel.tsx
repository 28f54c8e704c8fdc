// Beside a recording: its conversation as it happened. The playback's segments carry their
// program date-times, so the position maps to a moment of the event (shared/replay.ts); the
// chat and the questions show what had been said by then, and the questions answered on air
// are chapters that seek the recording to their answer.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { type ReplayConversation, chaptersOf, conversationAt, currentChapter, mediaAt, wallAt } from '../../../shared/replay.ts';
import { fetchReplayConversation } from '../net/replayApi.ts';
import { clock } from './clock.ts';
import { type PlayerLang, word } from './labels.ts';
import type { Playback, PlaybackState } from './playback.ts';
import './replay.css';

/** The chat shows its newest this many comments up to the position, newest first. */
const COMMENTS_SHOWN = 60;

interface Props {
  eventId: string;
  lang: PlayerLang;
  playback: Playback | null;
}

type Loaded = { status: 'loading' } | { status: 'ready'; conversation: ReplayConversation } | { status: 'error' };

/** The playback's state (its position changes with every timeupdate), or null before there is one. */
function usePlaybackState(playback: Playback | null): PlaybackState | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!playback) return () => {};
      const off = playback.subscribe(onChange);
      return () => {
        off();
      };
    },
    [playback],
  );
  return useSyncExternalStore(subscribe, () => playback?.state ?? null);
}

/** The event's conversation; "loading" until the answer for this very event is in. */
function useConversation(eventId: string): Loaded {
  const [answer, setAnswer] = useState<{ eventId: string; conversation: ReplayConversation | null } | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    fetchReplayConversation(eventId, abort.signal).then(
      (conversation) => setAnswer({ eventId, conversation }),
      () => !abort.signal.aborted && setAnswer({ eventId, conversation: null }),
    );
    return () => abort.abort();
  }, [eventId]);
  if (answer?.eventId !== eventId) return { status: 'loading' };
  return answer.conversation ? { status: 'ready', conversation: answer.conversation } : { status: 'error' };
}

export function ReplayPanel({ eventId, lang, playback }: Props) {
  const loaded = useConversation(eventId);
  const state = usePlaybackState(playback);
  // From the library (…#recording): the page's own scroll ran before this lazy part was in.
  useEffect(() => {
    if (location.hash === '#recording') document.getElementById('recording')?.scrollIntoView({ block: 'start' });
  }, []);

  const timeline = state?.timeline;
  const conversation = loaded.status === 'ready' ? loaded.conversation : null;
  const chapters = useMemo(() => (conversation && timeline ? chaptersOf(conversation.questions, timeline) : []), [conversation, timeline]);

  if (loaded.status !== 'ready') {
    return (
      <aside className="replay" aria-label={word(lang, 'replay')} data-replay={loaded.status}>
        <p role="status">{word(lang, loaded.status === 'error' ? 'replayError' : 'replayLoading')}</p>
      </aside>
    );
  }
  const position = state?.position ?? 0;
  const wall = timeline ? wallAt(timeline, position) : null;
  const shown = wall !== null ? conversationAt(loaded.conversation, wall) : { comments: [], questions: [] };
  const current = currentChapter(chapters, position);
  const timeOfDay = (ms: number) => new Date(ms).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'ru-RU', { hour: '2-digit', minute: '2-digit' });
  const at = (ms: number) => {
    const m = timeline ? mediaAt(timeline, ms) : null;
    return m === null ? timeOfDay(ms) : clock(m);
  };

  return (
    <aside className="replay" aria-label={word(lang, 'replay')} data-replay="ready">
      <section className="replay-part">
        <h3>{word(lang, 'chapters')}</h3>
        {chapters.length === 0 ? (
          <p className="replay-empty">{word(lang, 'noChapters')}</p>
        ) : (
          <ol className="replay-chapters">
            {chapters.map((c) => (
              <li key={c.questionId}>
                <button
                  type="button"
                  data-position={c.position}
                  aria-current={current?.questionId === c.questionId ? 'true' : undefined}
                  title={timeOfDay(c.answeredAt)}
                  onClick={() => playback?.seek(c.position)}
                >
                  <span className="replay-at">
                    {word(lang, 'answeredAt')} {clock(c.position)}
                  </span>{' '}
                  <span className="replay-text">{c.text}</span>
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="replay-part">
        <h3>{word(lang, 'questions')}</h3>
        {shown.questions.length === 0 ? (
          <p className="replay-empty">{word(lang, 'noQuestions')}</p>
        ) : (
          <ul className="replay-questions">
            {shown.questions.map((q) => (
              <li key={q.id} data-question={q.id}>
                <span className="replay-who">{q.name ?? word(lang, 'anonymous')}</span> <span className="replay-text">{q.text}</span>{' '}
                <span className="replay-meta">
                  {q.votes} {word(lang, 'votes')}
                  {q.answered && <span className="replay-badge">{word(lang, 'answered')}</span>}
                </span>
                {q.answer && q.answered && <p className="replay-answer">{q.answer.text}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="replay-part">
        <h3>{word(lang, 'comments')}</h3>
        {shown.comments.length === 0 ? (
          <p className="replay-empty">{word(lang, 'noComments')}</p>
        ) : (
          <ol className="replay-comments" aria-live="polite">
            {/* Newest first: what was just said is on top without scrolling. */}
            {shown.comments.slice(-COMMENTS_SHOWN).reverse().map((c) => (
              <li key={c.id} data-comment={c.id} data-author={c.author.kind}>
                <span className="replay-at">{at(c.at)}</span> <span className="replay-who">{c.author.name}</span>{' '}
                <span className="replay-text">{c.text}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </aside>
  );
}
