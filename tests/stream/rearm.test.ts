// A stage that was live when the server stopped is armed again when it starts: its listener
// takes the sender back and the same recording continues; an event that was ended stays
// ended with its recording. Both after a clean stop (ffmpeg had ended the playlist) and after
// a kill -9 (the playlist was left open and must not be closed as a recording).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import type { BroadcastInfo } from '../../server/stream/streamHall.ts';
import { type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';
import { playlistOf, playlistProblems, push, srtPortBase, waitFor } from './streamDriver.ts';

const EVENT = 'cont-d1-upbringing-1'; // stage "studio"
const OTHER = 'main-d1-edtech-startups-2'; // stage "hall-5"

let server: TestServer | undefined;
const dirs: string[] = [];

async function boot(dataDir: string): Promise<TestServer> {
  server = await bootTestServer({ dataDir, streamSrtPortBase: srtPortBase(), watchProgramme: false });
  return server;
}
async function stop(): Promise<void> {
  await server?.close();
  server = undefined;
}
async function tempDir(): Promise<string> {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), 'stream-rearm-'));
  dirs.push(d);
  return d;
}
const broadcast = async (s: TestServer, cookie: string, eventId: string) =>
  (await call(s.url, 'GET', apiPath(API.broadcastEvent, { eventId }), { cookie })).json as BroadcastInfo;
const post = async (s: TestServer, cookie: string, route: string, eventId: string) => {
  const res = await call(s.url, 'POST', apiPath(route, { eventId }), { cookie });
  expect(res.status, res.text).toBe(200);
  return res.json as BroadcastInfo;
};

afterEach(stop);
afterAll(async () => {
  for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
});

describe('stages after a server restart', () => {
  it('arms a live stage again and keeps an ended event ended', async () => {
    const dataDir = await tempDir();
    const streamsDir = path.join(dataDir, 'streams');
    let s = await boot(dataDir);
    let mod = await login(s.url, 'mod');
    // OTHER: broadcast and ended. EVENT: live when the server stops.
    const other = await post(s, mod, API.broadcastLive, OTHER);
    expect((await push(other.ingest.url, 3)).code).toBe(0);
    expect((await post(s, mod, API.broadcastEnd, OTHER)).recordingReady).toBe(true);
    const b = await post(s, mod, API.broadcastLive, EVENT);
    expect((await push(b.ingest.url, 4)).code).toBe(0);
    const before = await waitFor('segments', async () => ((await playlistOf(streamsDir, EVENT))?.segments.length ?? 0) >= 2);
    expect(before).toBe(true);
    const segmentsBefore = (await playlistOf(streamsDir, EVENT))!.segments.length;
    await stop();

    s = await boot(dataDir);
    mod = await login(s.url, 'mod');
    const back = await broadcast(s, mod, EVENT);
    expect(back.state).toBe('waiting');
    expect(back.recordingReady).toBe(false);
    expect(back.ingest.url).toBe(b.ingest.url);
    // Players keep asking for more: the stop's ENDLIST is taken back.
    expect((await playlistOf(streamsDir, EVENT))?.ended).toBe(false);
    const otherBack = await broadcast(s, mod, OTHER);
    expect(otherBack).toMatchObject({ state: 'off', recordingReady: true });
    expect((await playlistOf(streamsDir, OTHER))?.ended).toBe(true);

    // The re-armed listener takes the sender; the recording continues.
    const again = push(b.ingest.url, 4);
    await waitFor('more segments', async () => ((await playlistOf(streamsDir, EVENT))?.segments.length ?? 0) > segmentsBefore, 20_000);
    expect((await again).code).toBe(0);
    expect((await post(s, mod, API.broadcastEnd, EVENT)).recordingReady).toBe(true);
    expect((await playlistOf(streamsDir, EVENT))?.ended).toBe(true);
    expect(await playlistProblems(path.join(streamsDir, EVENT, 'index.m3u8'))).toEqual([]);
    await stop();

    // Ended is ended: the next start arms nothing.
    s = await boot(dataDir);
    mod = await login(s.url, 'mod');
    expect(await broadcast(s, mod, EVENT)).toMatchObject({ state: 'off', recordingReady: true });
    expect(s.stream.hall.stages().every((st) => st.state === 'off')).toBe(true);
  });

  it('after a kill -9 leaves a live stage’s playlist open and continues it', async () => {
    const dataDir = await tempDir();
    const dir = path.join(dataDir, 'streams', EVENT);
    // What a killed server leaves: the stage's marker and a playlist ffmpeg had not ended.
    await fs.mkdir(dir, { recursive: true });
    await fs.mkdir(path.join(dataDir, 'streams', '.live'), { recursive: true });
    await fs.writeFile(path.join(dataDir, 'streams', '.live', 'studio'), EVENT);
    const pdt = new Date(Date.now() - 120_000).toISOString().replace('Z', '+0000');
    await fs.writeFile(
      path.join(dir, 'index.m3u8'),
      ['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-TARGETDURATION:2', '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:EVENT', '#EXTINF:2.000000,', `#EXT-X-PROGRAM-DATE-TIME:${pdt}`, 'seg-00000.ts', ''].join('\n'),
    );
    await fs.writeFile(path.join(dir, 'seg-00000.ts'), Buffer.alloc(188 * 10, 0x47));
    const s = await boot(dataDir);
    const mod = await login(s.url, 'mod');
    const b = await broadcast(s, mod, EVENT);
    expect(b).toMatchObject({ state: 'waiting', recordingReady: false });
    expect((await playlistOf(path.join(dataDir, 'streams'), EVENT))?.ended).toBe(false);
    const sending = push(b.ingest.url, 4);
    const grown = await waitFor('appended segments', async () => {
      const p = await playlistOf(path.join(dataDir, 'streams'), EVENT);
      return p && p.segments.length >= 2 ? p : null;
    }, 20_000);
    expect(grown.segments[0]?.uri).toBe('seg-00000.ts');
    await sending;
    expect((await post(s, mod, API.broadcastEnd, EVENT)).recordingReady).toBe(true);
  });
});
