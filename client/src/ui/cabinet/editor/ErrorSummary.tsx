// After a refused save: every problem in one list, each a link that moves focus to its field.
import { useEffect, useRef } from 'react';
import type { Lang } from '../../../../../shared/text.ts';
import { useStore, useT } from '../../../store/index.ts';
import { issueText } from './Field.tsx';
import { fieldId } from './fieldIssues.ts';
import { fieldLabel } from './fieldLabels.ts';

const focusField = (key: string) => {
  const el = document.getElementById(fieldId(key));
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.focus();
};

/** `showLang`: an English field's problem switches the editor to its English tab first. */
export function ErrorSummary({ showLang }: { showLang?(lang: Lang): void } = {}) {
  const t = useT();
  const status = useStore((s) => s.cabEditor?.status);
  const errors = useStore((s) => s.cabEditor?.errors);
  const heading = useRef<HTMLHeadingElement>(null);
  const show = status?.kind === 'invalid' && errors && Object.keys(errors).length > 0;

  useEffect(() => {
    if (status?.kind === 'invalid') heading.current?.focus();
  }, [status]);

  if (!show) return null;
  return (
    <div className="cab-summary" role="group" aria-labelledby="cab-summary-title">
      <h2 id="cab-summary-title" tabIndex={-1} ref={heading}>
        {t('cabinet.save.fix', { count: Object.keys(errors).length })}
      </h2>
      <ul>
        {Object.entries(errors).map(([key, issue]) => (
          <li key={key}>
            <a
              href={`#${fieldId(key)}`}
              onClick={(e) => {
                if (document.getElementById(fieldId(key))) {
                  e.preventDefault();
                  focusField(key);
                } else if (showLang) {
                  // The field is on the other language's tab: show it, then move there.
                  e.preventDefault();
                  showLang(/\.en\./.test(key) ? 'en' : 'ru');
                  requestAnimationFrame(() => focusField(key));
                }
              }}
            >
              {fieldLabel(key, t)}: {issueText(issue, t)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
