// The master playlist over a stage's renditions (src/: the copied stream, low/: the 360p or
// audio rung), written by the server rather than ffmpeg: ffmpeg 5.1 writes it once, at its
// start, from encoder settings, so the copied rendition gets a BANDWIDTH of its audio alone
// (~100 kb/s, lower than the 360p rung's, which turns ABR upside down) and no CODECS. Here
// BANDWIDTH is the peak and AVERAGE-BANDWIDTH the mean of the segments on disk, RESOLUTION,
// FRAME-RATE and CODECS come from ffprobe on a written segment.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parsePlaylist } from './playlist.ts';

/** What ffprobe says of one stream (-show_entries stream=...). */
export interface ProbedStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  level?: number;
  width?: number;
  height?: number;
  r_frame_rate?: string;
}

export interface Variant {
  uri: string;
  /** Peak segment bitrate, bits/s. */
  bandwidth: number;
  averageBandwidth?: number;
  resolution?: { width: number; height: number };
  frameRate?: number;
  codecs?: string[];
}

/** H.264 profile names as ffprobe prints them → profile_idc and the usual constraint byte. */
const AVC_PROFILES: Record<string, string> = {
  Baseline: '4200',
  'Constrained Baseline': '42e0',
  Main: '4d40',
  Extended: '5800',
  High: '6400',
  'High 10': '6e00',
  'High 4:2:2': '7a00',
  'High 4:4:4 Predictive': 'f400',
};

/** The RFC 6381 codec of a probed stream ("avc1.4d401e", "mp4a.40.2"); null when unknown. */
export function codecOf(s: ProbedStream): string | null {
  if (s.codec_name === 'h264') {
    const profile = AVC_PROFILES[s.profile ?? ''];
    if (!profile || !s.level || s.level <= 0 || s.level > 255) return null;
    return `avc1.${profile}${s.level.toString(16).padStart(2, '0')}`;
  }
  if (s.codec_name === 'aac') return s.profile === 'HE-AAC' ? 'mp4a.40.5' : s.profile === 'HE-AACv2' ? 'mp4a.40.29' : 'mp4a.40.2';
  if (s.codec_name === 'mp3') return 'mp4a.40.34';
  return null;
}

/** Peak and mean bitrate (bits/s) of segments of known size; zeros when none. */
export function bandwidthOf(segments: readonly { bytes: number; duration: number }[]): { peak: number; average: number } {
  let peak = 0;
  let bytes = 0;
  let seconds = 0;
  for (const s of segments) {
    // A segment shorter than half a second (the last one of a take) says little about the rate.
    if (s.duration >= 0.5) peak = Math.max(peak, (s.bytes * 8) / s.duration);
    bytes += s.bytes;
    seconds += s.duration;
  }
  return { peak: Math.round(peak || (seconds > 0 ? (bytes * 8) / seconds : 0)), average: seconds > 0 ? Math.round((bytes * 8) / seconds) : 0 };
}

/** A variant from what was measured and probed. */
export function variantOf(uri: string, rate: { peak: number; average: number }, streams: readonly ProbedStream[]): Variant {
  const video = streams.find((s) => s.codec_type === 'video');
  const codecs = streams.map(codecOf).filter((c): c is string => c !== null);
  const [num, den] = (video?.r_frame_rate ?? '').split('/').map(Number);
  const fps = num && den ? num / den : undefined;
  return {
    uri,
    bandwidth: Math.max(1, rate.peak),
    ...(rate.average > 0 ? { averageBandwidth: rate.average } : {}),
    ...(video?.width && video.height ? { resolution: { width: video.width, height: video.height } } : {}),
    ...(fps && fps < 1000 ? { frameRate: fps } : {}),
    // Only a complete list: a player that is told one codec of two may refuse the other.
    ...(codecs.length === streams.length && codecs.length > 0 ? { codecs } : {}),
  };
}

/** The master playlist text: the better rendition first (players start with the first). */
export function masterPlaylistText(variants: readonly Variant[]): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const v of variants) {
    const attrs = [`BANDWIDTH=${v.bandwidth}`];
    if (v.averageBandwidth) attrs.push(`AVERAGE-BANDWIDTH=${v.averageBandwidth}`);
    if (v.resolution) attrs.push(`RESOLUTION=${v.resolution.width}x${v.resolution.height}`);
    if (v.frameRate) attrs.push(`FRAME-RATE=${v.frameRate.toFixed(3)}`);
    if (v.codecs) attrs.push(`CODECS="${v.codecs.join(',')}"`);
    lines.push(`#EXT-X-STREAM-INF:${attrs.join(',')}`, v.uri);
  }
  return `${lines.join('\n')}\n`;
}

/** ffprobe beside the configured ffmpeg ("/opt/x/ffmpeg" → "/opt/x/ffprobe"). */
export function ffprobeBeside(ffmpeg: string): string {
  const base = path.basename(ffmpeg).replace(/ffmpeg/, 'ffprobe');
  return ffmpeg.includes('/') ? path.join(path.dirname(ffmpeg), base) : base;
}

export function probeStreams(ffprobe: string, file: string): Promise<ProbedStream[]> {
  return new Promise((resolve, reject) => {
    execFile(
      ffprobe,
      ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,profile,level,width,height,r_frame_rate', '-of', 'json', file],
      { timeout: 10_000 },
      (err, stdout) => {
        if (err) {
          reject(err);
          return;
        }
        try {
          const streams = (JSON.parse(stdout) as { streams?: ProbedStream[] }).streams ?? [];
          resolve(streams.filter((s) => s.codec_type === 'video' || s.codec_type === 'audio'));
        } catch (e) {
          reject(e as Error);
        }
      },
    );
  });
}

const RENDITIONS = ['src', 'low'] as const;

/** What one stage's master writer remembers: probes per rendition, sizes per segment (segments never change). */
export interface MasterMemo {
  probed: Map<string, ProbedStream[]>;
  sizes: Map<string, number>;
}

export function masterMemo(): MasterMemo {
  return { probed: new Map(), sizes: new Map() };
}

/**
 * Writes <dir>/index.m3u8 over src/ and low/ once each has a segment, and again as they grow
 * (the measured rates change). Writes only when the text changes, through a temp file and a
 * rename. False while a rendition has no segment yet.
 */
export async function writeMasterPlaylist(dir: string, ffprobe: string, memo: MasterMemo = masterMemo()): Promise<boolean> {
  const { probed, sizes } = memo;
  const variants: Variant[] = [];
  for (const name of RENDITIONS) {
    const text = await fs.readFile(path.join(dir, name, 'index.m3u8'), 'utf8').catch(() => null);
    const segments = text ? parsePlaylist(text).segments : [];
    if (segments.length === 0) return false;
    const sized: { bytes: number; duration: number }[] = [];
    for (const s of segments) {
      const key = `${name}/${s.uri}`;
      let bytes = sizes.get(key);
      if (bytes === undefined) {
        const st = await fs.stat(path.join(dir, name, s.uri)).catch(() => null);
        if (st) sizes.set(key, (bytes = st.size));
      }
      if (bytes !== undefined) sized.push({ bytes, duration: s.duration });
    }
    let streams = probed.get(name);
    if (!streams) {
      streams = await probeStreams(ffprobe, path.join(dir, name, segments[0]!.uri)).catch(() => []);
      if (streams.length > 0) probed.set(name, streams);
    }
    variants.push(variantOf(`${name}/index.m3u8`, bandwidthOf(sized), streams));
  }
  const text = masterPlaylistText(variants);
  const file = path.join(dir, 'index.m3u8');
  if ((await fs.readFile(file, 'utf8').catch(() => '')) === text) return true;
  await fs.writeFile(`${file}.master.tmp`, text);
  await fs.rename(`${file}.master.tmp`, file);
  return true;
}
