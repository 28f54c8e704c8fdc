// The scrolling log of a conversation. Stays at the newest message while the reader is at the
// bottom (otherwise offers "new messages"), loads older pages when scrolled to the top (or by
// the button, for keyboards), and keeps the reading position when older messages arrive.
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../../../../shared/chat.ts';
import { useT } from '../../store/index.ts';
import { MessageItem } from './MessageItem.tsx';

export interface MessageListProps {
  messages: ChatMessage[];
  /** Older messages exist; undefined while the first page is loading. */
  older: boolean | undefined;
  onLoadOlder(): Promise<void>;
  /** Our side of the conversation (the visitor's own, or the stand's for staff). */
  isOurs(m: ChatMessage): boolean;
  isMine(m: ChatMessage): boolean;
  actions?(m: ChatMessage): ReactNode;
  empty: string;
  label: string;
}

const NEAR_BOTTOM = 40;

export function MessageList({ messages, older, onLoadOlder, isOurs, isMine, actions, empty, label }: MessageListProps) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const [newBelow, setNewBelow] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const firstId = messages[0]?.id;
  const lastId = messages.at(-1)?.id;
  const lastOurs = messages.length > 0 && isOurs(messages.at(-1)!);
  const prevFirst = useRef(firstId);
  const prevHeight = useRef(0);

  const toBottom = useCallback(() => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setNewBelow(false);
  }, []);

  // Older messages were put on top: keep what the reader was looking at in place.
  useLayoutEffect(() => {
    const el = box.current;
    if (el && prevFirst.current !== undefined && firstId !== undefined && firstId < prevFirst.current) {
      el.scrollTop += el.scrollHeight - prevHeight.current;
    }
    prevFirst.current = firstId;
    if (el) prevHeight.current = el.scrollHeight;
  }, [firstId]);

  // A new message at the end: follow it if the reader was at the bottom or wrote it.
  useLayoutEffect(() => {
    if (lastId === undefined) return;
    if (atBottom.current || lastOurs) toBottom();
    else setNewBelow(true);
    if (box.current) prevHeight.current = box.current.scrollHeight;
  }, [lastId, lastOurs, toBottom]);

  const loadOlder = useCallback(async () => {
    if (loadingOlder || !older) return;
    setLoadingOlder(true);
    try {
      if (box.current) prevHeight.current = box.current.scrollHeight;
      await onLoadOlder();
    } catch (err) {
      console.warn('[chat] older messages', err);
    } finally {
      setLoadingOlder(false);
    }
  }, [loadingOlder, older, onLoadOlder]);

  useEffect(() => {
    // A short conversation never scrolls: load older pages until it does (or there are none).
    const el = box.current;
    if (el && older && !loadingOlder && el.scrollHeight <= el.clientHeight) void loadOlder();
  }, [older, loadingOlder, loadOlder, messages.length]);

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM;
    if (atBottom.current) setNewBelow(false);
    if (el.scrollTop < NEAR_BOTTOM) void loadOlder();
  };

  return (
    <div className="chat-log-wrap">
      <div className="chat-log" ref={box} onScroll={onScroll}>
        {older && (
          <button type="button" className="button button--small chat-log__older" onClick={() => void loadOlder()} disabled={loadingOlder}>
            {loadingOlder ? t('chat.loading') : t('chat.loadOlder')}
          </button>
        )}
        {older === undefined && messages.length === 0 ? (
          <p className="chat-log__note">{t('chat.loading')}</p>
        ) : messages.length === 0 ? (
          <p className="chat-log__note">{empty}</p>
        ) : null}
        {/* Busy while a page loads, so screen readers announce new messages, not history. */}
        <ol className="chat-log__list" role="log" aria-label={label} aria-live="polite" aria-busy={loadingOlder || older === undefined}>
          {messages.map((m) => (
            <MessageItem key={m.id} m={m} ours={isOurs(m)} mine={isMine(m)} actions={actions?.(m)} />
          ))}
        </ol>
      </div>
      {newBelow && (
        <button type="button" className="button button--small chat-log__new" onClick={toBottom}>
          {t('chat.newBelow')}
        </button>
      )}
    </div>
  );
}
