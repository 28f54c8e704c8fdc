// The broadcast page's contract (client/src/broadcast): what GET /api/broadcast/events/:id
// answers (server/stream/streamHall.ts BroadcastInfo), parsed before the page trusts it, and
// the public stream status players read. Plus the few pure formatters the page shows figures with.
import { z } from 'zod';

export const StageState = z.enum(['off', 'waiting', 'receiving', 'restarting', 'stopped']);
export type StageState = z.infer<typeof StageState>;

export const IngestStatsView = z.object({
  receiving: z.boolean(),
  video: z.object({ codec: z.string(), width: z.number(), height: z.number(), fps: z.number().optional() }).optional(),
  audio: z.object({ codec: z.string(), sampleRate: z.number().optional() }).optional(),
  frames: z.number(),
  fps: z.number(),
  droppedFrames: z.number(),
  duplicatedFrames: z.number(),
  streamSeconds: z.number(),
  bitrate: z.number(),
  speed: z.number().optional(),
  updatedAt: z.number(),
  pid: z.number().optional(),
  restarts: z.number(),
});
export type IngestStatsView = z.infer<typeof IngestStatsView>;

export const BroadcastView = z.object({
  eventId: z.string(),
  stage: z.string(),
  ingest: z.object({ protocol: z.literal('srt'), url: z.string(), host: z.string(), port: z.number(), passphrase: z.string() }),
  state: StageState,
  busyWith: z.string().nullable(),
  viewers: z.number(),
  stats: IngestStatsView.nullable(),
  playlist: z.string(),
  recordingReady: z.boolean(),
  segments: z.number(),
});
export type BroadcastView = z.infer<typeof BroadcastView>;

export const StreamStatus = z.object({
  eventId: z.string(),
  state: StageState,
  playlist: z.string(),
  recordingReady: z.boolean(),
  segments: z.number(),
  viewers: z.number(),
});
export type StreamStatus = z.infer<typeof StreamStatus>;

export const BroadcastLogs = z.object({ stage: z.string(), lines: z.array(z.string()) });

/** 2_430_000 → "2.4 Mbit/s", 640_000 → "640 kbit/s", 0 → "—". */
export function formatBitrate(bitsPerSecond: number, units: { kbit: string; mbit: string }): string {
  if (!Number.isFinite(bitsPerSecond) || bitsPerSecond <= 0) return '—';
  if (bitsPerSecond >= 1_000_000) return `${(bitsPerSecond / 1_000_000).toFixed(1)} ${units.mbit}`;
  return `${Math.max(1, Math.round(bitsPerSecond / 1000))} ${units.kbit}`;
}

/**
 * Frames per second of the stream itself: frames over stream time once a second of it came
 * in (ffmpeg's own "fps" divides by wall time since the child started, which a sender's
 * buffered burst after connecting inflates), else the rate the input declares; null: unknown.
 */
export function streamFps(stats: Pick<IngestStatsView, 'frames' | 'streamSeconds' | 'video'>): number | null {
  if (stats.streamSeconds >= 1 && stats.frames > 0) return Math.round((stats.frames / stats.streamSeconds) * 10) / 10;
  return stats.video?.fps ?? null;
}

/** Seconds of stream as "h:mm:ss" or "m:ss". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The ingest URL with its passphrase masked, for a page that shows the key only on request. */
export function maskPassphrase(url: string, passphrase: string): string {
  return passphrase ? url.split(passphrase).join('•'.repeat(8)) : url;
}
