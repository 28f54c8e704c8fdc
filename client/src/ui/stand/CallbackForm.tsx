// "Call me back": name, phone, a convenient time and a question, checked in the browser by the
// same schema the server uses, errors next to each field, then a plain confirmation. In the
// cabinet's preview the form is shown as visitors see it, but disabled.
import { type FormEvent, useRef, useState } from 'react';
import { CallbackRequest } from '../../../../shared/leads.ts';
import { sendCallback } from '../../net/standApi.ts';
import { useStore, useT } from '../../store/index.ts';
import { ConsentField, TextField } from './Field.tsx';
import { type FieldError, type FieldErrors, type FormField, describeFailure, fieldErrorsFromZod, firstInvalid } from './formErrors.ts';

interface Props {
  exhibitorId: string;
  exhibitorName: string;
  standId?: string;
  preview?: boolean;
}

const ORDER: FormField[] = ['name', 'phone', 'preferredTime', 'question', 'consent'];

type Status = { kind: 'editing' } | { kind: 'sending' } | { kind: 'sent'; phone: string } | { kind: 'failed'; message: FieldError };

export function CallbackForm({ exhibitorId, exhibitorName, standId, preview }: Props) {
  const t = useT();
  const card = useStore((s) => s.card);
  // Someone who left a business card need not type their name and phone again.
  const [values, setValues] = useState(() => ({ name: card?.name ?? '', phone: card?.phone ?? '', preferredTime: '', question: '' }));
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [tried, setTried] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'editing' });
  const refs = useRef<Partial<Record<FormField, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const idp = `cb-${exhibitorId}`;

  const body = (v = values, c = consent) => ({ ...v, consent: c });
  const check = (v = values, c = consent): FieldErrors => {
    const parsed = CallbackRequest.safeParse(body(v, c));
    return parsed.success ? {} : fieldErrorsFromZod(parsed.error);
  };
  const set = (field: keyof typeof values) => (value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    // After a first attempt, errors clear as soon as the visitor fixes them.
    if (tried) setErrors(check(next));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (preview || status.kind === 'sending') return;
    setTried(true);
    const parsed = CallbackRequest.safeParse(body());
    if (!parsed.success) {
      const errs = fieldErrorsFromZod(parsed.error);
      setErrors(errs);
      const first = firstInvalid(errs, ORDER);
      if (first) refs.current[first]?.focus();
      return;
    }
    setErrors({});
    setStatus({ kind: 'sending' });
    try {
      await sendCallback(exhibitorId, standId, parsed.data);
      setStatus({ kind: 'sent', phone: parsed.data.phone });
    } catch (err) {
      const failure = describeFailure(err);
      setErrors(failure.fields);
      setStatus({ kind: 'failed', message: failure.message });
    }
  };

  const reset = () => {
    setValues((v) => ({ ...v, preferredTime: '', question: '' }));
    setConsent(false);
    setTried(false);
    setStatus({ kind: 'editing' });
  };

  return (
    <section className="stand-block stand-card" aria-labelledby={`${idp}-title`}>
      <h3 id={`${idp}-title`}>{t('stand.callbackTitle')}</h3>
      {status.kind === 'sent' ? (
        <div className="stand-done" role="status">
          <p className="stand-done__title">{t('stand.callbackSent')}</p>
          <p>{t('stand.callbackSentText', { name: exhibitorName, phone: status.phone })}</p>
          <button type="button" className="button" onClick={reset}>
            {t('stand.callbackAnother')}
          </button>
        </div>
      ) : (
        <form className="stand-form" noValidate onSubmit={(e) => void submit(e)} aria-describedby={`${idp}-intro`}>
          <p id={`${idp}-intro`} className="stand-note">
            {t('stand.callbackIntro')}
          </p>
          <fieldset disabled={preview || status.kind === 'sending'}>
            <TextField
              id={`${idp}-name`}
              label={t('stand.fieldName')}
              value={values.name}
              onChange={set('name')}
              error={errors.name}
              required
              autoComplete="name"
              maxLength={100}
              inputRef={(el) => {
                refs.current.name = el;
              }}
            />
            <TextField
              id={`${idp}-phone`}
              label={t('stand.fieldPhone')}
              value={values.phone}
              onChange={set('phone')}
              error={errors.phone}
              required
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              placeholder="+7 999 123-45-67"
              maxLength={30}
              inputRef={(el) => {
                refs.current.phone = el;
              }}
            />
            <TextField
              id={`${idp}-time`}
              label={t('stand.fieldPreferredTime')}
              value={values.preferredTime}
              onChange={set('preferredTime')}
              error={errors.preferredTime}
              placeholder={t('stand.fieldPreferredTimeHint')}
              maxLength={100}
              inputRef={(el) => {
                refs.current.preferredTime = el;
              }}
            />
            <TextField
              id={`${idp}-question`}
              label={t('stand.fieldQuestion')}
              value={values.question}
              onChange={set('question')}
              error={errors.question}
              multiline
              maxLength={2000}
              inputRef={(el) => {
                refs.current.question = el;
              }}
            />
            <ConsentField
              id={`${idp}-consent`}
              checked={consent}
              onChange={(c) => {
                setConsent(c);
                if (tried) setErrors(check(values, c));
              }}
              error={errors.consent}
              explanation={t('stand.consentCallback', { name: exhibitorName })}
              inputRef={(el) => {
                refs.current.consent = el;
              }}
            />
            <div className="stand-form__actions">
              <button type="submit" className="button button--primary">
                {status.kind === 'sending' ? t('stand.sending') : t('stand.callbackSend')}
              </button>
            </div>
          </fieldset>
          {preview && <p className="stand-note">{t('stand.previewForms')}</p>}
          <p className="stand-form__status" role="alert">
            {status.kind === 'failed' ? t(status.message.key, status.message.params) : ''}
          </p>
        </form>
      )}
    </section>
  );
}
