// The comments chat beside the player. Moderators get delete and mute on each comment; slow
// mode and limits are answered by the server and shown here as plain sentences.
import { type FormEvent, useState } from 'react';
import { COMMENT_MAX, type QaComment } from '../../../shared/qa.ts';
import type { QaConnection } from '../net/qa.ts';
import type { QaT } from '../i18n/qa.ts';
import { errorText } from './errors.ts';

interface Props {
  qa: QaConnection;
  comments: QaComment[];
  slowModeSeconds: number;
  moderator: boolean;
  t: QaT;
  lang: string;
}

export function Comments({ qa, comments, slowModeSeconds, moderator, t, lang }: Props) {
  const [text, setText] = useState('');
  const [note, setNote] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await qa.comment(text);
    if (r.ok) {
      setText('');
      setNote(null);
    } else setNote(errorText(t, r, lang));
  }
  async function act(p: Promise<{ ok: boolean }>) {
    const r = await p;
    if (!r.ok) setNote(errorText(t, r as never, lang));
  }
  return (
    <div className="qa-comments">
      {slowModeSeconds > 0 && <p className="qa-note">{t('qa.slowMode', { count: slowModeSeconds })}</p>}
      <ol className="qa-comment-list" aria-live="polite">
        {comments.length === 0 && <li className="qa-empty">{t('qa.noComments')}</li>}
        {comments.map((c) => (
          <li key={c.id} className="qa-comment" data-comment={c.id}>
            <span className="qa-q-name">
              {c.author.name}
              {c.author.kind === 'moderator' && <span className="qa-badge">{t('qa.moderatorBadge')}</span>}
            </span>{' '}
            {c.deleted ? <em className="qa-deleted">{t('qa.deleted')}</em> : <span>{c.text}</span>}
            {moderator && !c.deleted && (
              <span className="qa-mod-actions">
                <button type="button" onClick={() => void act(qa.removeComment(c.id))}>
                  {t('qa.mod.delete')}
                </button>
                {c.author.kind === 'visitor' && (
                  <button type="button" onClick={() => void act(qa.mute(c.id, 15))}>
                    {t('qa.mod.mute')}
                  </button>
                )}
              </span>
            )}
          </li>
        ))}
      </ol>
      <form className="qa-row" onSubmit={(e) => void submit(e)}>
        <label className="qa-sr" htmlFor="qa-comment-text">
          {t('qa.commentLabel')}
        </label>
        <input id="qa-comment-text" value={text} maxLength={COMMENT_MAX * 2} placeholder={t('qa.commentPlaceholder')} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="qa-primary" disabled={text.trim() === ''}>
          {t('qa.send')}
        </button>
      </form>
      {note && (
        <p className="qa-note" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
