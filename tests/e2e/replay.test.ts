// Replay with its conversation in real Chromium: an ended event broadcast from the test pattern
// (its recording's segments carry program date-times) and its stored Q&A. The recording plays
// and its time advances; a comment appears once the recording reaches the moment it was
// written; a question answered on air is a chapter, and clicking it seeks to the answer.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import type { ProgrammeView } from '../../shared/programme/views.ts';
import type { BroadcastInfo } from '../../server/stream/streamHall.ts';
import { readPlaylist } from '../../server/stream/playlist.ts';
import { call } from '../fixtures/cabinet.ts';
import { push, srtPortBase, waitFor } from '../stream/streamDriver.ts';
import { demoCookie, useBrowserSuite } from './harness.ts';

let cookie = '';
let eventId = '';

// As bootServer, plus SRT ports of this test's own; the fair clock on day 2 of the sample.
const suite = useBrowserSuite(() => ({
  fairClockOffsetMs: Date.parse('2026-04-15T12:10:00+03:00') - Date.now(),
  config: { watchLevels: false, watchProgramme: false, streamSrtPortBase: srtPortBase() },
}));
beforeAll(async () => {
  cookie = await demoCookie(suite.url, 'moderator');
});

const videoTime = (page: Page) => page.evaluate(() => document.querySelector<HTMLVideoElement>('.player video')?.currentTime ?? 0);
const commentShown = (page: Page, text: string) => page.locator('.replay-comments li', { hasText: text }).count().then((n) => n > 0);

describe('replay with its conversation', () => {
  it('plays the recording with its chat and questions as they happened', async () => {
    const programme = (await (await fetch(suite.url + API.programme)).json()) as ProgrammeView;
    eventId = programme.events.find((e) => e.state === 'ended' && !e.recording && e.source?.kind === 'stage')!.id;
    // The broadcast: 14 s of test pattern, then "end".
    const b = (await call(suite.url, 'POST', apiPath(API.broadcastLive, { eventId }), { cookie })).json as BroadcastInfo;
    expect((await push(b.ingest.url, 14)).code).toBe(0);
    expect(((await call(suite.url, 'POST', apiPath(API.broadcastEnd, { eventId }), { cookie })).json as BroadcastInfo).recordingReady).toBe(true);
    const recording = (await readPlaylist(path.join(suite.server.dataDir, 'streams', eventId, 'index.m3u8')))!;
    const t0 = recording.segments[0]!.programDateTime!;
    expect(t0).toBeGreaterThan(0);

    // Its Q&A, as the room stored it: one question answered on air at 8 s, one anonymous, one
    // never approved; comments at 4 s and 10 s into the broadcast.
    const q = { askerRef: 'r1', name: 'Аня', anonymous: false, pinnedAt: null, answer: null, mergedInto: null, merged: 0 } as const;
    await suite.server.storage.addQaQuestion({ ...q, eventId, text: 'Когда подавать документы?', status: 'approved', askedAt: t0 + 1000, answeredAt: t0 + 8000 });
    await suite.server.storage.addQaQuestion({ ...q, eventId, text: 'Есть ли общежитие?', name: null, anonymous: true, askerRef: 'r2', status: 'approved', askedAt: t0 + 2000, answeredAt: null });
    await suite.server.storage.addQaQuestion({ ...q, eventId, text: 'Не одобренный вопрос', status: 'pending', askedAt: t0 + 500, answeredAt: null });
    await suite.server.storage.addQaComment({ eventId, author: { kind: 'visitor', name: 'Петя' }, text: 'Привет на четвёртой секунде', at: t0 + 4000, authorRef: 'r3' });
    await suite.server.storage.addQaComment({ eventId, author: { kind: 'moderator', name: 'Модератор' }, text: 'Ответ на десятой секунде', at: t0 + 10_000, accountId: 'm' });

    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => console.error('[page error]', e.message));
    await page.goto(`${suite.url}/programme/${eventId}#recording`);
    await page.locator('.player[data-mode="recording"]').waitFor({ timeout: 30_000 });
    await page.locator('.replay[data-replay="ready"]').waitFor({ timeout: 10_000 });
    const chapter = page.locator('.replay-chapters button');
    await chapter.first().waitFor({ timeout: 10_000 });
    expect(await chapter.count()).toBe(1);
    expect(await chapter.textContent()).toContain('0:08');
    expect(await chapter.textContent()).toContain('Когда подавать документы?');
    expect(await page.locator('.replay').textContent()).not.toContain('Не одобренный вопрос');
    expect(await commentShown(page, 'четвёртой')).toBe(false);

    // Plays, and the comment of second 4 shows once the recording gets there (not before).
    await page.locator('.player-play').click();
    const t1 = await waitFor('playback', async () => ((await videoTime(page)) > 0.5 ? videoTime(page) : null), 20_000);
    if (t1 < 3) expect(await commentShown(page, 'четвёртой')).toBe(false);
    await waitFor('the comment of second 4', async () => commentShown(page, 'четвёртой'), 20_000);
    expect(await videoTime(page)).toBeGreaterThanOrEqual(3.9);
    expect(await commentShown(page, 'десятой')).toBe(false);
    // The anonymous question shows without a name.
    expect(await page.locator('.replay-questions li', { hasText: 'общежитие' }).textContent()).toMatch(/Аноним|Anonymous/);
    await page.screenshot({ path: '/tmp/s2-replay.png', fullPage: false });

    // The chapter seeks to the answer; the moment is marked current.
    await chapter.click();
    await waitFor('seek to the chapter', async () => {
      const t = await videoTime(page);
      return t >= 7.5 && t < 10;
    }, 10_000);
    await waitFor('the chapter current', async () => (await chapter.getAttribute('aria-current')) === 'true', 10_000);
    await waitFor('the comment of second 10', async () => commentShown(page, 'десятой'), 20_000);
    expect(await page.locator('.replay-questions li', { hasText: 'документы' }).locator('.replay-badge').count()).toBe(1);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.replay').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/s2-replay-phone.png', fullPage: false });
    await page.close();
  });
});
