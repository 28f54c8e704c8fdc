// One chat message: who wrote it (a staff badge and the company for the stand's people), when,
// and the text, or a note that a moderator removed it. Staff tools come in as `actions`.
import type { ReactNode } from 'react';
import type { ChatMessage } from '../../../../shared/chat.ts';
import { useStore, useT } from '../../store/index.ts';
import { ChatText } from './ChatText.tsx';
import { formatChatTime } from './chatFormat.ts';

export function MessageItem({ m, ours, mine, actions }: { m: ChatMessage; ours: boolean; mine: boolean; actions?: ReactNode }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const a = m.author;
  return (
    <li className={`chat-msg${ours ? ' chat-msg--ours' : ''}${a.kind === 'staff' ? ' chat-msg--staff' : ''}`} data-id={m.id}>
      <div className="chat-msg__head">
        <span className="chat-msg__name">{mine ? t('chat.you') : a.name}</span>
        {a.kind === 'staff' && (
          <>
            <span className={`chat-badge chat-badge--${a.badge}`}>{t(`chat.badge.${a.badge}`)}</span>
            {a.badge === 'staff' && <span className="chat-msg__company">{a.company}</span>}
          </>
        )}
        <time className="chat-msg__time" dateTime={new Date(m.at).toISOString()}>
          {formatChatTime(m.at, lang)}
        </time>
      </div>
      {m.deleted ? (
        <p className="chat-msg__text chat-msg__text--deleted">{t('chat.deleted')}</p>
      ) : (
        <p className="chat-msg__text">
          <ChatText text={m.text} />
        </p>
      )}
      {actions && !m.deleted && <div className="chat-msg__actions">{actions}</div>}
    </li>
  );
}
