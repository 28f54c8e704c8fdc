// The top bar's counter of unread staff answers (after a reload too): a button that lists
// the stands that answered and opens one. Mounting it starts the visitor's chat state.
import { useEffect, useId, useState } from 'react';
import { navigate } from '../../actions/navigation.ts';
import { startVisitorChats } from '../../net/chat.ts';
import { totalUnread } from '../../store/chatSlice.ts';
import { useStore, useT } from '../../store/index.ts';
import { BubbleIcon } from './BubbleIcon.tsx';
import './chat.css';

export function ChatUnread() {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const total = useStore((s) => totalUnread(s.chatUnread));
  const unread = useStore((s) => s.chatUnread);
  const directory = useStore((s) => s.directory);
  const exhibitors = useStore((s) => s.exhibitors);
  const rows = Object.entries(unread)
    .filter(([, n]) => n > 0)
    .map(([standId, n]) => {
      const d = directory.find((e) => e.stand === standId);
      return { standId, n, floorId: d?.floor, name: (d && exhibitors[d.exhibitor]?.name) ?? standId };
    });

  useEffect(() => {
    void startVisitorChats();
  }, []);

  if (total === 0) return null;
  return (
    <div className="chat-unread">
      <button
        type="button"
        className="chat-unread__button"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-label={t('chat.unreadLabel', { count: total })}
        onClick={() => setOpen(!open)}
      >
        <BubbleIcon /> {t('chat.unread', { count: total })}
      </button>
      {open && (
        <div
          id={`${id}-list`}
          className="chat-unread__panel"
          role="region"
          aria-label={t('chat.unreadTitle')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <h2>{t('chat.unreadTitle')}</h2>
          <ul>
            {rows.map((r) => (
              <li key={r.standId}>
                <button
                  type="button"
                  className="chat-unread__row"
                  disabled={!r.floorId}
                  aria-label={t('chat.unreadOpen', { name: r.name })}
                  onClick={() => {
                    setOpen(false);
                    if (r.floorId) navigate({ kind: 'stand', floorId: r.floorId, standId: r.standId });
                  }}
                >
                  <span className="chat-unread__name">{r.name}</span>
                  <span className="chat-unread__count">{t('chat.unreadCount', { count: r.n })}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="button button--small" onClick={() => setOpen(false)}>
            {t('chat.unreadClose')}
          </button>
        </div>
      )}
    </div>
  );
}
