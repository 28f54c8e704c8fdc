// With STREAM_LOW_RUNG=360p a stage writes two renditions under one master playlist: the
// copied stream (src/) and a 360p transcode (low/), both closed by "end".
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import { readPlaylist } from '../../server/stream/playlist.ts';
import type { BroadcastInfo } from '../../server/stream/streamHall.ts';
import { type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';
import { push, srtPortBase, waitFor } from './streamDriver.ts';

const EVENT = 'cont-d1-upbringing-1';
let server: TestServer;
let mod = '';

beforeAll(async () => {
  server = await bootTestServer({ streamSrtPortBase: srtPortBase(), streamLowRung: '360p', watchProgramme: false });
  mod = await login(server.url, 'mod');
});
afterAll(async () => {
  await server?.close();
});

describe('the low rung', () => {
  it('writes a master playlist over the copied stream and a 360p rendition', async () => {
    const b = (await call(server.url, 'POST', apiPath(API.broadcastLive, { eventId: EVENT }), { cookie: mod })).json as BroadcastInfo;
    const dir = path.join(server.dataDir, 'streams', EVENT);
    const sending = push(b.ingest.url, 6);
    const master = await waitFor('the master playlist', async () => {
      const p = await readPlaylist(path.join(dir, 'index.m3u8'));
      return p && p.variants.length === 2 ? p : null;
    });
    expect(master.variants).toEqual(['src/index.m3u8', 'low/index.m3u8']);
    await waitFor('segments in both', async () => ((await readPlaylist(path.join(dir, 'low/index.m3u8')))?.segments.length ?? 0) >= 1);
    await sending;
    const ended = (await call(server.url, 'POST', apiPath(API.broadcastEnd, { eventId: EVENT }), { cookie: mod })).json as BroadcastInfo;
    expect(ended.recordingReady).toBe(true);
    for (const rel of ['src/index.m3u8', 'low/index.m3u8']) expect((await readPlaylist(path.join(dir, rel)))?.ended, rel).toBe(true);
    const res = await fetch(`${server.url}/streams/${EVENT}/low/index.m3u8`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });
});
