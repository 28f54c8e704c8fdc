// A labelled form field of the stand editor with its hint and its error, wired to the draft's
// validation: the error shows once the field was left or a save was tried, and is announced
// through aria-describedby / aria-invalid.
import type { HTMLInputTypeAttribute, ReactNode } from 'react';
import type { MessageKey, Translate } from '../../../i18n/index.ts';
import { useStore, useT } from '../../../store/index.ts';
import { touchField } from '../cabinetActions.ts';
import { type FieldIssue, fieldId } from './fieldIssues.ts';

export function issueText(issue: FieldIssue, t: Translate): string {
  switch (issue.kind) {
    case 'required':
      return t('cabinet.err.required');
    case 'tooShort':
      return t('cabinet.err.tooShort', { count: issue.min });
    case 'tooLong':
      return t('cabinet.err.tooLong', { count: issue.max });
    case 'min':
      return t('cabinet.err.min', { min: issue.min });
    case 'max':
      return t('cabinet.err.max', { max: issue.max });
    case 'number':
      return t('cabinet.err.number');
    case 'email':
      return t('cabinet.err.email');
    case 'url':
      return t('cabinet.err.url');
    case 'colour':
      return t('cabinet.err.colour');
    case 'file':
      return t('cabinet.err.file');
    case 'datetime':
      return t('cabinet.err.datetime');
    case 'tooMany':
      return t('cabinet.err.tooMany', { count: issue.max });
    case 'other':
      return issue.message;
  }
}

/** The field's problem if it should be shown now. */
export function useFieldIssue(key: string): FieldIssue | undefined {
  return useStore((s) => {
    const ed = s.cabEditor;
    if (!ed) return undefined;
    return ed.submitted || ed.touched[key] ? ed.errors[key] : undefined;
  });
}

export function FieldError({ fieldKey, issue }: { fieldKey: string; issue: FieldIssue | undefined }) {
  const t = useT();
  if (!issue) return null;
  return (
    <p id={`${fieldId(fieldKey)}-error`} className="cab-field__error">
      {issueText(issue, t)}
    </p>
  );
}

export function describedBy(fieldKey: string, opts: { hint?: boolean; issue?: boolean; extra?: string }): string | undefined {
  const id = fieldId(fieldKey);
  const ids = [opts.hint && `${id}-hint`, opts.issue && `${id}-error`, opts.extra].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

interface TextFieldProps {
  fieldKey: string;
  label: MessageKey;
  value: string;
  onChange(value: string): void;
  type?: HTMLInputTypeAttribute;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  hint?: ReactNode;
  readOnly?: boolean;
  required?: boolean;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email' | 'url';
  autoComplete?: string;
  className?: string;
  /** Extra content after the input (a unit, a button). */
  after?: ReactNode;
  /** The language typed into it (spell checking, screen readers). */
  lang?: string;
  /** A tag after the label that is part of its name ("English" on the English tab). */
  tag?: ReactNode;
}

export function TextField(props: TextFieldProps) {
  const t = useT();
  const { fieldKey, value, multiline, maxLength, readOnly } = props;
  const issue = useFieldIssue(fieldKey);
  const id = fieldId(fieldKey);
  // A field this account cannot change is not one it must fill: no asterisk, a read-only look,
  // and the hint says who changes it.
  const required = props.required && !readOnly;
  const common = {
    id,
    value,
    readOnly,
    required,
    placeholder: props.placeholder,
    maxLength,
    lang: props.lang,
    'aria-invalid': issue ? true : undefined,
    'aria-describedby': describedBy(fieldKey, { hint: !!props.hint, issue: !!issue, extra: multiline && maxLength ? `${id}-count` : undefined }),
    onBlur: () => touchField(fieldKey),
  };
  return (
    <div className={`cab-field${issue ? ' cab-field--invalid' : ''}${readOnly ? ' cab-field--readonly' : ''}${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={id} className="cab-field__label">
        {t(props.label)}
        {props.tag && (
          <>
            {' '}
            <span className="cab-field__tag">{props.tag}</span>
          </>
        )}
        {/* Seen, not read out: the input itself is announced as read-only. */}
        {readOnly && (
          <span className="cab-field__tag" aria-hidden="true">
            {t('cabinet.field.readOnly')}
          </span>
        )}
        {required && (
          <span className="cab-field__required" aria-hidden="true">
            {' '}*
          </span>
        )}
      </label>
      {props.hint && (
        <p id={`${id}-hint`} className="cab-field__hint">
          {props.hint}
        </p>
      )}
      <div className="cab-field__row">
        {multiline ? (
          <textarea {...common} rows={props.rows ?? 4} onChange={(e) => props.onChange(e.target.value)} />
        ) : (
          <input
            {...common}
            type={props.type ?? 'text'}
            inputMode={props.inputMode}
            autoComplete={props.autoComplete ?? 'off'}
            onChange={(e) => props.onChange(e.target.value)}
          />
        )}
        {props.after}
      </div>
      {multiline && maxLength && (
        <p id={`${id}-count`} className="cab-field__count">
          {t('cabinet.field.count', { count: value.length, max: maxLength })}
        </p>
      )}
      <FieldError fieldKey={fieldKey} issue={issue} />
    </div>
  );
}
