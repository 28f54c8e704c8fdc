// What the server receives on the stage, from ffmpeg's own reports (server/stream/ffmpegStats.ts):
// bitrate, resolution, frame rate, dropped and duplicated frames, time on air.
import { type BroadcastView, type IngestStatsView, formatBitrate, formatDuration, streamFps } from '../../../shared/broadcast.ts';
import type { BroadcastT } from '../i18n/broadcast.ts';

function fpsText(s: IngestStatsView): string {
  const fps = s.receiving ? streamFps(s) : null;
  return fps === null ? '—' : String(fps);
}

export function ReceivedCard({ view, t }: { view: BroadcastView; t: BroadcastT }) {
  const s = view.stats;
  const rows: [string, string, string][] = s
    ? [
        // Measured over the last segments on disk: between senders it would describe the last one.
        ['bitrate', t('bc.bitrate'), s.receiving ? formatBitrate(s.bitrate, { kbit: t('bc.kbit'), mbit: t('bc.mbit') }) : '—'],
        ['resolution', t('bc.resolution'), s.video ? `${s.video.width}×${s.video.height} ${s.video.codec}` : '—'],
        ['fps', t('bc.fps'), fpsText(s)],
        ['dropped', t('bc.dropped'), String(s.droppedFrames)],
        ['duplicated', t('bc.duplicated'), String(s.duplicatedFrames)],
        ['audio', t('bc.audio'), s.audio ? `${s.audio.codec}${s.audio.sampleRate ? `, ${s.audio.sampleRate / 1000} kHz` : ''}` : '—'],
        ['duration', t('bc.duration'), formatDuration(s.streamSeconds)],
        ['segments', t('bc.segments'), String(view.segments)],
        ['restarts', t('bc.restarts'), String(s.restarts)],
      ]
    : [];
  return (
    <section className="bc-card" aria-labelledby="bc-received">
      <h2 id="bc-received">{t('bc.received')}</h2>
      {!s || !s.receiving ? <p className="bc-hint">{t('bc.nothing')}</p> : null}
      {s && (
        <dl className="bc-stats">
          {rows.map(([key, label, value]) => (
            <div key={key} data-stat={key}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
