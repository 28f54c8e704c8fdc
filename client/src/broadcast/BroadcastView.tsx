// The organiser's and moderator's broadcast page (/broadcast/<eventId>, the Q&A entry's own
// lazy chunk): state and "go live" / "end", the live viewer count, where to send the stream
// (key hidden until revealed), what the server receives, ffmpeg's log and the event's
// moderators. Phone first: one column of cards, two on wide screens. The server decides who
// may see it (server/stream/streamApi.ts); this page only shows its answers.
import { useCallback, useEffect, useState } from 'react';
import type { EventModeratorsView } from '../../../shared/eventModerators.ts';
import type { BroadcastKey } from '../i18n/broadcast.ts';
import { useBroadcastT } from '../i18n/broadcast.ts';
import { eventPath } from '../programme/paths.ts';
import { moderatePath } from '../qa/paths.ts';
import { IngestCard } from './IngestCard.tsx';
import { LogCard } from './LogCard.tsx';
import { ModeratorsCard } from './ModeratorsCard.tsx';
import { ReceivedCard } from './ReceivedCard.tsx';
import { useEventTitle } from './useEventTitle.ts';
import { useWatch } from './useWatch.ts';
import './broadcast.css';

export function BroadcastView({ eventId }: { eventId: string }) {
  const t = useBroadcastT();
  const title = useEventTitle(eventId);
  const { watch, snap } = useWatch(eventId);
  const [mods, setMods] = useState<EventModeratorsView | null>(null);
  const onMods = useCallback((v: EventModeratorsView) => setMods(v), []);
  useEffect(() => {
    document.title = `${t('bc.title')}: ${title}`;
  }, [t, title]);
  if (!watch || !snap) return null;
  const { view, error } = snap;

  const refusal =
    error?.status === 401 ? (
      <>
        <p>{t('bc.login')}</p>
        <a href="/cabinet">{t('bc.loginLink')}</a>
      </>
    ) : error?.status === 403 ? (
      <p>{t('bc.forbidden')}</p>
    ) : error?.status === 404 ? (
      <p>{t('bc.notFound')}</p>
    ) : error?.status === 409 ? (
      <p>{t('bc.notStage')}</p>
    ) : null;

  return (
    <main className="bc-page" data-broadcast={eventId} data-state={view?.state ?? 'unknown'}>
      <header className="bc-head">
        <h1>
          {t('bc.title')}: {title}
        </h1>
        <nav className="bc-links">
          <a href={moderatePath(eventId)}>{t('bc.moderate')}</a>
          <a href={eventPath(eventId)}>{t('bc.eventPage')}</a>
        </nav>
      </header>
      {refusal && <div className="bc-card bc-refusal">{refusal}</div>}
      {/* An event with an outside source has no stream here, but its Q&A still has moderators. */}
      {error?.status === 409 && <ModeratorsCard eventId={eventId} t={t} onLoaded={onMods} />}
      {!refusal && error && !view && <p className="bc-card">{t('bc.loadError', { error: error.message })}</p>}
      {view && !refusal && (
        <div className="bc-cols">
          <section className="bc-card bc-live" aria-labelledby="bc-state">
            <p className="bc-muted">{t('bc.stage', { stage: view.stage })}</p>
            <p id="bc-state" className={`bc-state bc-state-${view.state}`} role="status" data-stream-state={view.state}>
              {t(`bc.state.${view.state}` as BroadcastKey)}
            </p>
            <p className="bc-viewers">
              <span className="bc-muted">{t('bc.viewers')}</span> <strong data-viewers>{view.viewers}</strong>
            </p>
            {view.busyWith && <p className="bc-warn">{t('bc.busy', { event: view.busyWith })}</p>}
            <div className="bc-row">
              <button type="button" className="bc-primary" disabled={snap.busy || view.state !== 'off' || view.busyWith !== null} onClick={() => void watch.goLive()}>
                {t('bc.goLive')}
              </button>
              <button type="button" className="bc-danger" disabled={snap.busy || view.state === 'off'} onClick={() => void watch.end()}>
                {t('bc.end')}
              </button>
            </div>
            {snap.actError && (
              <p className="bc-warn" role="alert">
                {t('bc.error', { error: snap.actError })}
              </p>
            )}
            {view.recordingReady && view.state === 'off' && <p className="bc-hint">{t('bc.recordingReady')}</p>}
          </section>
          <ReceivedCard view={view} t={t} />
          <IngestCard view={view} t={t} canRegenerate={mods?.canAssign ?? false} busy={snap.busy} onRegenerate={watch.regenerateKey} />
          <ModeratorsCard eventId={eventId} t={t} onLoaded={onMods} />
          <LogCard eventId={eventId} t={t} />
        </div>
      )}
    </main>
  );
}
