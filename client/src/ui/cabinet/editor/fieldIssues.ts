// Schema problems as the form shows them: zod issues become language-neutral field issues
// keyed by a dotted path ("exhibitor.contacts.site", "gallery.2.price"), translated in the UI.
import type { z } from 'zod';

export type FieldIssue =
  | { kind: 'required' }
  | { kind: 'tooShort'; min: number }
  | { kind: 'tooLong'; max: number }
  | { kind: 'min'; min: number }
  | { kind: 'max'; max: number }
  | { kind: 'number' }
  | { kind: 'email' }
  | { kind: 'url' }
  | { kind: 'colour' }
  | { kind: 'file' }
  | { kind: 'datetime' }
  | { kind: 'tooMany'; max: number }
  | { kind: 'other'; message: string };

export type FieldErrors = Record<string, FieldIssue>;

type Issue = z.ZodError['issues'][number];

/** Fields whose value is a media path: a bad path means "no file uploaded yet". */
const FILE_FIELD = /(^|\.)(logo|src|image|file|poster)$/;

function toFieldIssue(key: string, issue: Issue): FieldIssue {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { kind: 'required' } : { kind: 'tooShort', min: Number(issue.minimum) };
      if (issue.origin === 'number') return { kind: 'min', min: Number(issue.minimum) };
      return { kind: 'other', message: issue.message };
    case 'too_big':
      if (issue.origin === 'string') return { kind: 'tooLong', max: Number(issue.maximum) };
      if (issue.origin === 'number') return { kind: 'max', max: Number(issue.maximum) };
      if (issue.origin === 'array') return { kind: 'tooMany', max: Number(issue.maximum) };
      return { kind: 'other', message: issue.message };
    case 'invalid_format':
      if (issue.format === 'email') return { kind: 'email' };
      if (issue.format === 'url') return { kind: 'url' };
      if (issue.format === 'datetime') return { kind: 'datetime' };
      if (FILE_FIELD.test(key)) return { kind: 'file' };
      if (key.endsWith('colour')) return { kind: 'colour' };
      return { kind: 'other', message: issue.message };
    case 'invalid_type':
      if (issue.expected === 'number') return { kind: 'number' };
      return { kind: 'required' };
    default:
      // Refinements and the like carry a readable message from the schema.
      return FILE_FIELD.test(key) ? { kind: 'file' } : { kind: 'other', message: issue.message };
  }
}

/** The first problem of every field; `prefix` names the schema the issues came from. */
export function issuesToErrors(prefix: string, issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    errors[key] ??= toFieldIssue(key, issue);
  }
  return errors;
}

/** The DOM id of the input for a field key (also the target of the error summary's links). */
export function fieldId(key: string): string {
  return `cab-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}
