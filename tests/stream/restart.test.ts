// A server killed with -9 leaves two things behind: playlists without ENDLIST and ffmpeg
// listeners that live on and hold the SRT ports. The next start closes the playlists (what
// was received is the recording) and ends those listeners, and only those.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import type { EventPageView } from '../../shared/programme/views.ts';
import { readPlaylist } from '../../server/stream/playlist.ts';
import { type TestServer, bootTestServer, call } from '../fixtures/cabinet.ts';
import { srtPortBase } from './streamDriver.ts';

const EVENT = 'cont-d1-upbringing-1';
const OPEN_PLAYLIST = [
  '#EXTM3U',
  '#EXT-X-VERSION:6',
  '#EXT-X-TARGETDURATION:2',
  '#EXT-X-MEDIA-SEQUENCE:0',
  '#EXT-X-PLAYLIST-TYPE:EVENT',
  '#EXTINF:2.000000,',
  '#EXT-X-PROGRAM-DATE-TIME:2026-12-01T10:00:00.000+0000',
  'seg-00000.ts',
  '#EXTINF:2.000000,',
  '#EXT-X-PROGRAM-DATE-TIME:2026-12-01T10:00:02.000+0000',
  'seg-00001.ts',
  '',
].join('\n');

let server: TestServer | undefined;
let dataDir = '';
afterAll(async () => {
  await server?.close();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

describe('stream hall after a crash of the server', () => {
  it('closes open playlists as recordings and ends orphaned ffmpeg listeners', async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'stream-restart-'));
    const dir = path.join(dataDir, 'streams', EVENT);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'index.m3u8'), OPEN_PLAYLIST);
    // The orphan: an SRT listener as the dead server started it, and its pid file.
    const port = srtPortBase() + 9;
    const orphan = spawn('ffmpeg', ['-hide_banner', '-nostdin', '-i', `srt://127.0.0.1:${port}?mode=listener&passphrase=orphan-passphrase-1234`, '-f', 'null', '-'], { stdio: 'ignore' });
    const gone = new Promise<NodeJS.Signals | null>((r) => orphan.on('close', (_code, signal) => r(signal)));
    await new Promise((r) => setTimeout(r, 300));
    await fs.mkdir(path.join(dataDir, 'streams', '.pids'), { recursive: true });
    await fs.writeFile(path.join(dataDir, 'streams', '.pids', 'studio.pid'), String(orphan.pid));
    // A pid file naming some other process is left alone.
    await fs.writeFile(path.join(dataDir, 'streams', '.pids', 'hall-1.pid'), String(process.pid));

    server = await bootTestServer({ dataDir, streamSrtPortBase: srtPortBase(), watchProgramme: false });
    expect(await gone).toBe('SIGKILL');
    const closed = await readPlaylist(path.join(dir, 'index.m3u8'));
    expect(closed?.ended).toBe(true);
    expect(closed?.segments).toHaveLength(2);
    const page = (await call(server.url, 'GET', apiPath(API.programmeEvent, { eventId: EVENT }))).json as EventPageView;
    expect(page.event.state).toBe('recording-ready');
    expect(page.event.recording?.media).toEqual({ kind: 'stage', stage: 'studio' });
  });
});
