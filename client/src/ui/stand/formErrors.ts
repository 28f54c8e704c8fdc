// Turns schema problems (from the shared zod schemas in the browser, or the server's 400
// details "card.email: ...") into one translated message per form field. The schemas speak
// English to developers; visitors read these keys in their language.
import type { z } from 'zod';
import type { MessageKey } from '../../i18n/index.ts';

export const FORM_FIELDS = ['name', 'phone', 'preferredTime', 'question', 'consent', 'organisation', 'position', 'email'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export interface FieldError {
  key: MessageKey;
  params?: Record<string, string | number>;
}
export type FieldErrors = Partial<Record<FormField, FieldError>>;

const INVALID: Record<FormField, MessageKey> = {
  name: 'stand.errName',
  phone: 'stand.errPhone',
  preferredTime: 'stand.errInvalid',
  question: 'stand.errInvalid',
  consent: 'stand.errConsent',
  organisation: 'stand.errOrganisation',
  position: 'stand.errInvalid',
  email: 'stand.errEmail',
};

function fieldOf(path: readonly PropertyKey[] | string[]): FormField | null {
  // Card forms nest fields under "card": the field is the last name on the path.
  const last = [...path].reverse().find((p): p is string => typeof p === 'string');
  return last && (FORM_FIELDS as readonly string[]).includes(last) ? (last as FormField) : null;
}

/** The first problem of each field; problems not tied to a field are dropped (the schema is ours). */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    if (!field || out[field]) continue;
    out[field] =
      issue.code === 'too_big' && typeof issue.maximum === 'number'
        ? { key: 'stand.errTooLong', params: { max: issue.maximum } }
        : { key: INVALID[field] };
  }
  return out;
}

/** Server details ("card.email: enter an e-mail address") by field; lines about no field stay as text. */
export function fieldErrorsFromServer(details: readonly string[]): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const line of details) {
    const colon = line.indexOf(':');
    const field = colon > 0 ? fieldOf(line.slice(0, colon).split('.')) : null;
    if (field) fields[field] ??= { key: INVALID[field] };
    else other.push(line);
  }
  return { fields, other };
}

/** The first field with a problem, in the order the form shows them (focus goes there). */
export function firstInvalid(errors: FieldErrors, order: readonly FormField[]): FormField | undefined {
  return order.find((f) => errors[f]);
}

export interface Failure {
  fields: FieldErrors;
  message: FieldError;
}

/**
 * What to tell the visitor after a failed send. Reads `status` and `details` off the error
 * (StandApiError's shape) without importing the network module, to stay a pure function.
 */
export function describeFailure(err: unknown): Failure {
  const e = (err ?? {}) as { status?: unknown; details?: unknown; message?: unknown };
  const status = typeof e.status === 'number' ? e.status : -1;
  const details = Array.isArray(e.details) ? e.details.filter((d): d is string => typeof d === 'string') : [];
  if (status === 0) return { fields: {}, message: { key: 'stand.errNetwork' } };
  if (status === 429) return { fields: {}, message: { key: 'stand.errTooMany' } };
  if (status === 400 && details.length > 0) {
    const { fields, other } = fieldErrorsFromServer(details);
    if (Object.keys(fields).length > 0) return { fields, message: { key: 'stand.errCheckFields' } };
    return { fields: {}, message: { key: 'stand.errServer', params: { message: other.join('; ') } } };
  }
  if (status === 404) return { fields: {}, message: { key: 'stand.errGone' } };
  const text = typeof e.message === 'string' && e.message ? e.message : String(err);
  return { fields: {}, message: { key: 'stand.errServer', params: { message: text } } };
}
