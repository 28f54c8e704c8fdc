// The event page's player slot (client/src/programme/slots.ts): plays what the event's
// `source` names. Our own stage: its HLS playlist, live while broadcast, the recording once
// ended; the public stream status tells whether there is anything to play yet. An external
// HLS address plays in the same player. Embeds are not played here (the CSP allows no frames).
import { useEffect, useState } from 'react';
import { API, apiPath } from '../../../shared/api.ts';
import type { SlotProps } from '../programme/slots.ts';
import { useStore } from '../store/index.ts';
import { word } from './labels.ts';
import { Player } from './Player.tsx';

interface StreamStatus {
  state: string;
  playlist: string;
  recordingReady: boolean;
  segments: number;
}

/** Re-asks until the broadcast has its first segments. */
const POLL_MS = 5000;

export function StreamSlot({ event, state }: SlotProps) {
  const lang = useStore((s) => s.lang);
  const [status, setStatus] = useState<StreamStatus | null>(null);
  const source = event.source;
  const stage = source?.kind === 'stage';

  useEffect(() => {
    if (!stage) return;
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async () => {
      try {
        const res = await fetch(apiPath(API.streamStatus, { eventId: event.id }), { cache: 'no-store' });
        if (res.ok && !stop) {
          const s = (await res.json()) as StreamStatus;
          setStatus(s);
          if (s.segments > 0) return;
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
  }, [stage, event.id]);

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
  return <Player src={status.playlist} title={title} lang={lang} autoPlay={state === 'live'} />;
}
