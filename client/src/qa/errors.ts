// What a refused Q&A request says to the person, in their language (the server's error codes
// are shared/qa.ts QaErrorCode).
import type { QaError } from '../../../shared/qa.ts';
import type { QaT } from '../i18n/qa.ts';

export function errorText(t: QaT, e: QaError, lang: string): string {
  const seconds = Math.max(1, Math.ceil((e.retryInMs ?? 1000) / 1000));
  switch (e.error) {
    case 'rate':
      return t('qa.error.rate', { count: seconds });
    case 'slow':
      return t('qa.error.slow', { count: seconds });
    case 'muted':
      return t('qa.error.muted', { time: new Date(e.until ?? Date.now()).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }) });
    case 'too-long':
      return t('qa.error.too-long', { count: e.max ?? 0 });
    default:
      return t(`qa.error.${e.error}`);
  }
}
