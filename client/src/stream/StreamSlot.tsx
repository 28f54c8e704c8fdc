// The event page's player slot (client/src/programme/slots.ts): plays what the event's
// `source` names. Our own stage: its HLS playlist, live while broadcast, the recording once
// ended; the public stream status tells whether there is anything to play yet. An external
// HLS address plays in the same player. Embeds are not played here (the CSP allows no frames).
// While the event is live the status is asked again now and then for the live viewer count
// (the event's Q&A room's visitors, server/qa/viewers.ts), shown under the player.
import { useEffect, useState } from 'react';
import { API, apiPath } from '../../../shared/api.ts';
import { StreamStatus } from '../../../shared/broadcast.ts';
import type { SlotProps } from '../programme/slots.ts';
import { useStore } from '../store/index.ts';
import { watchingLabel, word } from './labels.ts';
import type { Playback } from './playback.ts';
import { Player } from './Player.tsx';
import { ReplayPanel } from './ReplayPanel.tsx';

/** Re-asks until the broadcast has its first segments… */
const POLL_MS = 5000;
/** …then, while live, this often for the viewer count (the server answers from a 1 s cache); */
const VIEWERS_POLL_MS = 15_000;
/** the first time sooner: the count the page got with the first segments did not include this visitor yet. */
const FIRST_VIEWERS_POLL_MS = 3000;

export function StreamSlot({ event, state }: SlotProps) {
  const lang = useStore((s) => s.lang);
  const [status, setStatus] = useState<StreamStatus | null>(null);
  // A recording of ours plays with its conversation beside it, following its position.
  const [playback, setPlayback] = useState<Playback | null>(null);
  const source = event.source;
  const stage = source?.kind === 'stage';

  useEffect(() => {
    if (!stage) return;
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let counted = 0;
    const ask = async () => {
      try {
        const res = await fetch(apiPath(API.streamStatus, { eventId: event.id }), { cache: 'no-store' });
        if (res.ok && !stop) {
          const s = StreamStatus.parse(await res.json());
          setStatus(s);
          if (s.segments > 0) {
            if (state === 'live' || s.state !== 'off') timer = setTimeout(() => void ask(), counted++ === 0 ? FIRST_VIEWERS_POLL_MS : VIEWERS_POLL_MS);
            return;
          }
        }
      } catch {
        // Offline for a moment: ask again.
      }
      if (!stop) timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [stage, event.id, state]);

  const title = event.title[lang === 'en' ? 'en' : 'ru'] ?? event.title.ru;
  if (source?.kind === 'hls') return <Player src={source.url} title={title} lang={lang} />;
  if (!stage) return null;
  if (!status || status.segments === 0) {
    return (
      <div className="player-waiting" data-slot="player" role="status">
        {word(lang, 'waiting')}
      </div>
    );
  }
  const live = state === 'live' || status.state !== 'off';
  if (!live && state === 'recording-ready' && status.recordingReady) {
    return (
      <div className="replay-layout" id="recording">
        <Player src={status.playlist} title={title} lang={lang} onPlayback={setPlayback} />
        <ReplayPanel eventId={event.id} lang={lang} playback={playback} />
      </div>
    );
  }
  return (
    <>
      <Player src={status.playlist} title={title} lang={lang} autoPlay={state === 'live'} />
      {live && (
        <p className="player-viewers" data-viewers={status.viewers} aria-live="off">
          {watchingLabel(lang, status.viewers)}
        </p>
      )}
    </>
  );
}
