// Language switcher: Russian (default) and English. The hall and the cabinet share it, and
// the remembered preference (prefs slice) with it.
import { LANGS } from '../../../../shared/text.ts';
import { useStore, useT } from '../../store/index.ts';

export function LangSwitch({ className }: { className?: string }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const setLang = useStore((s) => s.setLang);
  return (
    <div className={className ? `lang ${className}` : 'lang'} role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)} className="lang__btn">
          {l === 'ru' ? 'RU' : 'EN'}
          <span className="sr-only"> {t(l === 'ru' ? 'lang.ru' : 'lang.en')}</span>
        </button>
      ))}
    </div>
  );
}
