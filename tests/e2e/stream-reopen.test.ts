// A live viewer's player when the sender drops: ffmpeg ends the playlist (ENDLIST) as it exits,
// a player that read it in that moment takes the stream for a finished recording, and hls.js
// asks no more. The server takes the ENDLIST back while the stage stays live; the player looks
// again, picks the stream up and keeps playing once the sender is back.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import type { ProgrammeView } from '../../shared/programme/views.ts';
import type { BroadcastInfo } from '../../server/stream/streamHall.ts';
import { call } from '../fixtures/cabinet.ts';
import { sender, srtPortBase, waitFor } from '../stream/streamDriver.ts';
import { demoCookie, useBrowserSuite } from './harness.ts';

let cookie = '';
const senders: { drop(): void }[] = [];

// As bootServer, plus SRT ports of this test's own; the fair clock on day 2 of the sample.
const suite = useBrowserSuite(() => ({
  fairClockOffsetMs: Date.parse('2026-04-15T12:10:00+03:00') - Date.now(),
  config: { watchLevels: false, watchProgramme: false, streamSrtPortBase: srtPortBase() },
}));
beforeAll(async () => {
  cookie = await demoCookie(suite.url, 'moderator');
});
// Registered after the suite: the senders stop before the server does.
afterAll(() => {
  for (const s of senders) s.drop();
});

const videoTime = (page: Page) => page.evaluate(() => document.querySelector<HTMLVideoElement>('.player video')?.currentTime ?? 0);
const mode = (page: Page) => page.locator('.player').getAttribute('data-mode');

describe('a live player when the sender drops', () => {
  it('picks the stream up again once the server has reopened the playlist', async () => {
    const programme = (await (await fetch(suite.url + API.programme)).json()) as ProgrammeView;
    const eventId = programme.events.find((e) => e.state === 'live' && e.source?.kind === 'stage')!.id;
    const b = (await call(suite.url, 'POST', apiPath(API.broadcastLive, { eventId }), { cookie })).json as BroadcastInfo;
    const first = sender(b.ingest.url, 60);
    senders.push(first);
    const page = await suite.browser.newPage();
    page.on('pageerror', (e) => console.error('[page error]', e.message));
    await page.goto(`${suite.url}/programme/${eventId}`);
    await page.locator('.player[data-mode="live"]').waitFor({ timeout: 30_000 });
    const autoplayed = await waitFor('autoplay', async () => !(await page.evaluate(() => document.querySelector('video')!.paused)), 5_000).catch(() => false);
    if (!autoplayed) await page.locator('.player-play').click();
    await waitFor('live playback', async () => (await videoTime(page)) > 1, 20_000);

    first.drop();
    // What the player reads in the moment ffmpeg ends the playlist on its way out (written once
    // ffmpeg has flushed what was in flight; it writes nothing more until it exits).
    await new Promise((r) => setTimeout(r, 1000));
    const file = path.join(suite.server.dataDir, 'streams', eventId, 'index.m3u8');
    await fs.writeFile(`${file}.test`, `${await fs.readFile(file, 'utf8')}#EXT-X-ENDLIST\n`);
    await fs.rename(`${file}.test`, file);
    await waitFor('the player taking it for a recording', async () => (await mode(page)) === 'recording', 15_000);
    // ffmpeg notices the loss (SRT idle timeout), exits and is started again; the server reopens.
    await waitFor('ffmpeg restarted', async () => (suite.server.stream.hall.processOf(b.stage)?.restarts ?? 0) >= 1, 20_000);
    expect(await fs.readFile(file, 'utf8')).not.toContain('#EXT-X-ENDLIST');

    const back = sender(b.ingest.url, 30);
    senders.push(back);
    await waitFor('live again', async () => (await mode(page)) === 'live', 30_000);
    const t = await waitFor('playing again', async () => {
      const playing = !(await page.evaluate(() => document.querySelector('video')!.paused));
      return playing ? videoTime(page) : null;
    }, 20_000);
    await waitFor('time advancing', async () => (await videoTime(page)) > t + 1, 20_000);
    back.drop();
    await page.close();
  });
});
