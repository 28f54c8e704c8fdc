// A generated live source: ffmpeg's test pattern with the wall clock burnt in and a tone,
// encoded as a sender would (H.264 with a keyframe every 2 s, AAC) and pushed over SRT. The
// sample exhibition (npm run stream:sample), the ingest tests and bench:hls use it; it can also
// write a short closed recording straight to disk for ended sample events.
import fs from 'node:fs';

const FONT = ['/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'].find((f) => fs.existsSync(f));

export interface TestSourceOptions {
  /** Seconds to send; unlimited when absent. */
  seconds?: number;
  width?: number;
  height?: number;
  fps?: number;
  /** Video bitrate, e.g. "1500k". */
  bitrate?: string;
  /** A caption drawn under the clock ("hall-1"). */
  label?: string;
}

/** Input, filters and encoders; the caller adds the output. */
export function testSourceInput(opts: TestSourceOptions = {}): string[] {
  const { width = 1280, height = 720, fps = 30 } = opts;
  const size = Math.round(height / 9);
  // Wall clock with milliseconds (glass-to-glass latency can be read off a frame), plus a label.
  const clock = FONT
    ? `,drawtext=fontfile=${FONT}:fontsize=${size}:fontcolor=white:box=1:boxcolor=black@0.6:x=(w-tw)/2:y=h/3:text='%{localtime\\:%H\\\\\\:%M\\\\\\:%S}'` +
      (opts.label ? `,drawtext=fontfile=${FONT}:fontsize=${Math.round(size / 2)}:fontcolor=white:x=(w-tw)/2:y=h/3+${size * 1.3}:text='${opts.label.replace(/[^a-zA-Z0-9 -]/g, '')}'` : '')
    : '';
  const t = opts.seconds !== undefined ? ['-t', String(opts.seconds)] : [];
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    '-re', '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}${clock}`,
    '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:beep_factor=4',
    ...t,
    '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-profile:v', 'main',
    '-b:v', opts.bitrate ?? '1500k', '-g', String(fps * 2), '-keyint_min', String(fps * 2), '-sc_threshold', '0',
    '-c:a', 'aac', '-b:a', '96k', '-ac', '2',
  ];
}

/** ffmpeg arguments that push the source to an SRT address (senderUrl). */
export function testSourcePushArgs(srtUrl: string, opts: TestSourceOptions = {}): string[] {
  return [...testSourceInput(opts), '-f', 'mpegts', srtUrl];
}
