// What the server receives on a stage, from ffmpeg's own reports: the -progress key=value
// blocks on stdout (frames, fps, dropped frames, stream time) and the input description on
// stderr (codec, resolution). Bitrate is measured from the bytes of written segments, since
// the HLS muxer reports no output size.
export interface IngestStats {
  /** Input connected and described by ffmpeg. */
  receiving: boolean;
  video?: { codec: string; width: number; height: number; fps?: number };
  audio?: { codec: string; sampleRate?: number };
  frames: number;
  fps: number;
  droppedFrames: number;
  duplicatedFrames: number;
  /** Seconds of stream received since this child started. */
  streamSeconds: number;
  /** Measured over the last segments (bits/s); 0 before the first. */
  bitrate: number;
  speed?: number;
  updatedAt: number;
}

export function emptyStats(now = Date.now()): IngestStats {
  return { receiving: false, frames: 0, fps: 0, droppedFrames: 0, duplicatedFrames: 0, streamSeconds: 0, bitrate: 0, updatedAt: now };
}

/** Folds one -progress block (lines up to "progress=continue|end") into the stats. */
export function applyProgress(stats: IngestStats, block: Record<string, string>, now = Date.now()): IngestStats {
  const num = (k: string) => {
    const v = Number.parseFloat(block[k] ?? '');
    return Number.isFinite(v) ? v : undefined;
  };
  const outUs = num('out_time_us');
  const speed = num('speed') ?? Number.parseFloat((block.speed ?? '').replace('x', ''));
  return {
    ...stats,
    frames: num('frame') ?? stats.frames,
    fps: num('fps') ?? stats.fps,
    droppedFrames: num('drop_frames') ?? stats.droppedFrames,
    duplicatedFrames: num('dup_frames') ?? stats.duplicatedFrames,
    streamSeconds: outUs !== undefined && outUs >= 0 ? outUs / 1e6 : stats.streamSeconds,
    ...(Number.isFinite(speed) ? { speed } : {}),
    updatedAt: now,
  };
}

/** Reads ffmpeg's "Input #0 ... Stream #0:0: Video: h264 (High) ..., 1280x720 ..., 30 fps" lines. */
export function applyStderrLine(stats: IngestStats, line: string): IngestStats {
  if (/^Input #0,/.test(line)) return { ...stats, receiving: true };
  const video = /^\s*Stream #0:\d+.*?: Video: (\w+).*?, (\d{2,5})x(\d{2,5})(?:[ ,].*?(\d+(?:\.\d+)?) fps)?/.exec(line);
  if (video && !stats.video) {
    return { ...stats, video: { codec: video[1]!, width: Number(video[2]), height: Number(video[3]), ...(video[4] ? { fps: Number(video[4]) } : {}) } };
  }
  const audio = /^\s*Stream #0:\d+.*?: Audio: (\w+)(?:.*?, (\d+) Hz)?/.exec(line);
  if (audio && !stats.audio) return { ...stats, audio: { codec: audio[1]!, ...(audio[2] ? { sampleRate: Number(audio[2]) } : {}) } };
  return stats;
}

/** Splits -progress output into blocks; calls back once per finished block. */
export function progressReader(onBlock: (block: Record<string, string>) => void): (chunk: string) => void {
  let buffer = '';
  let block: Record<string, string> = {};
  return (chunk) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const eq = line.indexOf('=');
      if (eq < 0) continue;
      const key = line.slice(0, eq).trim();
      block[key] = line.slice(eq + 1).trim();
      if (key === 'progress') {
        onBlock(block);
        block = {};
      }
    }
  };
}
