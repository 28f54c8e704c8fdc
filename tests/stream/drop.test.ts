// A sender that drops mid-broadcast (its connection gone, no goodbye): ffmpeg notices, ends its
// playlist and exits. While the stage stays live the server takes that ENDLIST back, so players
// keep asking for more and the restarted ffmpeg continues the same recording when the sender
// returns (after a DISCONTINUITY, later program date-times). Only "end" closes it, once, with
// a tail that lists only segments on disk.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import type { BroadcastInfo } from '../../server/stream/streamHall.ts';
import { type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';
import { playlistOf, playlistProblems, push, sender, srtPortBase, waitFor } from './streamDriver.ts';

const EVENT = 'cont-d1-upbringing-1'; // stage "studio"
let server: TestServer;
let mod = '';
let file = '';

const status = async () => (await call(server.url, 'GET', apiPath(API.streamStatus, { eventId: EVENT }))).json as { state: string; recordingReady: boolean };

beforeAll(async () => {
  server = await bootTestServer({ streamSrtPortBase: srtPortBase(), watchProgramme: false });
  mod = await login(server.url, 'mod');
  file = path.join(server.dataDir, 'streams', EVENT, 'index.m3u8');
});
afterAll(async () => {
  await server?.close();
});

describe('a sender that drops', () => {
  it('leaves the playlist open while live, continues it on return, and "end" closes it cleanly', async () => {
    const b = (await call(server.url, 'POST', apiPath(API.broadcastLive, { eventId: EVENT }), { cookie: mod })).json as BroadcastInfo;
    const first = sender(b.ingest.url, 60);
    const before = await waitFor('two segments', async () => {
      const p = await playlistOf(path.dirname(path.dirname(file)), EVENT);
      return p && p.segments.length >= 2 ? p : null;
    });
    first.drop();
    await first.done;
    // ffmpeg learns of the loss by SRT's idle timeout (~5 s), then exits and is started again.
    const proc = server.stream.hall.processOf('studio')!;
    await waitFor('ffmpeg restarted after the drop', async () => proc.restarts >= 1 && proc.status === 'waiting', 20_000);
    const gap = (await playlistOf(path.dirname(path.dirname(file)), EVENT))!;
    expect(gap.ended).toBe(false);
    expect(gap.segments.length).toBeGreaterThanOrEqual(before.segments.length);
    expect(await playlistProblems(file)).toEqual([]);
    expect(await status()).toMatchObject({ state: 'waiting', recordingReady: false });
    const log = (await call(server.url, 'GET', apiPath(API.broadcastLogs, { eventId: EVENT }), { cookie: mod })).json as { lines: string[] };
    expect(log.lines.join('\n')).toContain('playlist kept open');

    // The sender is back: the same recording grows.
    const again = push(b.ingest.url, 4);
    const grown = await waitFor('segments after the return', async () => {
      const p = await playlistOf(path.dirname(path.dirname(file)), EVENT);
      return p && p.segments.length >= gap.segments.length + 1 ? p : null;
    });
    const lastBefore = gap.segments.at(-1)!;
    const firstAfter = grown.segments[gap.segments.length]!;
    expect(firstAfter.programDateTime!).toBeGreaterThan(lastBefore.programDateTime! + lastBefore.duration * 1000);
    const text = await fs.readFile(file, 'utf8');
    const lines = text.split('\n');
    expect(lines[lines.indexOf(firstAfter.uri) - 3]).toBe('#EXT-X-DISCONTINUITY');
    expect((await again).code).toBe(0);

    const end = (await call(server.url, 'POST', apiPath(API.broadcastEnd, { eventId: EVENT }), { cookie: mod })).json as BroadcastInfo;
    expect(end.recordingReady).toBe(true);
    const closed = (await playlistOf(path.dirname(path.dirname(file)), EVENT))!;
    expect(closed.ended).toBe(true);
    expect(closed.segments.length).toBeGreaterThanOrEqual(grown.segments.length);
    expect(await playlistProblems(file)).toEqual([]);
    expect(await status()).toMatchObject({ state: 'off', recordingReady: true });
  });
});
