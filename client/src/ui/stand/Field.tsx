// Form fields of the stand's forms: a visible label, an optional hint, and an error tied to
// the input (aria-invalid + aria-describedby) so screen readers announce what to fix.
import type { InputHTMLAttributes, Ref } from 'react';
import { useT } from '../../store/index.ts';
import type { FieldError } from './formErrors.ts';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: FieldError;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  type?: InputHTMLAttributes<HTMLInputElement>['type'];
  autoComplete?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  placeholder?: string;
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
}

export function TextField({ inputRef, ...p }: TextFieldProps) {
  const t = useT();
  const errorId = `${p.id}-error`;
  const hintId = `${p.id}-hint`;
  const describedBy = [p.hint ? hintId : null, p.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id: p.id,
    name: p.id,
    value: p.value,
    required: p.required,
    placeholder: p.placeholder,
    maxLength: p.maxLength,
    'aria-invalid': p.error ? true : undefined,
    'aria-describedby': describedBy,
    ref: inputRef,
  } as const;
  return (
    <div className={p.error ? 'field field--invalid' : 'field'}>
      <label htmlFor={p.id}>
        {p.label}
        {p.required && (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {p.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => p.onChange(e.target.value)} />
      ) : (
        <input {...common} type={p.type ?? 'text'} autoComplete={p.autoComplete} inputMode={p.inputMode} onChange={(e) => p.onChange(e.target.value)} />
      )}
      {p.hint && (
        <p id={hintId} className="field__hint">
          {p.hint}
        </p>
      )}
      {p.error && (
        <p id={errorId} className="field__error">
          {t(p.error.key, p.error.params)}
        </p>
      )}
    </div>
  );
}

interface ConsentProps {
  id: string;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: FieldError;
  /** Who receives the data and why, shown under "what does this mean?". */
  explanation: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** The 152-FZ consent: a checkbox the form cannot go without, and a plain-words explanation. */
export function ConsentField({ id, checked, onChange, error, explanation, inputRef }: ConsentProps) {
  const t = useT();
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field--check field--invalid' : 'field field--check'}>
      <div className="field__check">
        <input
          id={id}
          name={id}
          type="checkbox"
          ref={inputRef}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <label htmlFor={id}>{t('stand.consentLabel')}</label>
      </div>
      <details className="consent-details">
        <summary>{t('stand.consentWhat')}</summary>
        <p>{explanation}</p>
      </details>
      {error && (
        <p id={errorId} className="field__error">
          {t(error.key, error.params)}
        </p>
      )}
    </div>
  );
}
