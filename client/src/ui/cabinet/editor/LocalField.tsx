// The stand editor's content language: "Русский / English" tabs over the form, and text fields
// that edit the Russian text or its optional English beside it. In English the Russian
// original stays in view under the field, so the exhibitor translates without switching back.
import { type ComponentProps, createContext, type KeyboardEvent, type ReactNode, useContext } from 'react';
import type { Lang } from '../../../../../shared/text.ts';
import { useT } from '../../../store/index.ts';
import { TextField } from './Field.tsx';
import './localField.css';

const EditLangContext = createContext<Lang>('ru');

/** The language the editor's text fields are editing now. */
export function useEditLang(): Lang {
  return useContext(EditLangContext);
}

const LANGS: readonly Lang[] = ['ru', 'en'];
export const editLangTabId = (lang: Lang) => `cab-edit-lang-${lang}`;
export const EDIT_LANG_PANEL_ID = 'cab-edit-lang-panel';

/** The tabs plus the panel they control; the panel holds the editor's sections. */
export function EditLangTabs({ lang, onLang, children }: { lang: Lang; onLang(lang: Lang): void; children: ReactNode }) {
  const t = useT();
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const i = LANGS.indexOf(lang);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? LANGS.length - 1 : (i + (e.key === 'ArrowRight' ? 1 : -1) + LANGS.length) % LANGS.length;
    const id = LANGS[next]!;
    onLang(id);
    requestAnimationFrame(() => document.getElementById(editLangTabId(id))?.focus());
  };
  return (
    <>
      <div className="cab-lang-tabs" role="tablist" aria-label={t('cabinet.lang.label')}>
        {LANGS.map((id) => (
          <button
            key={id}
            id={editLangTabId(id)}
            type="button"
            role="tab"
            lang={id}
            className="cab-lang-tab"
            aria-selected={lang === id}
            aria-controls={EDIT_LANG_PANEL_ID}
            tabIndex={lang === id ? 0 : -1}
            onClick={() => onLang(id)}
            onKeyDown={onKey}
          >
            {t(id === 'ru' ? 'cabinet.lang.ru' : 'cabinet.lang.en')}
          </button>
        ))}
      </div>
      <div id={EDIT_LANG_PANEL_ID} role="tabpanel" aria-labelledby={editLangTabId(lang)} className="cab-lang-panel">
        {lang === 'en' && <p className="cab-card__intro cab-lang-intro">{t('cabinet.lang.enIntro')}</p>}
        <EditLangContext.Provider value={lang}>{children}</EditLangContext.Provider>
      </div>
    </>
  );
}

type LocalTextFieldProps = Omit<ComponentProps<typeof TextField>, 'value' | 'onChange' | 'fieldKey'> & {
  /** Field key of the Russian text, e.g. "gallery.2.title"; the English one is `enKey`. */
  fieldKey: string;
  enKey: string;
  value: string;
  valueEn: string;
  onChange(value: string): void;
  onChangeEn(value: string): void;
};

/** A TextField for a translatable text: the Russian one, or in English mode its English. */
export function LocalTextField({ fieldKey, enKey, value, valueEn, onChange, onChangeEn, ...rest }: LocalTextFieldProps) {
  const t = useT();
  const lang = useEditLang();
  if (lang === 'ru') return <TextField {...rest} fieldKey={fieldKey} value={value} onChange={onChange} lang="ru" />;
  // English is never required; the Russian original replaces the Russian hint.
  const original = value.trim() ? (
    <>
      {t('cabinet.lang.original', { text: '' })}
      <span lang="ru" className="cab-lang-original">
        {value.length > 240 ? `${value.slice(0, 240)}…` : value}
      </span>
    </>
  ) : (
    t('cabinet.lang.originalEmpty')
  );
  return <TextField {...rest} fieldKey={enKey} value={valueEn} onChange={onChangeEn} required={false} hint={original} lang="en" tag={<span lang="en">English</span>} />;
}
