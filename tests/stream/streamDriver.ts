// Drivers for stream-hall tests: a server with its SRT stages on ports of their own, a sender
// that pushes ffmpeg's test pattern into a stage, and polling for what ffmpeg writes.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type PlaylistInfo, readPlaylist } from '../../server/stream/playlist.ts';
import { testSourcePushArgs } from '../../server/stream/testSource.ts';

/** Seven stages need seven UDP ports: a base of this process's own, away from the default 9000. */
export function srtPortBase(): number {
  return 20_000 + (process.pid % 3000) * 10;
}

export interface PushResult {
  code: number | null;
  stderr: string;
}

/** Pushes `seconds` of 640x360 test pattern to an SRT address; resolves when ffmpeg exits. */
export function push(srtUrl: string, seconds: number): Promise<PushResult> {
  return new Promise((resolve) => {
    const child = spawn('ffmpeg', testSourcePushArgs(srtUrl, { seconds, width: 640, height: 360, bitrate: '600k' }), { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), (seconds + 15) * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function playlistOf(streamsDir: string, eventId: string): Promise<PlaylistInfo | null> {
  return readPlaylist(path.join(streamsDir, eventId, 'index.m3u8'));
}

export async function filesIn(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch(() => []);
}

/** A sender that can vanish mid-stream (SIGKILL: no SRT shutdown, as a lost connection). */
export function sender(srtUrl: string, seconds: number): { drop(): void; done: Promise<PushResult> } {
  const child = spawn('ffmpeg', testSourcePushArgs(srtUrl, { seconds, width: 640, height: 360, bitrate: '600k' }), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timer = setTimeout(() => child.kill('SIGKILL'), (seconds + 15) * 1000);
  const done = new Promise<PushResult>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    }),
  );
  return { drop: () => child.kill('SIGKILL'), done };
}

/** Problems of a media playlist's text: a segment it lists that is not on disk, a tag left hanging at its end, ENDLIST twice or not last. */
export async function playlistProblems(file: string): Promise<string[]> {
  const text = await fs.readFile(file, 'utf8');
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const out: string[] = [];
  const ends = lines.filter((l) => l === '#EXT-X-ENDLIST').length;
  if (ends > 1) out.push(`ENDLIST ${ends} times`);
  if (ends === 1 && lines.at(-1) !== '#EXT-X-ENDLIST') out.push('ENDLIST not last');
  const last = lines.filter((l) => l !== '#EXT-X-ENDLIST').at(-1) ?? '';
  if (last.startsWith('#')) out.push(`ends with ${last}`);
  for (const l of lines) {
    if (l.startsWith('#')) continue;
    const st = await fs.stat(path.join(path.dirname(file), l)).catch(() => null);
    if (!st || st.size === 0) out.push(`${l} missing`);
  }
  return out;
}
