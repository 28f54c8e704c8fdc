// Visitor preferences remembered in the browser.
import type { StateCreator } from 'zustand';
import { DEFAULT_LANG, LANGS, type Lang } from '../../../shared/text.ts';
import type { AppState } from './index.ts';

const LANG_KEY = 'expo.lang';

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return LANGS.find((l) => l === v) ?? DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

export interface PrefsSlice {
  lang: Lang;
  setLang(lang: Lang): void;
}

export const createPrefsSlice: StateCreator<AppState, [], [], PrefsSlice> = (set) => ({
  lang: storedLang(),
  setLang: (lang) => {
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    document.documentElement.lang = lang;
    set({ lang });
  },
});
