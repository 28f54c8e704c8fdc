// The stand's chat on the stand page: the public chat and the visitor's private thread with
// the stand's staff, who of the staff is online, history (scroll up for older) and writing.
// The connection outlives the page while the visitor takes part, so answers reach the hall.
// While the chat connects the visitor can already write: the question goes once it is live.
import { useEffect, useId, useState } from 'react';
import { type ChatMessage, conversationKey } from '../../../../shared/chat.ts';
import { activeStaff, staffState } from '../../../../shared/staffPresence.ts';
import { ChatOffline, openVisitorChat, visitorChat } from '../../net/chat.ts';
import { useStore, useT } from '../../store/index.ts';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';
import { formatUntil } from './chatFormat.ts';
import './chat.css';

type Tab = 'public' | 'private';

export function StandChat({ exhibitorId, standId }: { exhibitorId: string; standId: string }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const id = useId();
  const [tab, setTab] = useState<Tab>('public');
  const [drafts, setDrafts] = useState<Record<Tab, string>>({ public: '', private: '' });
  const info = useStore((s) => s.chatStands[standId]);
  const companyFallback = useStore((s) => s.exhibitors[exhibitorId]?.name ?? '');
  const me = info?.me?.kind === 'visitor' ? info.me : null;
  const thread = tab === 'private' ? (me?.ref ?? null) : null;
  const conv = useStore((s) => (tab === 'private' && !me ? undefined : s.chatConvs[conversationKey(standId, thread)]));
  // A staff answer in the private thread while the public chat is shown gets a dot on its tab.
  const privateLast = useStore((s) => (me ? s.chatConvs[conversationKey(standId, me.ref)]?.messages.at(-1) : undefined));
  const [seenPrivate, setSeenPrivate] = useState(() => useStore.getState().chatMarks[standId]?.id ?? 0);
  const privateNew = tab === 'public' && privateLast?.author.kind === 'staff' && privateLast.id > seenPrivate;
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => openVisitorChat(standId), [standId]);

  // A mute ends by itself: re-check when it is due.
  const mutedUntil = info?.mutedUntil ?? null;
  useEffect(() => {
    if (mutedUntil === null || mutedUntil <= Date.now()) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(mutedUntil - Date.now() + 500, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [mutedUntil]);
  const muted = mutedUntil !== null && mutedUntil > now;

  const status = info?.status ?? 'connecting';
  const staff = info?.staff ?? [];
  const presence = staffState(staff);
  const company = info?.company || companyFallback;
  const isOurs = (m: ChatMessage) => !!me && m.author.kind === 'visitor' && m.author.ref === me.ref;

  const choose = (k: Tab) => {
    setTab(k);
    setSeenPrivate(privateLast?.id ?? 0);
  };

  const send = async (text: string) => {
    const conn = visitorChat(standId);
    if (!conn) throw new ChatOffline();
    // The private thread is known once welcomed; the connection resolves it then.
    return conn.post(text, tab === 'private' ? { mine: true } : null);
  };
  const connecting = status === 'connecting' || status === 'reconnecting';

  return (
    <section className="stand-chat" aria-labelledby={`${id}-title`}>
      <header className="stand-chat__head">
        <h3 id={`${id}-title`}>{t('chat.title')}</h3>
        <p className={`stand-chat__staff stand-chat__staff--${presence}`} data-staff={presence} aria-live="polite">
          <span className="stand-chat__dot" aria-hidden="true" />
          {presence === 'online' && t('chat.staffOnlineNames', { names: activeStaff(staff).join(', ') })}
          {presence === 'away' && t('chat.staffAway', { names: staff.map((s) => s.name).join(', ') })}
          {presence === 'offline' && t('chat.staffOffline')}
        </p>
        {company && <p className="stand-chat__company">{company}</p>}
      </header>
      <div className="stand-chat__tabs" role="tablist" aria-label={t('chat.tabs')}>
        {(['public', 'private'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`${id}-tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`${id}-panel`}
            className="stand-chat__tab"
            tabIndex={tab === k ? 0 : -1}
            onClick={() => choose(k)}
            onKeyDown={(e) => {
              // The tab pattern: arrows move between the two tabs.
              if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
              e.preventDefault();
              const other: Tab = k === 'public' ? 'private' : 'public';
              choose(other);
              document.getElementById(`${id}-tab-${other}`)?.focus();
            }}
          >
            {k === 'public' ? t('chat.tabPublic') : t('chat.tabPrivate')}
            {k === 'private' && privateNew && (
              <span className="stand-chat__tab-dot">
                <span className="sr-only">{t('chat.newPrivate')}</span>
              </span>
            )}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${tab}`} className="stand-chat__panel">
        <p className="stand-chat__hint">{tab === 'public' ? t('chat.publicHint') : t('chat.privateHint')}</p>
        {status !== 'live' && (
          <p className={`stand-chat__status stand-chat__status--${status}`} role="status">
            {t(`chat.status.${status}`)}
          </p>
        )}
        <MessageList
          key={tab}
          messages={conv?.messages ?? []}
          older={conv?.older}
          onLoadOlder={() => visitorChat(standId)?.loadOlder(thread) ?? Promise.resolve()}
          isOurs={isOurs}
          isMine={isOurs}
          empty={tab === 'public' ? t('chat.empty') : t('chat.emptyPrivate')}
          label={tab === 'public' ? t('chat.tabPublic') : t('chat.tabPrivate')}
        />
        {muted && mutedUntil !== null ? (
          <p className="stand-chat__muted" role="status">
            {t('chat.mutedBanner', { time: formatUntil(mutedUntil, lang) })}
          </p>
        ) : (
          <Composer
            value={drafts[tab]}
            onChange={(v) => setDrafts((d) => ({ ...d, [tab]: v }))}
            onSend={send}
            placeholder={connecting ? t('chat.placeholderConnecting') : t('chat.placeholder')}
            sendingNote={status === 'live' ? undefined : t('chat.sendingWhenLive')}
            disabled={status === 'error'}
          />
        )}
      </div>
    </section>
  );
}
