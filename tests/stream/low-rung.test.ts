// With STREAM_LOW_RUNG=360p a stage writes two renditions under one master playlist: the
// copied stream (src/) and a 360p transcode (low/), both closed by "end".
import fs from 'node:fs/promises';
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
    // The server's master: measured rates (the copied stream's is not its audio's alone) and probed codecs.
    const text = await fs.readFile(path.join(dir, 'index.m3u8'), 'utf8');
    const inf = text.split('\n').filter((l) => l.startsWith('#EXT-X-STREAM-INF:'));
    expect(inf).toHaveLength(2);
    for (const line of inf) {
      expect(Number(/BANDWIDTH=(\d+)/.exec(line)?.[1])).toBeGreaterThan(300_000);
      expect(line).toMatch(/AVERAGE-BANDWIDTH=\d+/);
      expect(line).toContain('RESOLUTION=640x360');
      expect(line).toMatch(/CODECS="avc1\.[0-9a-f]{6},mp4a\.40\.2"/);
    }
    const res = await fetch(`${server.url}/streams/${EVENT}/low/index.m3u8`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });
});
