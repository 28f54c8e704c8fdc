// The stream player in real Chromium: an event live on the fair clock is broadcast from the
// test pattern over SRT and its page plays it (the video's time advances, marked "live");
// an ended event broadcast and closed ("end") plays from its page as a recording. hls.js plays
// the H.264/AAC the sample source sends (Debian's Chromium has the codecs for MSE).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { API, apiPath } from '../../shared/api.ts';
import type { ProgrammeView } from '../../shared/programme/views.ts';
import type { BroadcastInfo } from '../../server/stream/streamHall.ts';
import { call } from '../fixtures/cabinet.ts';
import { push, srtPortBase, waitFor } from '../stream/streamDriver.ts';
import { demoCookie, useBrowserSuite } from './harness.ts';

let cookie = '';

// As bootServer, plus SRT ports of this test's own; the fair clock on day 2 of the sample.
const suite = useBrowserSuite(() => ({
  fairClockOffsetMs: Date.parse('2026-04-15T12:10:00+03:00') - Date.now(),
  config: { watchLevels: false, watchProgramme: false, streamSrtPortBase: srtPortBase() },
}));
beforeAll(async () => {
  cookie = await demoCookie(suite.url, 'moderator');
});

async function goLive(eventId: string): Promise<BroadcastInfo> {
  const res = await call(suite.url, 'POST', apiPath(API.broadcastLive, { eventId }), { cookie });
  expect(res.status, res.text).toBe(200);
  return res.json as BroadcastInfo;
}

async function videoTime(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector<HTMLVideoElement>('.player video')?.currentTime ?? 0);
}

describe('stream player', () => {
  it('plays a live broadcast and, after "end", a recording', async () => {
    const programme = (await (await fetch(suite.url + API.programme)).json()) as ProgrammeView;
    const live = programme.events.find((e) => e.state === 'live' && e.source?.kind === 'stage')!;
    const ended = programme.events.find(
      (e) => e.state === 'ended' && !e.recording && e.source?.kind === 'stage' && live.source?.kind === 'stage' && e.source.stage !== live.source.stage,
    )!;
    expect(live).toBeDefined();
    expect(ended).toBeDefined();

    // A short recording of the ended event first (it plays from the library afterwards).
    const rec = await goLive(ended.id);
    expect((await push(rec.ingest.url, 5)).code).toBe(0);
    await call(suite.url, 'POST', apiPath(API.broadcastEnd, { eventId: ended.id }), { cookie });

    const b = await goLive(live.id);
    const sending = push(b.ingest.url, 25);
    const page = await suite.browser.newPage();
    page.on('pageerror', (e) => console.error('[page error]', e.message));
    await page.goto(`${suite.url}/programme/${live.id}`);
    await page.locator('.player[data-mode="live"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('.player').getAttribute('data-engine')).toBe('hlsjs');
    // A live event starts by itself where the browser allows it; otherwise the visitor presses play.
    const isPaused = () => page.evaluate(() => document.querySelector<HTMLVideoElement>('.player video')?.paused ?? true);
    const autoplayed = await waitFor('autoplay', async () => !(await isPaused()), 5_000).catch(() => false);
    if (!autoplayed) await page.locator('.player-play').click();
    const t1 = await waitFor('live playback', async () => ((await videoTime(page)) > 0.5 ? videoTime(page) : null), 20_000);
    // It keeps playing as segments arrive (a loaded machine may stall it at the live edge a while).
    await waitFor('live playback advancing', async () => (await videoTime(page)) > t1 + 1, 15_000);
    await page.keyboard.press('Tab');
    await sending;
    await call(suite.url, 'POST', apiPath(API.broadcastEnd, { eventId: live.id }), { cookie });

    await page.goto(`${suite.url}/programme/${ended.id}`);
    await page.locator('.player[data-mode="recording"]').waitFor({ timeout: 20_000 });
    await page.locator('.player-play').click();
    await waitFor('recording playback', async () => (await videoTime(page)) > 1, 20_000);
    await page.close();
  });
});
