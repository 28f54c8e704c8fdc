// Which language an exhibitor's text is shown in. Russian is always there; English is optional
// per field. A visitor reading in English gets the English text where the exhibitor wrote one
// and the Russian text otherwise, and the page marks that fallback with lang="ru" so a screen
// reader switches voice instead of reading Russian with English rules.
import type { Lang } from './text.ts';

export interface Localized {
  text: string;
  /** The language `text` is actually in. */
  lang: Lang;
}

/** The English text when the page is English and there is one (not blank), else the Russian. */
export function localizedText(ru: string, en: string | undefined, lang: Lang): Localized {
  if (lang === 'en' && en !== undefined && en.trim() !== '') return { text: en, lang: 'en' };
  return { text: ru, lang: 'ru' };
}

/** An item with text fields K and their English in `en` (which may hold other fields too). */
export type WithEnglish<K extends string> = { [P in K]?: string } & { en?: { [P in K]?: string } & Record<string, unknown> };

/** One field of an item that carries its English in `item.en`: `field(gallery[0], 'title', 'en')`. */
export function localizedField<K extends string>(item: WithEnglish<K>, key: K, lang: Lang): Localized {
  return localizedText(item[key] ?? '', item.en?.[key], lang);
}

/** The lang attribute a text's element needs: set only when it differs from the page's language. */
export function langAttr(text: Localized, pageLang: Lang): Lang | undefined {
  return text.lang === pageLang ? undefined : text.lang;
}

/** The English object without blank fields, or undefined when nothing is left (what gets stored). */
export function compactEnglish<T extends Record<string, string | undefined>>(en: T | undefined): T | undefined {
  if (!en) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(en)) if (v !== undefined && v.trim() !== '') out[k] = v;
  return Object.keys(out).length > 0 ? (out as T) : undefined;
}

/**
 * The lang attribute of a name shown as it is in both languages: a name in Cyrillic on an
 * English page is Russian to a screen reader; a Latin brand name needs no mark.
 */
export function nameLang(name: string, pageLang: Lang): Lang | undefined {
  return pageLang !== 'ru' && /[А-Яа-яЁё]/.test(name) ? 'ru' : undefined;
}
