// Form problems become one translated message per field, from the shared schemas in the
// browser or from the server's 400 details.
import { describe, expect, it } from 'vitest';
import { BusinessCard, CallbackRequest } from '../../shared/leads.ts';
import { describeFailure, fieldErrorsFromServer, fieldErrorsFromZod, firstInvalid } from '../../client/src/ui/stand/formErrors.ts';

describe('fieldErrorsFromZod', () => {
  it('marks each wrong callback field once', () => {
    const r = CallbackRequest.safeParse({ name: 'А', phone: '12', preferredTime: '', question: '', consent: false });
    expect(r.success).toBe(false);
    const errors = fieldErrorsFromZod(r.error!);
    expect(errors).toEqual({
      name: { key: 'stand.errName' },
      phone: { key: 'stand.errPhone' },
      consent: { key: 'stand.errConsent' },
    });
    expect(firstInvalid(errors, ['name', 'phone', 'consent'])).toBe('name');
  });

  it('says how long a field may be', () => {
    const r = CallbackRequest.safeParse({ name: 'Анна', phone: '+7 999 123-45-67', question: 'x'.repeat(2001), consent: true });
    expect(fieldErrorsFromZod(r.error!)).toEqual({ question: { key: 'stand.errTooLong', params: { max: 2000 } } });
  });

  it('reads business card fields', () => {
    const r = BusinessCard.safeParse({ name: 'Анна Петрова', organisation: '', email: 'not-an-email' });
    expect(fieldErrorsFromZod(r.error!)).toEqual({ organisation: { key: 'stand.errOrganisation' }, email: { key: 'stand.errEmail' } });
  });
});

describe('server failures', () => {
  it('maps 400 details to fields, nested card paths included', () => {
    expect(fieldErrorsFromServer(['card.email: enter an e-mail address', 'consent: required', '(body): odd'])).toEqual({
      fields: { email: { key: 'stand.errEmail' }, consent: { key: 'stand.errConsent' } },
      other: ['(body): odd'],
    });
    expect(describeFailure({ status: 400, details: ['phone: bad'], message: 'the request body is not valid' })).toEqual({
      fields: { phone: { key: 'stand.errPhone' } },
      message: { key: 'stand.errCheckFields' },
    });
  });

  it('words network trouble, rate limits and missing stands', () => {
    expect(describeFailure({ status: 0 }).message.key).toBe('stand.errNetwork');
    expect(describeFailure({ status: 429 }).message.key).toBe('stand.errTooMany');
    expect(describeFailure({ status: 404 }).message.key).toBe('stand.errGone');
    expect(describeFailure({ status: 500, message: 'boom' }).message).toEqual({ key: 'stand.errServer', params: { message: 'boom' } });
  });
});
