// The cabinet's "Chats" tab: every conversation of the account's stands (public chats and
// private threads) newest first with unread counts, one open at a time to answer and
// moderate. The connections are the cabinet's (net/staffDesk.ts, open on every tab, so
// visitors see "staff online" while the exhibitor works elsewhere); this only shows them.
// New questions can beep and notify (opt-in, ui/cabinet/staffPresence.ts does it).
import { useEffect, useState, useSyncExternalStore } from 'react';
import { type InboxEntry, conversationKey } from '../../../../shared/chat.ts';
import { retryStaffDesk, staffDeskView, subscribeStaffDesk } from '../../net/staffDesk.ts';
import { sortedInbox } from '../../store/chatSlice.ts';
import { useShallow, useStore, useT } from '../../store/index.ts';
import { OutdatedNotice } from '../live/OutdatedNotice.tsx';
import { InboxConversation } from './InboxConversation.tsx';
import { formatChatTime } from './chatFormat.ts';
import { type NotifyPermission, notificationsWanted, notifyPermission, setNotifications } from './notify.ts';
import './chat.css';

function select(key: string | null): void {
  useStore.getState().inboxSelect(key);
}

export function StaffInbox() {
  const t = useT();
  const { chats, phase, error } = useSyncExternalStore(subscribeStaffDesk, staffDeskView);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const entries = useStore(useShallow((s) => sortedInbox(s.inbox)));
  const openKey = useStore((s) => s.inboxOpen);
  const [notify, setNotify] = useState(notificationsWanted);
  const [permission, setPermission] = useState<NotifyPermission>(notifyPermission);

  // Leaving the tab closes the conversation: its questions count as unread again. (Not on
  // StrictMode's rehearsal unmount: a toast may just have opened one.)
  useEffect(
    () => () => {
      if (useStore.getState().cabTab !== 'chats') select(null);
    },
    [],
  );

  if (phase === 'login') return <p className="inbox__state">{t('chat.inbox.loginNeeded')}</p>;
  if (phase === 'error')
    return (
      <div className="inbox__state" role="alert">
        <p>{t('chat.inbox.loadError', { error })}</p>
        <button type="button" className="button" onClick={retryStaffDesk}>
          {t('chat.inbox.retry')}
        </button>
      </div>
    );
  if (phase === 'loading' || !chats) return <p className="inbox__state">{t('chat.loading')}</p>;

  const open = openKey ? entries.find((e) => conversationKey(e.standId, e.thread) === openKey) : undefined;
  const ownStands = new Set(entries.filter((e) => e.own).map((e) => e.standId)).size;

  return (
    <div className="inbox" data-view={open ? 'conversation' : 'list'}>
      <OutdatedNotice />
      <div className="inbox__top">
        {ownStands > 0 && <p className="inbox__online">{t('chat.inbox.online', { count: ownStands })}</p>}
        <label className="inbox__notify">
          <input
            type="checkbox"
            checked={notify}
            onChange={(e) => {
              const on = e.target.checked;
              setNotify(on);
              void setNotifications(on).then(setPermission);
            }}
          />
          {t('chat.inbox.notify')}
        </label>
        {notify && permission === 'denied' && <p className="inbox__hint">{t('chat.inbox.notifyDenied')}</p>}
      </div>
      <div className="inbox__body">
        <nav className="inbox__list" aria-label={t('chat.inbox.list')}>
          {entries.length === 0 ? (
            <p className="inbox__state">{t('chat.inbox.empty')}</p>
          ) : (
            <ul>
              {entries.map((e) => (
                <InboxRow key={conversationKey(e.standId, e.thread)} entry={e} current={openKey === conversationKey(e.standId, e.thread)} />
              ))}
            </ul>
          )}
        </nav>
        <div className="inbox__conv">
          {open ? (
            <InboxConversation
              key={openKey}
              entry={open}
              chats={chats}
              draft={drafts[openKey!] ?? ''}
              setDraft={(text) => setDrafts((d) => ({ ...d, [openKey!]: text }))}
              onBack={() => select(null)}
            />
          ) : (
            <p className="inbox__state">{t('chat.inbox.pick')}</p>
          )}
        </div>
      </div>
    </div>
  );
}

function InboxRow({ entry, current }: { entry: InboxEntry; current: boolean }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const key = conversationKey(entry.standId, entry.thread);
  const last = entry.last;
  const preview = !last ? t('chat.inbox.nothing') : last.deleted ? t('chat.deleted') : `${last.author.name}: ${last.text}`;
  return (
    <li>
      <button type="button" className="inbox-row" aria-current={current || undefined} onClick={() => select(key)}>
        <span className="inbox-row__top">
          <span className="inbox-row__title">{entry.thread ? t('chat.inbox.thread', { name: entry.visitorName ?? '' }) : t('chat.inbox.public')}</span>
          {last && <time className="inbox-row__time">{formatChatTime(last.at, lang)}</time>}
        </span>
        <span className="inbox-row__where">
          {entry.company} · {t('chat.inbox.stand', { stand: entry.booth ?? entry.standId })}
        </span>
        <span className="inbox-row__preview">{preview}</span>
        {entry.unread > 0 && (
          <span className="inbox-row__unread" aria-label={t('chat.inbox.unread', { count: entry.unread })}>
            {entry.unread}
          </span>
        )}
      </button>
    </li>
  );
}
