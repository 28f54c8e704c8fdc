// The exhibitor cabinet at /cabinet: its own page, without the hall (no Pixi download). A
// session decides between the login page and the cabinet; everything else hangs off the store.
import { useEffect } from 'react';
import { useStore, useT } from '../../store/index.ts';
import { Announcer } from '../chrome/Announcer.tsx';
import { startCabinet } from './cabinetActions.ts';
import { CabinetHeader } from './CabinetHeader.tsx';
import { CabinetTabs } from './CabinetTabs.tsx';
import { LoginPage } from './LoginPage.tsx';
import { QuestionToasts } from './QuestionToasts.tsx';
import { StandBar } from './StandBar.tsx';
import { inboxUnread, startStaffPresence } from './staffPresence.ts';
import './cabinet.css';

export function CabinetApp() {
  const t = useT();
  const auth = useStore((s) => s.cabAuth);
  const lang = useStore((s) => s.lang);
  const noStands = useStore((s) => s.cabExhibitors?.length === 0);
  const signedIn = auth.status === 'signedIn';
  // A signed-out page (the login form) counts nothing, whatever the last session left.
  const unread = useStore((s) => (s.cabAuth.status === 'signedIn' ? inboxUnread(s.inbox) : 0));

  useEffect(() => {
    document.documentElement.lang = lang;
    // Unread questions show in the browser's tab too, whatever cabinet tab is open.
    document.title = `${unread > 0 ? `(${unread}) ` : ''}${t('cabinet.title')} · ${t('app.title')}`;
  }, [lang, t, unread]);

  useEffect(() => startCabinet(), []);
  // Signed in, on any tab: visitors see the staff online (or away), and questions arrive.
  useEffect(() => (signedIn ? startStaffPresence() : undefined), [signedIn]);

  let page;
  if (auth.status === 'checking') {
    page = (
      <main className="cab-login" id="cab-main">
        <p className="cab-state cab-muted" role="status">
          {t('cabinet.checking')}
        </p>
      </main>
    );
  } else if (auth.status === 'signedIn') {
    page = (
      <>
        <a href="#cab-main" className="skip-link">
          {t('cabinet.skip')}
        </a>
        <CabinetHeader me={auth.me} />
        <main className="cab-main" id="cab-main" tabIndex={-1}>
          {noStands && <p className="cab-notice">{t(auth.me.role === 'moderator' ? 'cabinet.moderatorNote' : 'cabinet.noStands')}</p>}
          <StandBar />
          <CabinetTabs />
        </main>
        <QuestionToasts />
      </>
    );
  } else {
    page = <LoginPage reason={auth.status === 'anonymous' ? auth.reason : undefined} />;
  }

  return (
    <div className="cabinet">
      {page}
      <Announcer />
    </div>
  );
}
