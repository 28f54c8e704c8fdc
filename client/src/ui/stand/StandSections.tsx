// Places on the stand page for the exhibitor's media; the stand-interior issue fills them.
import type { MessageKey } from '../../i18n/index.ts';
import { useT } from '../../store/index.ts';

const SECTIONS: { key: MessageKey; icon: string }[] = [
  { key: 'stand.video', icon: '▶' },
  { key: 'stand.gallery', icon: '▦' },
  { key: 'stand.materials', icon: '↓' },
  { key: 'stand.webinars', icon: '◷' },
];

export function StandSections() {
  const t = useT();
  return (
    <div className="stand-sections">
      {SECTIONS.map(({ key, icon }) => (
        <section key={key} className="stand-section" aria-labelledby={`sec-${key}`}>
          <h3 id={`sec-${key}`}>
            <span aria-hidden="true" className="stand-section__icon">
              {icon}
            </span>
            {t(key)}
          </h3>
          <p className="muted">{t('stand.comingSoon')}</p>
        </section>
      ))}
    </div>
  );
}
