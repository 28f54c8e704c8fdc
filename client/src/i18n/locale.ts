// The one place that turns the page's language into an Intl locale. Dates, times and numbers
// are formatted with it, never with the browser's own locale (undefined), so an English page
// on a Russian computer reads "10 Apr" and "1,234", and a Russian page "10 апр." and "1 234".
import type { Lang } from '../../../shared/text.ts';

/** British English: day before month and a 24-hour clock, as Russian readers expect too. */
export const LOCALES: Record<Lang, string> = { ru: 'ru-RU', en: 'en-GB' };

export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached Intl.DateTimeFormat for the page language (building one costs more than using it). */
export function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], options);
    dateFormats.set(key, f);
  }
  return f;
}

/** A cached Intl.NumberFormat for the page language. */
export function numberFormat(lang: Lang, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], options);
    numberFormats.set(key, f);
  }
  return f;
}
