// Materials by e-mail for a business card. The visitor fills the card once (this browser keeps
// it, editable and removable); from then on one click at any stand sends that stand's
// materials to the card's e-mail and hands the card to the exhibitor as a lead.
import { type FormEvent, useRef, useState } from 'react';
import { BusinessCard } from '../../../../shared/leads.ts';
import { sendCardForMaterials } from '../../net/standApi.ts';
import { useStore, useT } from '../../store/index.ts';
import { ConsentField, TextField } from './Field.tsx';
import { type FieldError, type FieldErrors, type FormField, describeFailure, fieldErrorsFromZod, firstInvalid } from './formErrors.ts';

interface Props {
  exhibitorId: string;
  exhibitorName: string;
  standId?: string;
  preview?: boolean;
}

type CardValues = { name: string; organisation: string; position: string; email: string; phone: string };
const EMPTY: CardValues = { name: '', organisation: '', position: '', email: '', phone: '' };
const ORDER: FormField[] = ['name', 'organisation', 'position', 'email', 'phone', 'consent'];

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; email: string } | { kind: 'failed'; message: FieldError };

export function BusinessCardForm({ exhibitorId, exhibitorName, standId, preview }: Props) {
  const t = useT();
  const card = useStore((s) => s.card);
  const saveCard = useStore((s) => s.saveCard);
  const forgetCard = useStore((s) => s.forgetCard);
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<CardValues>(EMPTY);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [tried, setTried] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const refs = useRef<Partial<Record<FormField, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const editButton = useRef<HTMLButtonElement>(null);
  const done = useRef<HTMLDivElement>(null);
  const idp = `card-${exhibitorId}`;
  const showForm = !card || editing;

  const check = (v: CardValues, c: boolean): FieldErrors => {
    const parsed = BusinessCard.safeParse(v);
    const errs = parsed.success ? {} : fieldErrorsFromZod(parsed.error);
    return c ? errs : { ...errs, consent: { key: 'stand.errConsent' } };
  };
  const set = (field: keyof CardValues) => (value: string) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (tried) setErrors(check(next, consent));
  };

  const send = async (c: BusinessCard) => {
    if (preview) return;
    setStatus({ kind: 'sending' });
    try {
      await sendCardForMaterials(exhibitorId, standId, { card: c, consent: true });
      setStatus({ kind: 'sent', email: c.email });
      // The form (and the button that had focus) is gone: the keyboard goes to the confirmation.
      requestAnimationFrame(() => done.current?.focus());
    } catch (err) {
      setStatus({ kind: 'failed', message: describeFailure(err).message });
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (preview || status.kind === 'sending') return;
    setTried(true);
    const errs = check(values, consent);
    const parsed = BusinessCard.safeParse(values);
    if (!parsed.success || Object.keys(errs).length > 0) {
      setErrors(errs);
      const first = firstInvalid(errs, ORDER);
      if (first) refs.current[first]?.focus();
      return;
    }
    setErrors({});
    saveCard(parsed.data);
    const wasEditing = editing;
    setEditing(false);
    setTried(false);
    // A first card goes out at once (that is what the visitor asked for); an edit only saves.
    if (!wasEditing) await send(parsed.data);
    else requestAnimationFrame(() => editButton.current?.focus());
  };

  const startEdit = () => {
    setValues(card ? { ...EMPTY, ...card } : EMPTY);
    setConsent(true);
    setErrors({});
    setStatus({ kind: 'idle' });
    setEditing(true);
    requestAnimationFrame(() => refs.current.name?.focus());
  };

  const field = (name: keyof CardValues, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={`${idp}-${name}`}
      label={label}
      value={values[name]}
      onChange={set(name)}
      error={errors[name]}
      inputRef={(el) => {
        refs.current[name] = el;
      }}
      {...extra}
    />
  );

  return (
    <div className="card-for-materials" aria-labelledby={`${idp}-title`} role="group">
      <h4 id={`${idp}-title`}>{t('stand.cardTitle')}</h4>
      {status.kind === 'sent' ? (
        <div className="stand-done" role="status" tabIndex={-1} ref={done}>
          <p className="stand-done__title">{t('stand.cardSent', { email: status.email })}</p>
          <p>{t('stand.cardSentText', { name: exhibitorName })}</p>
        </div>
      ) : showForm ? (
        <form className="stand-form" noValidate onSubmit={(e) => void submit(e)}>
          <p className="stand-note">{t(card ? 'stand.cardEditIntro' : 'stand.cardIntro')}</p>
          <fieldset disabled={preview || status.kind === 'sending'}>
            {field('name', t('stand.fieldName'), { required: true, autoComplete: 'name', maxLength: 100 })}
            {field('organisation', t('stand.fieldOrganisation'), { required: true, autoComplete: 'organization', maxLength: 200 })}
            {field('position', t('stand.fieldPosition'), { autoComplete: 'organization-title', maxLength: 120 })}
            {field('email', t('stand.fieldEmail'), { required: true, type: 'email', autoComplete: 'email', inputMode: 'email', maxLength: 200 })}
            {field('phone', t('stand.fieldPhoneOptional'), { type: 'tel', autoComplete: 'tel', inputMode: 'tel', maxLength: 30 })}
            <ConsentField
              id={`${idp}-consent`}
              checked={consent}
              onChange={(c) => {
                setConsent(c);
                if (tried) setErrors(check(values, c));
              }}
              error={errors.consent}
              explanation={t('stand.consentCard')}
              inputRef={(el) => {
                refs.current.consent = el;
              }}
            />
            <div className="stand-form__actions">
              <button type="submit" className="button button--primary">
                {status.kind === 'sending' ? t('stand.sending') : t(card ? 'stand.cardSave' : 'stand.cardGetMaterials')}
              </button>
              {card && (
                <button type="button" className="button" onClick={() => setEditing(false)}>
                  {t('stand.cancel')}
                </button>
              )}
            </div>
          </fieldset>
          {preview && <p className="stand-note">{t('stand.previewForms')}</p>}
        </form>
      ) : (
        <div className="saved-card">
          <dl className="saved-card__data" aria-label={t('stand.cardSaved')}>
            <dt className="sr-only">{t('stand.fieldName')}</dt>
            <dd className="saved-card__name">{card.name}</dd>
            {card.position && (
              <>
                <dt className="sr-only">{t('stand.fieldPosition')}</dt>
                <dd>{card.position}</dd>
              </>
            )}
            <dt className="sr-only">{t('stand.fieldOrganisation')}</dt>
            <dd>{card.organisation}</dd>
            <dt className="sr-only">{t('stand.fieldEmail')}</dt>
            <dd className="saved-card__email">{card.email}</dd>
            {card.phone && (
              <>
                <dt className="sr-only">{t('stand.fieldPhone')}</dt>
                <dd>{card.phone}</dd>
              </>
            )}
          </dl>
          <div className="saved-card__tools">
            <button type="button" className="link-button" ref={editButton} onClick={startEdit}>
              {t('stand.cardEdit')}
            </button>
            <button type="button" className="link-button" onClick={forgetCard}>
              {t('stand.cardForget')}
            </button>
          </div>
          <button type="button" className="button button--primary saved-card__send" disabled={preview || status.kind === 'sending'} onClick={() => void send(card)}>
            {status.kind === 'sending' ? t('stand.sending') : t('stand.cardGetMaterials')}
          </button>
          <p className="stand-note">{t('stand.cardConsentNote', { name: exhibitorName })}</p>
        </div>
      )}
      <p className="stand-form__status" role="alert">
        {status.kind === 'failed' ? t(status.message.key, status.message.params) : ''}
      </p>
    </div>
  );
}
