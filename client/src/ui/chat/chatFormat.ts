// Words and times of the chat: message times in the visitor's language, errors as sentences.
import type { ChatError } from '../../../../shared/chat.ts';
import type { Lang } from '../../../../shared/text.ts';
import type { Translate } from '../../i18n/index.ts';
import { dateFormat } from '../../i18n/locale.ts';

/** "14:05" today, "3 окт., 14:05" on another day. */
export function formatChatTime(at: number, lang: Lang, now = Date.now()): string {
  const d = new Date(at);
  const today = new Date(now).toDateString() === d.toDateString();
  return dateFormat(lang, today ? { hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(d);
}

export function formatUntil(at: number, lang: Lang): string {
  return formatChatTime(at, lang);
}

/** What to tell the person whose action the server refused (or that could not be sent). */
export function chatErrorText(t: Translate, lang: Lang, e: Pick<ChatError, 'error' | 'max' | 'retryInMs' | 'until'> | 'offline'): string {
  if (e === 'offline') return t('chat.error.offline');
  switch (e.error) {
    case 'too-long':
      return t('chat.error.too-long', { max: e.max ?? 0 });
    case 'rate':
      return t('chat.error.rate', { seconds: Math.max(1, Math.ceil((e.retryInMs ?? 1000) / 1000)) });
    case 'muted':
      return t('chat.error.muted', { time: e.until !== undefined ? formatUntil(e.until, lang) : '—' });
    case 'empty':
    case 'forbidden':
    case 'not-found':
    case 'invalid':
      return t(`chat.error.${e.error}`);
  }
}
