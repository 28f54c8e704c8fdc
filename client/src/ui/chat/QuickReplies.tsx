// Saved answers for common questions: a picker beside the reply field that inserts one, and
// an editor (a modal dialog) to add, change and remove them for one exhibitor.
import { useEffect, useId, useRef, useState } from 'react';
import { CHAT_TEXT_MAX, QUICK_REPLIES_MAX } from '../../../../shared/chat.ts';
import { ChatHttpError, saveQuickReplies } from '../../net/chatHttp.ts';
import { useT } from '../../store/index.ts';

export function QuickReplyPicker({ replies, onPick, onEdit }: { replies: string[] | undefined; onPick(text: string): void; onEdit(): void }) {
  const t = useT();
  const id = useId();
  return (
    <span className="chat-quick">
      <label htmlFor={id} className="sr-only">
        {t('chat.inbox.quick')}
      </label>
      <select
        id={id}
        className="chat-quick__select"
        value=""
        disabled={!replies}
        onChange={(e) => {
          const text = replies?.[Number(e.target.value)];
          if (text !== undefined) onPick(text);
        }}
      >
        <option value="">{t('chat.inbox.quick')}</option>
        {replies?.length === 0 && (
          <option value="" disabled>
            {t('chat.inbox.quickNone')}
          </option>
        )}
        {replies?.map((r, i) => (
          <option key={i} value={i}>
            {r.length > 60 ? `${r.slice(0, 59)}…` : r}
          </option>
        ))}
      </select>
      <button type="button" className="button button--small chat-quick__edit" onClick={onEdit} aria-label={t('chat.inbox.quickEdit')} title={t('chat.inbox.quickEdit')} disabled={!replies}>
        ✎
      </button>
    </span>
  );
}

export function QuickRepliesEditor({
  exhibitorId,
  company,
  replies,
  onSaved,
  onClose,
}: {
  exhibitorId: string;
  company: string;
  replies: string[];
  onSaved(replies: string[]): void;
  onClose(): void;
}) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [list, setList] = useState(() => (replies.length > 0 ? replies : ['']));
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string; details?: string[] } | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const save = async () => {
    setSaving(true);
    setNote(null);
    try {
      const saved = await saveQuickReplies(
        exhibitorId,
        list.filter((r) => r.trim() !== ''),
      );
      onSaved(saved.replies);
      setList(saved.replies.length > 0 ? saved.replies : ['']);
      setNote({ ok: true, text: t('chat.inbox.quickSaved') });
    } catch (err) {
      setNote({ ok: false, text: err instanceof Error ? err.message : String(err), details: err instanceof ChatHttpError ? err.details : [] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="chat-quick-editor"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id={`${id}-title`}>{t('chat.inbox.quickFor', { company })}</h2>
        <ol className="chat-quick-editor__list">
          {list.map((text, i) => (
            <li key={i}>
              <label htmlFor={`${id}-${i}`}>{t('chat.inbox.quickItem', { n: i + 1 })}</label>
              <div className="chat-quick-editor__row">
                <textarea
                  id={`${id}-${i}`}
                  rows={2}
                  value={text}
                  maxLength={CHAT_TEXT_MAX}
                  onChange={(e) => setList((l) => l.map((x, j) => (j === i ? e.target.value : x)))}
                />
                <button type="button" className="button button--small" onClick={() => setList((l) => l.filter((_, j) => j !== i))}>
                  {t('chat.inbox.quickRemove')}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button type="button" className="button button--small" onClick={() => setList((l) => [...l, ''])} disabled={list.length >= QUICK_REPLIES_MAX}>
          {t('chat.inbox.quickAdd')}
        </button>
        <p className={`chat-quick-editor__note${note && !note.ok ? ' chat-quick-editor__note--error' : ''}`} role="status">
          {note?.text}
          {note?.details?.map((d) => (
            <span key={d} className="chat-quick-editor__detail">
              {d}
            </span>
          ))}
        </p>
        <div className="chat-quick-editor__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('chat.inbox.quickCancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('chat.inbox.quickSaving') : t('chat.inbox.quickSave')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
