// Content that exists in both product languages. Russian is the default and always present.
import { z } from 'zod';

export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'ru';

export const LocalText = z.object({
  ru: z.string().min(1, 'Russian text is required'),
  en: z.string().min(1, 'English text is required'),
});
export type LocalText = z.infer<typeof LocalText>;

export function pickText(text: LocalText, lang: Lang): string {
  return text[lang];
}
