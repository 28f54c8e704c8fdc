// Language switcher: Russian (default) and English.
import { LANGS } from '../../../../shared/text.ts';
import { setLang } from '../../actions/hallActions.ts';
import { useStore, useT } from '../../store/index.ts';

export function LangSwitch() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  return (
    <div className="lang" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)} className="lang__btn">
          {l === 'ru' ? 'RU' : 'EN'}
          <span className="sr-only"> {t(l === 'ru' ? 'lang.ru' : 'lang.en')}</span>
        </button>
      ))}
    </div>
  );
}
