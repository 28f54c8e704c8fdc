// The page: header (title, search, language), the hall with its overlays, floors and minimap.
import { Suspense, lazy, useEffect } from 'react';
import { currentView, openExhibition, stopRouter } from '../actions/navigation.ts';
import { loadLevel } from '../net/api.ts';
import { useStore, useT } from '../store/index.ts';
import { Announcer } from './chrome/Announcer.tsx';
import { ChatUnread } from './chat/ChatUnread.tsx';
import { UnreadMarkers } from './chat/UnreadMarkers.tsx';
import { ProgrammeLandmarks } from './hall/ProgrammeLandmarks.tsx';
import { LangSwitch } from './chrome/LangSwitch.tsx';
import { NotFoundView } from './chrome/NotFoundView.tsx';
import { SearchBox } from './chrome/SearchBox.tsx';
import { ZoomControls } from './chrome/ZoomControls.tsx';
import { LayoutPanel } from './organiser/LayoutPanel.tsx';
import { AnnouncementBar } from './live/AnnouncementBar.tsx';
import { LiveBar } from './live/LiveBar.tsx';
import { OutdatedNotice } from './live/OutdatedNotice.tsx';
import { RoutePanel } from './route/RoutePanel.tsx';
import { RouteToggle } from './route/RouteToggle.tsx';
import { LazyStandDialog } from './stand/LazyStandDialog.tsx';
import { StandPopup } from './stand/StandPopup.tsx';
import { ListSkipLink, ListToggle } from './list/ListToggle.tsx';
import { ReminderToasts } from '../programme/my/ReminderToasts.tsx';
import { ListView } from './list/ListView.tsx';
import { SidePanel } from './list/SidePanel.tsx';
import './phone.css';

// Pixi and the engine load in their own chunk; the download starts at once, in parallel
// with the catalogue, so the first floor is drawn as early as possible.
// main.tsx calls preloadHall() before the first render of a hall page (never on /cabinet).
let hallChunk: Promise<typeof import('./hall/HallCanvas.tsx')> | undefined;
export function preloadHall(): Promise<typeof import('./hall/HallCanvas.tsx')> {
  return (hallChunk ??= import('./hall/HallCanvas.tsx'));
}
const HallCanvas = lazy(preloadHall);

export function App() {
  const t = useT();
  const status = useStore((s) => s.status);
  const lang = useStore((s) => s.lang);
  const listMode = useStore((s) => s.hallMode === 'list');

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

  useEffect(() => {
    // The floor in the address is fetched alongside the catalogue, not after it.
    const first = currentView();
    if (first.kind === 'floor' || first.kind === 'stand') loadLevel(first.floorId).catch(() => {});
    void openExhibition();
    return stopRouter;
  }, []);

  return (
    <div className="app">
      <ListSkipLink />
      <a href="#hall" className="skip-link">
        {t('app.skipToHall')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            {t('app.mark')}
          </span>
          <div>
            <h1 className="brand__title">{t('app.title')}</h1>
            <p className="brand__tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <SearchBox />
        <ListToggle />
        <RouteToggle />
        {/* The programme is its own page (and chunk): a plain link, a full page load. */}
        <a className="route-toggle" href="/programme">
          {t('programme.link')}
        </a>
        <ChatUnread />
        <LangSwitch />
      </header>
      {/* tabIndex -1: where focus goes when what it was on is gone (focusReturn.ts). */}
      <main className={listMode ? 'stage stage--list' : 'stage'} id="main" tabIndex={-1}>
        {status === 'error' ? (
          <div className="state-message" role="alert">
            <p>{t('app.loadError')}</p>
            <button type="button" className="button button--primary" onClick={() => void openExhibition()}>
              {t('app.retry')}
            </button>
          </div>
        ) : (
          <>
            {status !== 'ready' ? (
              <div className="state-message state-message--over" role="status">
                {t('app.loading')}
              </div>
            ) : (
              <>
                <StandPopup />
                <UnreadMarkers />
                <ProgrammeLandmarks />
                <ZoomControls />
                <LayoutPanel />
                <LiveBar />
                <SidePanel />
                <RoutePanel />
                {listMode && <ListView />}
                <LazyStandDialog />
                <NotFoundView />
              </>
            )}
            {/* The canvas starts (Pixi init, fonts) while the catalogue is still loading. It comes
                after the page controls in the DOM, so Tab reaches them first; the hall is then one
                Tab stop with the stands inside (arrow keys, see hall/standGroupKeys.ts). */}
            <Suspense fallback={null}>
              <HallCanvas />
            </Suspense>
          </>
        )}
        <AnnouncementBar />
        <Announcer />
        <OutdatedNotice />
      </main>
      {/* Reminders of the visitor's starred programme events, on the hall too. */}
      <ReminderToasts />
    </div>
  );
}
