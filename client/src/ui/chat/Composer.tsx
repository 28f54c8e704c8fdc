// Writing a message: a labelled text area (Enter sends, Shift+Enter breaks the line), a
// character counter near the limit, and the server's refusal in words, never a silent drop.
// The same length rule as the server's is checked before sending. One message is sent at a
// time; while it is on its way (or waits for the connection) the field keeps it, marked as sending.
import { type ReactNode, useId, useState } from 'react';
import { CHAT_TEXT_MAX, type ChatPostResult, checkChatText, textLength } from '../../../../shared/chat.ts';
import { useStore, useT } from '../../store/index.ts';
import { chatErrorText } from './chatFormat.ts';

export interface ComposerProps {
  value: string;
  onChange(value: string): void;
  onSend(text: string): Promise<ChatPostResult>;
  placeholder: string;
  disabled?: boolean;
  /** Shown beside the send button (quick replies in the inbox). */
  tools?: ReactNode;
  /** Extra note under the field (who will see the message). */
  hint?: string;
  /** Said while a message is being sent (it waits for the connection). */
  sendingNote?: string;
}

export function Composer({ value, onChange, onSend, placeholder, disabled = false, tools, hint, sendingNote }: ComposerProps) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const id = useId();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const length = textLength(value);
  const over = length > CHAT_TEXT_MAX;

  const send = async () => {
    if (sending || disabled) return;
    const checked = checkChatText(value);
    if (!checked.ok) {
      setError(chatErrorText(t, lang, checked));
      return;
    }
    setSending(true);
    setError(null);
    try {
      const result = await onSend(checked.text);
      if (result.ok) onChange('');
      else setError(chatErrorText(t, lang, result));
    } catch {
      // Not connected, or no answer in time: the text stays in the field to send again.
      setError(chatErrorText(t, lang, 'offline'));
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      className="chat-composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor={`${id}-text`} className="sr-only">
        {t('chat.inputLabel')}
      </label>
      <textarea
        id={`${id}-text`}
        className="chat-composer__text"
        value={value}
        rows={2}
        placeholder={placeholder}
        disabled={disabled}
        // The text on its way stays as it was sent; a success empties the field.
        readOnly={sending}
        aria-busy={sending || undefined}
        aria-describedby={`${id}-hint ${id}-error`}
        aria-invalid={over || undefined}
        onChange={(e) => {
          onChange(e.target.value);
          if (error) setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <div className="chat-composer__bar">
        <span id={`${id}-hint`} className="chat-composer__hint">
          {hint ? `${hint} ` : ''}
          {sending && sendingNote && <span className="chat-composer__pending">{sendingNote} </span>}
          <span className="sr-only">{t('chat.sendHint')}</span>
          {length > CHAT_TEXT_MAX * 0.8 && (
            <span className={`chat-composer__count${over ? ' chat-composer__count--over' : ''}`}>{t('chat.counter', { count: length, max: CHAT_TEXT_MAX })}</span>
          )}
        </span>
        {tools}
        <button type="submit" className="button button--primary chat-composer__send" disabled={disabled || sending || value.trim() === ''}>
          {sending ? t('chat.sending') : t('chat.send')}
        </button>
      </div>
      <p id={`${id}-error`} className="chat-composer__error" role="alert">
        {error}
      </p>
    </form>
  );
}
