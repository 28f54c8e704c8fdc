// Taking back the ENDLIST ffmpeg writes when a sender drops, and putting it on at "end": each
// leaves the segments as they were, and either is a no-op when there is nothing to do.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closePlaylist, parsePlaylist, reopenPlaylist } from '../../server/stream/playlist.ts';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'playlist-reopen-'));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const ENDED = [
  '#EXTM3U',
  '#EXT-X-VERSION:6',
  '#EXT-X-TARGETDURATION:2',
  '#EXT-X-PLAYLIST-TYPE:EVENT',
  '#EXTINF:2.000000,',
  '#EXT-X-PROGRAM-DATE-TIME:2026-12-01T10:00:00.000+0000',
  'seg-00000.ts',
  '#EXTINF:0.933333,',
  '#EXT-X-PROGRAM-DATE-TIME:2026-12-01T10:00:02.000+0000',
  'seg-00001.ts',
  '#EXT-X-ENDLIST',
  '',
].join('\n');

describe('reopenPlaylist', () => {
  it('takes ENDLIST back and keeps every segment; closePlaylist puts it on once', async () => {
    const file = path.join(dir, 'index.m3u8');
    await fs.writeFile(file, ENDED);
    expect(await reopenPlaylist(file)).toBe(true);
    const open = await fs.readFile(file, 'utf8');
    expect(open).not.toContain('ENDLIST');
    expect(parsePlaylist(open).segments).toEqual(parsePlaylist(ENDED).segments);
    expect(await reopenPlaylist(file)).toBe(false);
    expect(await closePlaylist(file)).toBe(true);
    expect(await closePlaylist(file)).toBe(true);
    const closed = await fs.readFile(file, 'utf8');
    expect(closed.match(/#EXT-X-ENDLIST/g)).toHaveLength(1);
    expect(closed.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['index.m3u8']);
  });

  it('does nothing without a playlist', async () => {
    expect(await reopenPlaylist(path.join(dir, 'none.m3u8'))).toBe(false);
  });
});
