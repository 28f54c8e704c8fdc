// The stream hall's ingest on a real server with real ffmpeg: a sender with the stage's key
// fills an event-type HLS playlist (segments with PROGRAM-DATE-TIME); a wrong key is refused
// and writes nothing; a killed ffmpeg comes back; "end" closes the playlist (ENDLIST) and the
// programme shows the event's recording as ready. Only organisers and moderators see keys.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import type { EventPageView } from '../../shared/programme/views.ts';
import type { BroadcastInfo } from '../../server/stream/streamHall.ts';
import { type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';
import { filesIn, playlistOf, push, srtPortBase, waitFor } from './streamDriver.ts';

// Sample events broadcast from our stages, without a recording in their programme files.
const EVENT = 'cont-d1-upbringing-1'; // stage "studio"
const OTHER = 'main-d1-edtech-startups-2'; // stage "hall-5"
const THIRD = 'cont-d3-university-project-1'; // stage "studio" again

let server: TestServer;
let mod = '';
let streamsDir = '';

const broadcast = async (eventId: string) => (await call(server.url, 'GET', apiPath(API.broadcastEvent, { eventId }), { cookie: mod })).json as BroadcastInfo;

beforeAll(async () => {
  server = await bootTestServer({ streamSrtPortBase: srtPortBase(), watchProgramme: false });
  streamsDir = path.join(server.dataDir, 'streams');
  mod = await login(server.url, 'mod');
});
afterAll(async () => {
  await server?.close();
});

describe('broadcast API access', () => {
  it('shows stream keys to moderators and organisers only', async () => {
    const url = apiPath(API.broadcastEvent, { eventId: EVENT });
    expect((await call(server.url, 'GET', url)).status).toBe(401);
    expect((await call(server.url, 'GET', url, { cookie: await login(server.url, 'alpha') })).status).toBe(403);
    const org = await call(server.url, 'GET', url, { cookie: await login(server.url, 'org') });
    expect(org.status).toBe(200);
    const b = org.json as BroadcastInfo;
    expect(b).toMatchObject({ stage: 'studio', state: 'off', recordingReady: false });
    expect(b.ingest.passphrase).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(b.ingest.url).toContain(`passphrase=${b.ingest.passphrase}`);
    // The public status says nothing secret.
    const pub = await call(server.url, 'GET', apiPath(API.streamStatus, { eventId: EVENT }));
    expect(pub.status).toBe(200);
    expect(pub.text).not.toContain(b.ingest.passphrase);
    // Going live is a moderator's act, and refused for events that are not on our stages.
    expect((await call(server.url, 'POST', apiPath(API.broadcastLive, { eventId: EVENT }))).status).toBe(401);
    expect((await call(server.url, 'POST', apiPath(API.broadcastLive, { eventId: 'no-such-event' }), { cookie: mod })).status).toBe(404);
  });
});

describe('SRT ingest into HLS', () => {
  it('fills the playlist from a sender with the right key, with program date-times', async () => {
    const live = await call(server.url, 'POST', apiPath(API.broadcastLive, { eventId: EVENT }), { cookie: mod });
    expect(live.status).toBe(200);
    const b = live.json as BroadcastInfo;
    expect(b.state).toBe('waiting');
    // The same stage cannot broadcast two events at once.
    const busy = await call(server.url, 'POST', apiPath(API.broadcastLive, { eventId: THIRD }), { cookie: mod });
    expect(busy.status).toBe(409);
    expect((busy.json as { error: string }).error).toContain(EVENT);

    const sending = push(b.ingest.url.replace(b.ingest.host, '127.0.0.1'), 7);
    const grown = await waitFor('two segments', async () => {
      const p = await playlistOf(streamsDir, EVENT);
      return p && p.segments.length >= 2 ? p : null;
    });
    expect(grown.ended).toBe(false);
    for (const s of grown.segments) expect(s.programDateTime).toBeGreaterThan(Date.now() - 60_000);
    const during = await broadcast(EVENT);
    expect(during.state).toBe('receiving');
    expect(during.stats?.video).toMatchObject({ codec: 'h264', width: 640, height: 360 });
    expect(during.stats?.bitrate).toBeGreaterThan(100_000);
    expect((await sending).code).toBe(0);
  });

  it('refuses a sender with a wrong key, and nothing is written', async () => {
    const b = (await call(server.url, 'POST', apiPath(API.broadcastLive, { eventId: OTHER }), { cookie: mod })).json as BroadcastInfo;
    const wrong = b.ingest.url.replace(b.ingest.host, '127.0.0.1').replace(b.ingest.passphrase, 'not-the-key-of-this-stage');
    const result = await push(wrong, 3);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Input\/output error|rejected|passphrase/i);
    expect(await filesIn(path.join(streamsDir, OTHER))).toEqual([]);
    const after = await broadcast(OTHER);
    expect(after.state).toBe('waiting');
    expect(after.segments).toBe(0);
    const log = (await call(server.url, 'GET', apiPath(API.broadcastLogs, { eventId: OTHER }), { cookie: mod })).json as { lines: string[] };
    expect(log.lines.join('\n')).toMatch(/passphrase|BADSECRET/i);
    await call(server.url, 'POST', apiPath(API.broadcastEnd, { eventId: OTHER }), { cookie: mod });
    expect((await broadcast(OTHER)).recordingReady).toBe(false);
  });

  it('restarts a killed ffmpeg, which takes the sender again', async () => {
    const proc = server.stream.hall.processOf('studio')!;
    const pid = await waitFor('a running ffmpeg', async () => proc.pid);
    process.kill(pid, 'SIGKILL');
    const back = await waitFor('ffmpeg back', async () => (proc.pid && proc.pid !== pid && proc.status === 'waiting' ? proc.pid : null));
    expect(back).not.toBe(pid);
    expect(proc.restarts).toBeGreaterThanOrEqual(1);
    const before = (await playlistOf(streamsDir, EVENT))!.segments.length;
    const b = await broadcast(EVENT);
    const sending = push(b.ingest.url.replace(b.ingest.host, '127.0.0.1'), 5);
    await waitFor('more segments', async () => ((await playlistOf(streamsDir, EVENT))?.segments.length ?? 0) > before);
    await sending;
  });

  it('"end" closes the playlist within seconds and the programme lists the recording', async () => {
    const pageBefore = (await call(server.url, 'GET', apiPath(API.programmeEvent, { eventId: EVENT }))).json as EventPageView;
    expect(pageBefore.event.state).toBe('ended');
    const t0 = Date.now();
    const end = await call(server.url, 'POST', apiPath(API.broadcastEnd, { eventId: EVENT }), { cookie: mod });
    expect(end.status).toBe(200);
    expect((end.json as BroadcastInfo).recordingReady).toBe(true);
    const closed = await playlistOf(streamsDir, EVENT);
    expect(closed?.ended).toBe(true);
    expect(Date.now() - t0).toBeLessThan(10_000);
    const page = (await call(server.url, 'GET', apiPath(API.programmeEvent, { eventId: EVENT }))).json as EventPageView;
    expect(page.event.state).toBe('recording-ready');
    expect(page.event.recordingReadyAt).toBeDefined();
    const all = (await call(server.url, 'GET', API.programme)).json as { events: { id: string; state: string }[] };
    expect(all.events.find((e) => e.id === EVENT)?.state).toBe('recording-ready');
    // The stage is free for the next event.
    expect((await call(server.url, 'POST', apiPath(API.broadcastLive, { eventId: THIRD }), { cookie: mod })).status).toBe(200);
    await call(server.url, 'POST', apiPath(API.broadcastEnd, { eventId: THIRD }), { cookie: mod });
  });
});

describe('HLS files', () => {
  it('serves playlists uncached and segments immutable, with their types', async () => {
    const list = await call(server.url, 'GET', apiPath(API.streamPlaylist, { eventId: EVENT }));
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(list.headers.get('cache-control')).toBe('no-cache');
    expect(list.text).toContain('#EXT-X-ENDLIST');
    const first = list.text.split('\n').find((l) => l.endsWith('.ts'))!;
    const seg = await fetch(`${server.url}/streams/${EVENT}/${first}`);
    expect(seg.status).toBe(200);
    expect(seg.headers.get('content-type')).toBe('video/mp2t');
    expect(seg.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await seg.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('serves nothing else of the data folder', async () => {
    for (const p of [
      '/streams/../stream-secret',
      '/streams/%2e%2e/stream-secret',
      '/streams/..%2fstream-secret',
      `/streams/${EVENT}/index.m3u8.tmp`,
      `/streams/${EVENT}/../../stream-secret`,
      `/streams/${EVENT}/`,
      '/streams/no-such-event/index.m3u8',
    ]) {
      const res = await fetch(server.url + p);
      expect(res.status, p).toBe(404);
      expect(await res.text(), p).not.toMatch(/[A-Za-z0-9_-]{40}/);
    }
  });
});
