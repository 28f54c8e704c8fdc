// Changing the password in a modal <dialog>: current, new, new again. The server logs out every
// other session of the account; this browser stays in.
import { useEffect, useRef, useState } from 'react';
import { PASSWORD_MIN } from '../../../../shared/accounts.ts';
import { CabinetApiError } from '../../net/cabinetApi.ts';
import { useStore, useT } from '../../store/index.ts';
import { changePassword } from './cabinetActions.ts';

type Field = 'current' | 'next' | 'repeat';

export function PasswordDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="cab-dialog"
      aria-labelledby="cab-pw-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && <PasswordForm onClose={onClose} />}
    </dialog>
  );
}

function PasswordForm({ onClose }: { onClose(): void }) {
  const t = useT();
  const [values, setValues] = useState<Record<Field, string>>({ current: '', next: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async () => {
    const found: Partial<Record<Field, string>> = {};
    if (!values.current) found.current = t('cabinet.password.needCurrent');
    if (values.next.length < PASSWORD_MIN) found.next = t('cabinet.password.tooShort', { count: PASSWORD_MIN });
    else if (values.next === values.current) found.next = t('cabinet.password.same');
    if (values.repeat !== values.next) found.repeat = t('cabinet.password.mismatch');
    setErrors(found);
    setGeneral('');
    const first = (['current', 'next', 'repeat'] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(`cab-pw-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await changePassword({ current: values.current, next: values.next });
      setDone(true);
      useStore.getState().announce(t('cabinet.password.done'));
    } catch (err) {
      if (err instanceof CabinetApiError && err.status === 400 && err.details.some((d) => d.startsWith('current'))) {
        setErrors({ current: t('cabinet.password.wrongCurrent') });
        document.getElementById('cab-pw-current')?.focus();
      } else if (err instanceof CabinetApiError && err.status === 429) {
        setGeneral(t('cabinet.login.tooMany', { count: Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60)) }));
      } else if (err instanceof CabinetApiError && err.status === 0) {
        setGeneral(t('cabinet.error.network'));
      } else {
        setGeneral(err instanceof CabinetApiError ? [err.message, ...err.details].join('; ') : t('cabinet.error.unexpected'));
      }
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="cab-dialog__body">
        <h2 id="cab-pw-title">{t('cabinet.password.title')}</h2>
        <p role="status">{t('cabinet.password.done')}</p>
        <div className="cab-dialog__actions">
          <button type="button" className="button button--primary" autoFocus onClick={onClose}>
            {t('cabinet.close')}
          </button>
        </div>
      </div>
    );
  }

  const field = (name: Field, label: string, autoComplete: string, hint?: string) => (
    <div className={`cab-field${errors[name] ? ' cab-field--invalid' : ''}`}>
      <label className="cab-field__label" htmlFor={`cab-pw-${name}`}>
        {label}
      </label>
      {hint && (
        <p className="cab-field__hint" id={`cab-pw-${name}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={`cab-pw-${name}`}
        type="password"
        autoComplete={autoComplete}
        value={values[name]}
        autoFocus={name === 'current'}
        onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={[hint && `cab-pw-${name}-hint`, errors[name] && `cab-pw-${name}-error`].filter(Boolean).join(' ') || undefined}
      />
      {errors[name] && (
        <p className="cab-field__error" id={`cab-pw-${name}-error`}>
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <form
      className="cab-dialog__body"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="cab-pw-title">{t('cabinet.password.title')}</h2>
      <p className="cab-muted">{t('cabinet.password.intro')}</p>
      {field('current', t('cabinet.password.current'), 'current-password')}
      {field('next', t('cabinet.password.next'), 'new-password', t('cabinet.password.rule', { count: PASSWORD_MIN }))}
      {field('repeat', t('cabinet.password.repeat'), 'new-password')}
      <p className="cab-login__error" role="alert">
        {general}
      </p>
      <div className="cab-dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('cabinet.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('cabinet.password.submit')}
        </button>
      </div>
    </form>
  );
}
