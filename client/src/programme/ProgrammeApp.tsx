// The business programme's visitor pages (/programme, /programme/<id>, /programme/library,
// /speakers/<id>): their own chunk, without the hall (no Pixi download). The address picks
// the page; the schedule is loaded once and shared by every page.
import { useEffect, useMemo } from 'react';
import { useStore, useT } from '../store/index.ts';
import { followProgrammeChanges, startProgrammeRouter, syncClock } from './actions.ts';
import { EventPage } from './EventPage.tsx';
import { LibraryPage } from './LibraryPage.tsx';
import { parseProgrammePath } from './paths.ts';
import { ProgrammeHeader } from './ProgrammeHeader.tsx';
import { Missing } from './Missing.tsx';
import { SchedulePage } from './SchedulePage.tsx';
import { SpeakerPage } from './SpeakerPage.tsx';
import { MyProgrammePage } from './my/MyProgrammePage.tsx';
import { ReminderToasts } from './my/ReminderToasts.tsx';
import { TrackPage } from './TrackPage.tsx';
import { TracksPage } from './TracksPage.tsx';
import './programme.css';
import { registerStreamPlayer } from '../stream/registerPlayer.tsx';
import { registerQaPanel } from '../qa/registerPanel.tsx';

// The stream hall's player fills the event page's player slot.
registerStreamPlayer();
// The moderated Q&A fills its slot (client/src/qa).
registerQaPanel();

export function ProgrammeApp() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const path = useStore((s) => s.progPath);
  const page = useMemo(() => parseProgrammePath(path), [path]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    // The hall's page never scrolls; the programme's is an ordinary document.
    document.body.classList.add('prog-body');
    const stop = startProgrammeRouter();
    const stopLive = followProgrammeChanges();
    void syncClock();
    return () => {
      stop();
      stopLive();
      document.body.classList.remove('prog-body');
    };
  }, []);

  let body;
  switch (page.kind) {
    case 'schedule':
      body = <SchedulePage />;
      break;
    case 'library':
      body = <LibraryPage />;
      break;
    case 'my':
      body = <MyProgrammePage />;
      break;
    case 'event':
      body = <EventPage key={page.eventId} eventId={page.eventId} />;
      break;
    case 'tracks':
      body = <TracksPage />;
      break;
    case 'track':
      body = <TrackPage key={page.trackId} trackId={page.trackId} />;
      break;
    case 'speaker':
      body = <SpeakerPage key={page.speakerId} speakerId={page.speakerId} />;
      break;
    case 'unknown':
      body = <Missing text={t('programme.notFound.page')} />;
      break;
  }

  return (
    <div className="prog">
      <a href="#prog-main" className="skip-link">
        {t('programme.skip')}
      </a>
      <ProgrammeHeader page={page} />
      <main className="prog-main" id="prog-main" tabIndex={-1}>
        {body}
      </main>
      {/* Reminders of starred events (the hall shows them too); it loads "my programme" for the stars. */}
      <ReminderToasts />
    </div>
  );
}
