// Accounts and invitations: invite by e-mail (one or a CSV list), resend or revoke a pending
// invitation, change an account's role, stands and staff-admin flag, deactivate an account.
import { type FormEvent, useState } from 'react';
import { Role } from '../../../../shared/accounts.ts';
import type { AccountView } from '../../../../shared/organiser.ts';
import { useOrgT } from '../../i18n/organiser.ts';
import { changeAccess, deactivateAccount, fetchAccounts, fetchInvitations, invite, inviteCsv, resendInvitation, revokeInvitation } from '../../net/organiserApi.ts';
import { useStore } from '../../store/index.ts';
import { dateTimeText } from '../cabinet/format.ts';
import { messageOf, useLoad } from './useLoad.ts';

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function AccountRow({ a, onChange, onNote }: { a: AccountView; onChange: () => void; onNote: (s: string) => void }) {
  const t = useOrgT();
  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    changeAccess(a.id, { role: Role.parse(f.get('role')), exhibitors: list(String(f.get('exhibitors'))), staffAdmin: f.get('staffAdmin') === 'on' }).then(onChange, (err: unknown) => onNote(messageOf(err)));
  };
  const off = () => {
    if (!window.confirm(t('confirmDeactivate', { email: a.email }))) return;
    deactivateAccount(a.id).then(onChange, (err: unknown) => onNote(messageOf(err)));
  };
  return (
    <tr>
      <th scope="row">
        {a.name}
        <div className="org-muted">{a.email}</div>
      </th>
      <td colSpan={3}>
        <form className="org-inline" onSubmit={save} aria-label={a.email}>
          <select name="role" defaultValue={a.role} aria-label={t('role')}>
            {Role.options.map((r) => (
              <option key={r} value={r}>
                {t(`role_${r}`)}
              </option>
            ))}
          </select>
          <input name="exhibitors" defaultValue={a.exhibitors.join(', ')} aria-label={t('exhibitorsField')} />
          <label>
            <input type="checkbox" name="staffAdmin" defaultChecked={a.staffAdmin} /> {t('staffAdmin')}
          </label>
          <button type="submit" className="org-button">
            {t('save')}
          </button>
        </form>
      </td>
      <td>
        {a.deactivatedAt ? (
          t('deactivated')
        ) : (
          <button type="button" className="org-button org-button--danger" onClick={off}>
            {t('deactivate')}
          </button>
        )}
      </td>
    </tr>
  );
}

export function AccountsTab() {
  const t = useOrgT();
  const lang = useStore((s) => s.lang);
  const accounts = useLoad(fetchAccounts);
  const invitations = useLoad(fetchInvitations);
  const [note, setNote] = useState<string | null>(null);
  const [bulk, setBulk] = useState<string | null>(null);
  const reload = () => {
    accounts.reload();
    invitations.reload();
  };

  const send = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    invite({
      email: String(f.get('email')),
      name: String(f.get('name')),
      role: Role.parse(f.get('role')),
      exhibitors: list(String(f.get('exhibitors'))),
      staffAdmin: f.get('staffAdmin') === 'on',
    }).then(
      (r) => {
        setNote(t('invited', { status: r.mail.status }));
        form.reset();
        reload();
      },
      (err: unknown) => setNote(messageOf(err)),
    );
  };
  const sendCsv = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    inviteCsv(String(new FormData(e.currentTarget).get('csv'))).then(
      (rows) => {
        setBulk(rows.map((r) => `${r.line}: ${r.email} — ${r.message}`).join('\n'));
        reload();
      },
      (err: unknown) => setBulk(messageOf(err)),
    );
  };
  const act = (p: Promise<unknown>) => p.then(reload, (err: unknown) => setNote(messageOf(err)));

  return (
    <section className="org-section" aria-labelledby="org-accounts">
      <h2 id="org-accounts">{t('tabAccounts')}</h2>
      <div className="org-grid">
        <form className="org-card org-form" onSubmit={send}>
          <h3>{t('inviteTitle')}</h3>
          <label>
            {t('email')} <input name="email" type="email" required />
          </label>
          <label>
            {t('name')} <input name="name" required />
          </label>
          <label>
            {t('role')}{' '}
            <select name="role" defaultValue="exhibitor">
              {Role.options.map((r) => (
                <option key={r} value={r}>
                  {t(`role_${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('exhibitorsField')} <input name="exhibitors" />
          </label>
          <label className="org-check">
            <input type="checkbox" name="staffAdmin" /> {t('staffAdmin')}
          </label>
          <button type="submit" className="org-button org-button--primary">
            {t('invite')}
          </button>
          {note && (
            <p role="status" className="org-note">
              {note}
            </p>
          )}
        </form>
        <form className="org-card org-form" onSubmit={sendCsv}>
          <h3>{t('bulkTitle')}</h3>
          <textarea name="csv" rows={6} required aria-label={t('bulkTitle')} defaultValue={'email;exhibitor;name\n'} />
          <button type="submit" className="org-button">
            {t('bulkSend')}
          </button>
          {bulk && <pre className="org-pre">{bulk}</pre>}
        </form>
      </div>

      <h3>{t('invitations')}</h3>
      <div className="org-scroll">
        <table className="org-table">
          <thead>
            <tr>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('expires')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {(invitations.data ?? []).map((i) => (
              <tr key={i.id}>
                <td>{i.email}</td>
                <td>
                  {t(`role_${i.role}`)} {i.exhibitors.join(', ')}
                </td>
                <td>{i.expired ? t('expired') : t(`status_${i.status}`)}</td>
                <td>{dateTimeText(lang, i.expiresAt)}</td>
                <td>
                  {i.status === 'pending' && (
                    <>
                      <button type="button" className="org-button" onClick={() => void act(resendInvitation(i.id))}>
                        {t('resend')}
                      </button>{' '}
                      <button type="button" className="org-button" onClick={() => void act(revokeInvitation(i.id))}>
                        {t('revoke')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t('accounts')}</h3>
      <div className="org-scroll">
        <table className="org-table">
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col" colSpan={3}>
                {t('role')}
              </th>
              <th scope="col">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {(accounts.data ?? []).map((a) => (
              <AccountRow key={`${a.id}-${a.role}-${a.exhibitors.join()}-${String(a.staffAdmin)}`} a={a} onChange={reload} onNote={setNote} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
