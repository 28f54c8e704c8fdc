// One conversation in the staff inbox: the messages (older on scroll), the reply field with
// quick replies, and moderation (delete a message, mute its visitor for a while). Opening it
// marks it read for the account.
import { useEffect, useId, useState } from 'react';
import { canActFor } from '../../../../shared/accounts.ts';
import { viewUrl } from '../../../../shared/routes.ts';
import { type ChatActionResult, type ChatMessage, type InboxEntry, MUTE_CHOICES, conversationKey } from '../../../../shared/chat.ts';
import type { StaffChats } from '../../net/chat.ts';
import { fetchQuickReplies } from '../../net/chatHttp.ts';
import { useStore, useT } from '../../store/index.ts';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';
import { QuickRepliesEditor, QuickReplyPicker } from './QuickReplies.tsx';
import { chatErrorText, formatUntil } from './chatFormat.ts';

export interface InboxConversationProps {
  entry: InboxEntry;
  chats: StaffChats;
  draft: string;
  setDraft(text: string): void;
  onBack(): void;
}

/** Saved answers per exhibitor, loaded once per inbox. */
const quickCache = new Map<string, string[]>();

export function InboxConversation({ entry, chats, draft, setDraft, onBack }: InboxConversationProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const id = useId();
  const { standId, thread, exhibitorId } = entry;
  const key = conversationKey(standId, thread);
  const info = useStore((s) => s.chatStands[standId]);
  const conv = useStore((s) => s.chatConvs[key]);
  const me = useStore((s) => s.inboxMe);
  const status = info?.status ?? 'connecting';
  const staffMe = info?.me?.kind === 'staff' ? info.me : null;
  const ownsQuick = !!me && canActFor(me, exhibitorId);
  const [quick, setQuick] = useState<string[] | undefined>(() => quickCache.get(exhibitorId));
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const lastId = conv?.messages.at(-1)?.id;

  useEffect(() => {
    chats.connection(standId);
  }, [chats, standId]);

  // The newest page once connected, unless live messages and pages already filled it.
  const loaded = conv?.older !== undefined;
  useEffect(() => {
    if (status !== 'live' || loaded) return;
    chats
      .connection(standId)
      .loadLatest(thread)
      .catch((err: unknown) => console.warn('[chat] history', err));
  }, [status, loaded, chats, standId, thread]);

  // Looking at a conversation reads it (for this account, on every device).
  useEffect(() => {
    if (status !== 'live' || lastId === undefined) return;
    chats.connection(standId).read(thread, lastId);
    useStore.getState().inboxRead(key);
  }, [status, lastId, chats, standId, thread, key]);

  useEffect(() => {
    if (!ownsQuick || quickCache.has(exhibitorId)) return;
    let live = true;
    fetchQuickReplies(exhibitorId)
      .then((r) => {
        quickCache.set(exhibitorId, r.replies);
        if (live) setQuick(r.replies);
      })
      .catch((err: unknown) => console.warn('[chat] quick replies', err));
    return () => {
      live = false;
    };
  }, [ownsQuick, exhibitorId]);

  const report = (result: ChatActionResult, ok: string) => setNote(result.ok ? { ok: true, text: ok } : { ok: false, text: chatErrorText(t, lang, result) });

  const remove = async (m: ChatMessage) => {
    if (!window.confirm(t('chat.inbox.deleteConfirm'))) return;
    try {
      report(await chats.connection(standId).remove(m.id), t('chat.inbox.deletedOk'));
    } catch {
      setNote({ ok: false, text: chatErrorText(t, lang, 'offline') });
    }
  };

  const mute = async (m: ChatMessage, minutes: number) => {
    try {
      const result = await chats.connection(standId).mute(m.id, minutes);
      report(result, t('chat.inbox.muted', { name: m.author.name, time: result.ok && result.until ? formatUntil(result.until, lang) : '' }));
    } catch {
      setNote({ ok: false, text: chatErrorText(t, lang, 'offline') });
    }
  };

  const actions = (m: ChatMessage) =>
    staffMe?.moderates ? (
      <>
        <button type="button" className="chat-action" onClick={() => void remove(m)} aria-label={t('chat.inbox.deleteNamed', { name: m.author.name })}>
          {t('chat.inbox.delete')}
        </button>
        {m.author.kind === 'visitor' && (
          <select
            className="chat-action chat-action--select"
            value=""
            aria-label={t('chat.inbox.muteNamed', { name: m.author.name })}
            onChange={(e) => {
              const minutes = Number(e.target.value);
              if (minutes > 0) void mute(m, minutes);
            }}
          >
            <option value="">{t('chat.inbox.mute')}</option>
            {MUTE_CHOICES.map((min) => (
              <option key={min} value={min}>
                {min < 60 ? t('chat.inbox.minutes', { count: min }) : t('chat.inbox.hours', { count: min / 60 })}
              </option>
            ))}
          </select>
        )}
      </>
    ) : null;

  const title = thread ? t('chat.inbox.thread', { name: entry.visitorName ?? '' }) : t('chat.inbox.public');
  return (
    <section className="inbox-conv" aria-labelledby={`${id}-title`}>
      <header className="inbox-conv__head">
        <button type="button" className="button button--small inbox-conv__back" onClick={onBack}>
          ← {t('chat.inbox.back')}
        </button>
        <div>
          <h3 id={`${id}-title`}>{title}</h3>
          <p className="inbox-conv__where">
            {entry.company} · {t('chat.inbox.stand', { stand: standId })} ·{' '}
            <a href={viewUrl({ kind: 'stand', floorId: entry.floorId, standId })} target="_blank" rel="noopener noreferrer">
              {t('chat.inbox.openStand')}
            </a>
          </p>
        </div>
      </header>
      {status !== 'live' && (
        <p className={`stand-chat__status stand-chat__status--${status}`} role="status">
          {t(`chat.status.${status}`)}
        </p>
      )}
      <MessageList
        key={key}
        messages={conv?.messages ?? []}
        older={conv?.older}
        onLoadOlder={() => chats.connection(standId).loadOlder(thread)}
        isOurs={(m) => m.author.kind === 'staff'}
        isMine={(m) => m.author.kind === 'staff' && m.author.name === staffMe?.name}
        actions={actions}
        empty={t('chat.inbox.nothing')}
        label={title}
      />
      <p className={`inbox-conv__note${note && !note.ok ? ' inbox-conv__note--error' : ''}`} role="status">
        {note?.text}
      </p>
      <Composer
        value={draft}
        onChange={setDraft}
        onSend={(text) => chats.connection(standId).post(text, thread)}
        placeholder={t('chat.placeholderReply')}
        disabled={status !== 'live'}
        hint={thread ? t('chat.privateHint') : t('chat.publicHint')}
        tools={
          ownsQuick ? (
            <QuickReplyPicker replies={quick} onPick={(text) => setDraft(draft.trim() ? `${draft.trimEnd()}\n${text}` : text)} onEdit={() => setEditing(true)} />
          ) : undefined
        }
      />
      {editing && quick && (
        <QuickRepliesEditor
          exhibitorId={exhibitorId}
          company={entry.company}
          replies={quick}
          onSaved={(r) => {
            quickCache.set(exhibitorId, r);
            setQuick(r);
          }}
          onClose={() => setEditing(false)}
        />
      )}
    </section>
  );
}
