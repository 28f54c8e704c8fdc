// The exhibitor cabinet at /cabinet: its own page, without the hall (no Pixi download). A
// session decides between the login page and the cabinet; everything else hangs off the store.
import { useEffect } from 'react';
import { useStore, useT } from '../../store/index.ts';
import { Announcer } from '../chrome/Announcer.tsx';
import { startCabinet } from './cabinetActions.ts';
import { CabinetHeader } from './CabinetHeader.tsx';
import { CabinetTabs } from './CabinetTabs.tsx';
import { LoginPage } from './LoginPage.tsx';
import { StandBar } from './StandBar.tsx';
import './cabinet.css';

export function CabinetApp() {
  const t = useT();
  const auth = useStore((s) => s.cabAuth);
  const lang = useStore((s) => s.lang);
  const noStands = useStore((s) => s.cabExhibitors?.length === 0);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('cabinet.title')} · ${t('app.title')}`;
  }, [lang, t]);

  useEffect(() => startCabinet(), []);

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
