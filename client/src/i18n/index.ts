// Translation: t(key, params). Strings with plural forms separate them with "|":
// Russian one|few|many, English one|other, chosen by Intl.PluralRules from params.count.
import type { Lang } from '../../../shared/text.ts';
import { en } from './en.ts';
import { type MessageKey, ru } from './ru.ts';

export type { MessageKey };

const DICTS: Record<Lang, Record<MessageKey, string>> = { ru, en };
const FORM_INDEX: Record<Lang, Partial<Record<Intl.LDMLPluralRule, number>>> = {
  ru: { one: 0, few: 1, many: 2, other: 1 },
  en: { one: 0, other: 1 },
};
const rules: Record<Lang, Intl.PluralRules> = { ru: new Intl.PluralRules('ru'), en: new Intl.PluralRules('en') };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  let text = DICTS[lang][key];
  if (text.includes('|')) {
    const forms = text.split('|');
    const count = typeof params?.count === 'number' ? params.count : 0;
    text = forms[FORM_INDEX[lang][rules[lang].select(count)] ?? forms.length - 1] ?? forms[0]!;
  }
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
}

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}
