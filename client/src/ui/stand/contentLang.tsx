// Which language the stand page shows the exhibitor's own texts in: the page's language,
// unless a provider says otherwise (the cabinet previews the English it is writing). Each text
// comes with the lang attribute its element needs, so a Russian fallback on an English page is
// read out as Russian.
import { createContext, type ReactNode, useContext } from 'react';
import { langAttr, localizedField, localizedText, type WithEnglish } from '../../../../shared/localized.ts';
import type { Lang } from '../../../../shared/text.ts';
import { useStore } from '../../store/index.ts';

const ContentLangContext = createContext<Lang | null>(null);

export function ContentLangProvider({ lang, children }: { lang: Lang | undefined; children: ReactNode }) {
  return <ContentLangContext.Provider value={lang ?? null}>{children}</ContentLangContext.Provider>;
}

export interface ShownText {
  text: string;
  /** For the element's lang attribute: undefined when the text is in the page's language. */
  lang: Lang | undefined;
}

export interface ContentTexts {
  /** The language the content is wanted in. */
  lang: Lang;
  field<K extends string>(item: WithEnglish<K>, key: K): ShownText;
  text(ru: string, en: string | undefined): ShownText;
}

export function useContentTexts(): ContentTexts {
  const pageLang = useStore((s) => s.lang);
  const lang = useContext(ContentLangContext) ?? pageLang;
  const shown = (l: { text: string; lang: Lang }): ShownText => ({ text: l.text, lang: langAttr(l, pageLang) });
  return {
    lang,
    field: (item, key) => shown(localizedField(item, key, lang)),
    text: (ru, en) => shown(localizedText(ru, en, lang)),
  };
}
