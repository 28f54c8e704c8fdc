// New visitor questions as small toasts in a corner of every cabinet tab, so an exhibitor
// editing the stand sees them: who asked, where, the start of the text, and a button that
// opens the conversation. They go by themselves after a while; the Chats tab, which lists
// the questions itself, shows none.
import { useEffect, useState } from 'react';
import { type ChatMessage, conversationKey } from '../../../../shared/chat.ts';
import { onStaffMessages } from '../../net/staffDesk.ts';
import { useStore, useT } from '../../store/index.ts';
import { beingRead, isQuestion, openConversation } from './staffPresence.ts';
import './questionToasts.css';

/** Toasts on screen at once (the oldest goes first). */
const SHOWN_MAX = 3;
const SHOWN_MS = 20_000;

interface Toast {
  /** Message ids count per stand: the stand makes them unique. */
  id: string;
  key: string;
  company: string;
  name: string;
  text: string;
}

function toastOf(m: ChatMessage): Toast {
  const s = useStore.getState();
  const key = conversationKey(m.standId, m.thread);
  return {
    id: `${m.standId}:${m.id}`,
    key,
    company: s.inbox[key]?.company ?? s.chatStands[m.standId]?.company ?? m.standId,
    name: m.author.name,
    text: m.text.length > 140 ? `${m.text.slice(0, 139)}…` : m.text,
  };
}

export function QuestionToasts() {
  const t = useT();
  const [toasts, setToasts] = useState<Toast[]>([]);

  useEffect(
    () =>
      onStaffMessages((messages) => {
        if (useStore.getState().cabTab === 'chats') return;
        const fresh = messages.filter((m) => isQuestion(m) && !beingRead(conversationKey(m.standId, m.thread))).map(toastOf);
        if (fresh.length === 0) return;
        setToasts((list) => [...list.filter((x) => !fresh.some((f) => f.id === x.id)), ...fresh].slice(-SHOWN_MAX));
      }),
    [],
  );

  // Each toast goes after SHOWN_MS; one timer for the oldest is enough.
  const oldest = toasts[0]?.id;
  useEffect(() => {
    if (oldest === undefined) return;
    const timer = setTimeout(() => setToasts((list) => list.slice(1)), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [oldest]);

  // Opening the Chats tab shows the questions there: the toasts have done their job.
  useEffect(
    () =>
      useStore.subscribe((s, before) => {
        if (s.cabTab === 'chats' && before.cabTab !== 'chats') setToasts([]);
      }),
    [],
  );

  const close = (id: string) => setToasts((list) => list.filter((x) => x.id !== id));

  return (
    <div className="q-toasts" role="status" aria-live="polite">
      {toasts.map((x) => (
        <div key={x.id} className="q-toast">
          <p className="q-toast__title">{t('cabinet.toast.question', { company: x.company })}</p>
          <p className="q-toast__text">
            <span className="q-toast__name">{x.name}:</span> {x.text}
          </p>
          <div className="q-toast__actions">
            <button
              type="button"
              className="q-toast__open"
              onClick={() => {
                close(x.id);
                openConversation(x.key);
              }}
            >
              {t('cabinet.toast.open')}
            </button>
            <button type="button" className="q-toast__close" aria-label={t('cabinet.toast.close')} onClick={() => close(x.id)}>
              ×
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
