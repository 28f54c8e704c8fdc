// The organisers' console at /organiser: its own page and chunk (no Pixi). A session with the
// organiser role opens the tabs; /organiser/invite is the page an invitation link opens.
import { type FormEvent, useEffect, useState } from 'react';
import type { Me } from '../../../../shared/accounts.ts';
import { useOrgT } from '../../i18n/organiser.ts';
import { fetchMe, login, logout } from '../../net/cabinetApi.ts';
import { useStore } from '../../store/index.ts';
import { LangSwitch } from '../chrome/LangSwitch.tsx';
import { AcceptInvite } from './AcceptInvite.tsx';
import { AccountsTab } from './AccountsTab.tsx';
import { AnnouncementsTab } from './AnnouncementsTab.tsx';
import { AuditTab } from './AuditTab.tsx';
import { ExhibitorsTab } from './ExhibitorsTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { messageOf } from './useLoad.ts';
import './organiser.css';

const TABS = ['overview', 'exhibitors', 'accounts', 'announcements', 'audit'] as const;
type Tab = (typeof TABS)[number];
const TAB_KEY = { overview: 'tabOverview', exhibitors: 'tabExhibitors', accounts: 'tabAccounts', announcements: 'tabAnnouncements', audit: 'tabAudit' } as const;

function LoginForm({ onIn }: { onIn: (me: Me) => void }) {
  const t = useOrgT();
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    login({ email: String(f.get('email')), password: String(f.get('password')) }).then(onIn, (err: unknown) => setError(messageOf(err)));
  };
  return (
    <form className="org-card org-login" onSubmit={submit}>
      <h2>{t('loginTitle')}</h2>
      <label>
        {t('email')}
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        {t('password')}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && <p role="alert" className="org-error">{error}</p>}
      <button type="submit" className="org-button org-button--primary">
        {t('login')}
      </button>
    </form>
  );
}

export function OrganiserApp() {
  const t = useOrgT();
  const lang = useStore((s) => s.lang);
  const inviting = location.pathname.startsWith('/organiser/invite');
  const [me, setMe] = useState<Me | null | undefined>(inviting ? null : undefined);
  const [tab, setTab] = useState<Tab>('overview');

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(inviting ? 'acceptTitle' : 'title');
  }, [lang, t, inviting]);
  useEffect(() => {
    if (!inviting) fetchMe().then(setMe, () => setMe(null));
  }, [inviting]);

  let body;
  if (inviting) body = <AcceptInvite />;
  else if (me === undefined) body = <p role="status">{t('checking')}</p>;
  else if (me === null) body = <LoginForm onIn={setMe} />;
  else if (me.role !== 'organiser')
    body = (
      <div className="org-card">
        <p>{t('notOrganiser')}</p>
        <a href="/cabinet">{t('toCabinet')}</a>
      </div>
    );
  else
    body = (
      <>
        <nav className="org-tabs" aria-label={t('title')}>
          {TABS.map((id) => (
            <button key={id} type="button" className="org-tab" aria-current={tab === id ? 'page' : undefined} onClick={() => setTab(id)}>
              {t(TAB_KEY[id])}
            </button>
          ))}
        </nav>
        {tab === 'overview' && <OverviewTab />}
        {tab === 'exhibitors' && <ExhibitorsTab />}
        {tab === 'accounts' && <AccountsTab />}
        {tab === 'announcements' && <AnnouncementsTab />}
        {tab === 'audit' && <AuditTab />}
      </>
    );

  return (
    <div className="org">
      <header className="org-header">
        <h1>{t('title')}</h1>
        <a href="/">{t('toHall')}</a>
        <LangSwitch />
        {me && (
          <button type="button" className="org-button" onClick={() => void logout().then(() => setMe(null))}>
            {t('logout')} ({me.email})
          </button>
        )}
      </header>
      <main className="org-main" id="org-main">
        {body}
      </main>
    </div>
  );
}
