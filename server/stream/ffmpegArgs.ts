// The ffmpeg command of one live stage: an SRT listener (the passphrase refuses other senders)
// packaged as an event-type HLS playlist that is its own recording. The incoming streams are
// copied; the optional low rung (360p video or audio only) is the one thing transcoded, as
// measured CPU allows (npm run bench:hls: copy ~2 %, copy + 360p ~12 % of a core per stage).
export const LOW_RUNGS = ['none', '360p', 'audio'] as const;
export type LowRung = (typeof LOW_RUNGS)[number];

export interface IngestSpec {
  host: string;
  port: number;
  passphrase: string;
  /** <dataDir>/streams/<eventId> */
  dir: string;
  lowRung: LowRung;
  /** SRT receive latency in ms (the sender's jitter buffer). */
  latencyMs?: number;
}

/** The listener URL ffmpeg opens; the sender uses the same host, port and passphrase. */
export function listenerUrl(spec: Pick<IngestSpec, 'host' | 'port' | 'passphrase' | 'latencyMs'>): string {
  const latencyUs = (spec.latencyMs ?? 200) * 1000;
  return `srt://${spec.host}:${spec.port}?mode=listener&passphrase=${spec.passphrase}&pbkeylen=16&latency=${latencyUs}`;
}

/** The address a sender (OBS, ffmpeg, a hardware encoder) pushes to. */
export function senderUrl(host: string, port: number, passphrase: string): string {
  return `srt://${host}:${port}?passphrase=${passphrase}&pbkeylen=16`;
}

const HLS_FLAGS = [
  '-f', 'hls',
  '-hls_time', '2',
  '-hls_playlist_type', 'event',
  // append_list: a sender that reconnects (or a restarted ffmpeg) continues the same recording
  // after an EXT-X-DISCONTINUITY instead of overwriting it.
  '-hls_flags', 'independent_segments+program_date_time+temp_file+append_list',
];

export function ingestArgs(spec: IngestSpec): string[] {
  const input = ['-hide_banner', '-nostdin', '-loglevel', 'info', '-nostats', '-stats_period', '1', '-progress', 'pipe:1', '-i', listenerUrl(spec)];
  if (spec.lowRung === 'none') {
    return [...input, '-map', '0:v?', '-map', '0:a?', '-c', 'copy', ...HLS_FLAGS, '-hls_segment_filename', `${spec.dir}/seg-%05d.ts`, `${spec.dir}/index.m3u8`];
  }
  const low =
    spec.lowRung === '360p'
      ? [
          '-map', '0:v', '-map', '0:a',
          '-c:v:1', 'libx264', '-preset', 'veryfast', '-b:v:1', '600k', '-maxrate:v:1', '700k', '-bufsize:v:1', '1200k',
          '-filter:v:1', 'scale=-2:360', '-force_key_frames:v:1', 'expr:gte(t,n_forced*2)', '-c:a:1', 'copy',
        ]
      : ['-map', '0:a', '-c:a:1', 'copy'];
  const streamMap = spec.lowRung === '360p' ? 'v:0,a:0,name:src v:1,a:1,name:low' : 'v:0,a:0,name:src a:1,name:low';
  return [
    ...input,
    '-map', '0:v', '-map', '0:a', '-c:v:0', 'copy', '-c:a:0', 'copy',
    ...low,
    ...HLS_FLAGS,
    '-var_stream_map', streamMap,
    // No -master_pl_name: the server writes the master from measured rates (masterPlaylist.ts).
    '-hls_segment_filename', `${spec.dir}/%v/seg-%05d.ts`,
    `${spec.dir}/%v/index.m3u8`,
  ];
}

/** Media playlists of a stage's output: the one playlist, or each rendition's. */
export function mediaPlaylists(lowRung: LowRung): string[] {
  return lowRung === 'none' ? ['index.m3u8'] : ['src/index.m3u8', 'low/index.m3u8'];
}
