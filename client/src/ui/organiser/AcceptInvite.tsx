// The page an invitation link opens (/organiser/invite#token=...): the new staff chooses a
// password; the token stays in the fragment, so it never reaches a server log.
import { type FormEvent, useState } from 'react';
import { useOrgT } from '../../i18n/organiser.ts';
import { acceptInvitation } from '../../net/organiserApi.ts';
import { messageOf } from './useLoad.ts';

export function AcceptInvite() {
  const t = useOrgT();
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get('password'));
    acceptInvitation(token, password).then(
      (r) => setDone(r.email),
      (err: unknown) => setError(messageOf(err)),
    );
  };
  if (!token) return <p className="org-card" role="alert">{t('acceptNoToken')}</p>;
  if (done)
    return (
      <div className="org-card" role="status">
        <p>{t('acceptDone', { email: done })}</p>
        <a className="org-button org-button--primary" href="/cabinet">
          {t('toCabinet')}
        </a>
      </div>
    );
  return (
    <form className="org-card org-login" onSubmit={submit}>
      <h2>{t('acceptTitle')}</h2>
      <p>{t('acceptIntro')}</p>
      <label>
        {t('password')}
        <input name="password" type="password" autoComplete="new-password" minLength={10} required />
      </label>
      {error && <p role="alert" className="org-error">{error}</p>}
      <button type="submit" className="org-button org-button--primary">
        {t('acceptButton')}
      </button>
    </form>
  );
}
