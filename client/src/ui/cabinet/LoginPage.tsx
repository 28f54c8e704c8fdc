// The cabinet's front door: e-mail and password, with errors in words (wrong pair, too many
// attempts and for how long, no connection). Checked with the shared LoginBody schema first.
import { useRef, useState } from 'react';
import { LoginBody } from '../../../../shared/accounts.ts';
import { CabinetApiError } from '../../net/cabinetApi.ts';
import { useStore, useT } from '../../store/index.ts';
import { signIn } from './cabinetActions.ts';
import { LangSwitch } from '../chrome/LangSwitch.tsx';

type Problem = { field?: 'email' | 'password'; text: string } | null;

export function LoginPage({ reason }: { reason?: 'expired' | 'loggedOut' }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const unreachable = useStore((s) => s.cabAuth.status === 'unreachable');

  const submit = async () => {
    const body = LoginBody.safeParse({ email: email.trim(), password });
    if (!body.success) {
      const field = body.error.issues[0]?.path[0] === 'password' ? 'password' : 'email';
      setProblem({ field, text: t(field === 'email' ? 'cabinet.login.badEmail' : 'cabinet.login.noPassword') });
      (field === 'email' ? emailRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await signIn(body.data);
    } catch (err) {
      setBusy(false);
      setProblem({ text: loginErrorText(err, t) });
      passwordRef.current?.select();
    }
  };

  const errorId = 'cab-login-error';
  return (
    <main className="cab-login" id="cab-main">
      <div className="cab-login__card">
        <div className="cab-login__top">
          <span className="brand__mark" aria-hidden="true">
            {t('app.mark')}
          </span>
          <LangSwitch className="cab-lang" />
        </div>
        <h1 className="cab-login__title">{t('cabinet.login.title')}</h1>
        <p className="cab-muted">{t('cabinet.login.intro')}</p>
        {reason === 'expired' && <p className="cab-notice">{t('cabinet.login.expired')}</p>}
        {reason === 'loggedOut' && <p className="cab-notice cab-notice--ok">{t('cabinet.login.loggedOut')}</p>}
        {unreachable && <p className="cab-notice cab-notice--error">{t('cabinet.error.network')}</p>}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <div className={`cab-field${problem?.field === 'email' ? ' cab-field--invalid' : ''}`}>
            <label className="cab-field__label" htmlFor="cab-login-email">
              {t('cabinet.login.email')}
            </label>
            <input
              ref={emailRef}
              id="cab-login-email"
              type="email"
              inputMode="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={problem?.field === 'email' ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
            />
          </div>
          <div className={`cab-field${problem?.field === 'password' ? ' cab-field--invalid' : ''}`}>
            <label className="cab-field__label" htmlFor="cab-login-password">
              {t('cabinet.login.password')}
            </label>
            <input
              ref={passwordRef}
              id="cab-login-password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={problem?.field === 'password' ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
            />
          </div>
          <p id={errorId} className="cab-login__error" role="alert">
            {problem?.text}
          </p>
          <button type="submit" className="button button--primary cab-login__submit" disabled={busy}>
            {busy ? t('cabinet.login.busy') : t('cabinet.login.submit')}
          </button>
        </form>
        <p className="cab-login__foot">
          <a href="/">{t('cabinet.backToHall')}</a>
        </p>
      </div>
    </main>
  );
}

function loginErrorText(err: unknown, t: ReturnType<typeof useT>): string {
  if (!(err instanceof CabinetApiError)) return t('cabinet.error.unexpected');
  switch (err.status) {
    case 0:
      return t('cabinet.error.network');
    case 400:
    case 401:
      return t('cabinet.login.wrong');
    case 429:
      return t('cabinet.login.tooMany', { count: Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60)) });
    default:
      return t('cabinet.error.server', { status: err.status });
  }
}
