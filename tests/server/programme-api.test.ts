// The programme's read API on the real server (127.0.0.1, ephemeral port): the schedule with
// every event's state at the fair clock, event and speaker pages, the clock, 404 for unknown
// ids (including Object.prototype's names), and live reload of edited programme files.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import { eventState, recordingOf } from '../../shared/programme/state.ts';
import type { ClockView, EventPageView, ProgrammeView, SpeakerPageView } from '../../shared/programme/views.ts';
import { type RunningServer, startServer } from '../../server/app.ts';
import { ROOT } from '../../server/config.ts';
import { bootServer } from '../e2e/harness.ts';

async function get<T>(server: { url: string }, urlPath: string): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + urlPath);
  return { status: res.status, body: (await res.json()) as T };
}

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => fs.rm(d, { recursive: true, force: true })));
});

describe('programme API on the sample programme, real time', () => {
  let server: Awaited<ReturnType<typeof bootServer>>;
  beforeAll(async () => {
    server = await bootServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves clusters, events with states and speakers in brief', async () => {
    const { status, body } = await get<ProgrammeView>(server, API.programme);
    expect(status).toBe(200);
    expect(body.clusters).toHaveLength(20);
    expect(body.events.length).toBeGreaterThanOrEqual(200);
    expect(body.clock.offsetMs).toBe(0);
    expect(Math.abs(body.clock.nowMs - Date.now())).toBeLessThan(60_000);
    for (const e of body.events) expect(e.state).toBe(eventState(e, body.clock.nowMs, recordingOf(e)));
    expect(Object.keys(body.speakers[0]!).sort()).toEqual(['affiliation', 'id', 'name', 'photo']);
  });

  it('moves the sample so that a plain start, on any day, has ended, live and upcoming events', async () => {
    // As `npm start` without a FAIR_CLOCK setting configures it.
    const moved = await bootServer({ moveSampleProgramme: true });
    const { body } = await get<ProgrammeView>(moved, API.programme).finally(() => moved.close());
    const count = (s: string) => body.events.filter((e) => e.state === s).length;
    expect(count('live')).toBeGreaterThan(3);
    expect(count('recording-ready')).toBeGreaterThan(10);
    expect(count('upcoming')).toBeGreaterThan(100);
    // Whole half-hours: the sample's quarter-hour starts stay on quarter-hours, in Moscow time.
    for (const e of body.events) expect(e.start).toMatch(/T\d{2}:(00|15|30|45):00\+03:00$/);
  });

  it('serves an event page with its people and what follows in the cluster, and a speaker page', async () => {
    const { body: all } = await get<ProgrammeView>(server, API.programme);
    const first = all.events.find((e) => e.stage === 'main')!;
    const { status, body } = await get<EventPageView>(server, apiPath(API.programmeEvent, { eventId: first.id }));
    expect(status).toBe(200);
    expect(body.event.id).toBe(first.id);
    expect(body.cluster?.id).toBe(first.cluster);
    expect(body.moderator?.id).toBe(first.moderator);
    expect(body.speakers.map((s) => s.id)).toEqual(first.speakers);
    expect(body.speakers[0]!.bio?.ru).toBeTruthy();
    for (const n of body.nextInCluster) {
      expect(n.cluster).toBe(first.cluster);
      expect(Date.parse(n.start)).toBeGreaterThanOrEqual(Date.parse(first.start));
    }
    const sp = await get<SpeakerPageView>(server, apiPath(API.programmeSpeaker, { speakerId: first.moderator! }));
    expect(sp.status).toBe(200);
    expect(sp.body.events.find((e) => e.id === first.id)?.role).toBe('moderator');
    const clock = await get<ClockView>(server, API.programmeClock);
    expect(clock.body).toMatchObject({ offsetMs: 0, timeZone: 'Europe/Moscow' });
  });

  it('answers 404 for unknown ids and for Object.prototype names', async () => {
    for (const id of ['no-such-event', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const ev = await get<{ error: string }>(server, apiPath(API.programmeEvent, { eventId: id }));
      expect(ev.status, id).toBe(404);
      expect(ev.body.error).toContain(id);
      const sp = await get<{ error: string }>(server, apiPath(API.programmeSpeaker, { speakerId: id }));
      expect(sp.status, id).toBe(404);
    }
  });
});

describe('programme API with the fair clock shifted into the fair, and live reload', () => {
  let server: RunningServer;
  let dir = '';
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'programme-api-'));
    temps.push(dir);
    await fs.cp(path.join(ROOT, 'programme'), path.join(dir, 'programme'), { recursive: true });
    const data = path.join(dir, 'data');
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: data,
      levelsDir: path.join(ROOT, 'levels'),
      assetsDir: path.join(ROOT, 'assets'),
      clientDir: path.join(dir, 'client'),
      seedFile: path.join(ROOT, 'assets', 'seed', 'exhibitors.json'),
      quiet: true,
      programmeDir: path.join(dir, 'programme'),
      // As FAIR_CLOCK_START=2026-04-15T12:10:00+03:00 would set it: day 2 of the sample fair.
      fairClockOffsetMs: Date.parse('2026-04-15T12:10:00+03:00') - Date.now(),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('has events live now, some ended with recordings and some upcoming', async () => {
    const { body } = await get<ProgrammeView>(server, API.programme);
    expect(Math.abs(body.clock.nowMs - Date.parse('2026-04-15T09:10:00Z'))).toBeLessThan(60_000);
    const count = (s: string) => body.events.filter((e) => e.state === s).length;
    expect(count('live')).toBeGreaterThan(3);
    expect(count('recording-ready')).toBeGreaterThan(10);
    expect(count('upcoming')).toBeGreaterThan(100);
    const live = body.events.find((e) => e.state === 'live')!;
    expect(Date.parse(live.start)).toBeLessThanOrEqual(body.clock.nowMs);
    expect(Date.parse(live.end)).toBeGreaterThan(body.clock.nowMs);
  });

  it('serves an edit without a restart, and keeps the last good programme while a file is broken', async () => {
    const before = await get<ProgrammeView>(server, API.programme);
    const file = path.join(dir, 'programme', 'events', 'main-2.json');
    const text = await fs.readFile(file, 'utf8');
    const first = before.body.events.find((e) => e.start.startsWith('2026-04-15'))!;
    const edited = text.replace(`"title": { "ru": ${JSON.stringify(first.title.ru)} }`, '"title": { "ru": "Новое название" }');
    expect(edited).not.toBe(text);
    await fs.writeFile(file, edited);
    await waitFor(async () => (await get<ProgrammeView>(server, API.programme)).body.revision > before.body.revision);
    const after = await get<EventPageView>(server, apiPath(API.programmeEvent, { eventId: first.id }));
    expect(after.body.event.title.ru).toBe('Новое название');

    await fs.writeFile(file, edited.replace(`"moderator": "${first.moderator}"`, `"moderator": "${first.moderator}x"`));
    await waitFor(async () => (await get<{ problems: string[] }>(server, API.programmeProblems)).body.problems.length > 0);
    const problems = (await get<{ problems: string[] }>(server, API.programmeProblems)).body.problems;
    expect(problems[0]).toMatch(
      new RegExp(`^programme/events/main-2\\.json:\\d+:\\d+ events\\[\\d+\\]\\.moderator: "${first.moderator}x" is not a speaker in speakers\\.json \\(did you mean "${first.moderator}"\\?\\)$`),
    );
    const still = await get<EventPageView>(server, apiPath(API.programmeEvent, { eventId: first.id }));
    expect(still.body.event.moderator).toBe(first.moderator);
    expect(still.body.event.title.ru).toBe('Новое название');
  });
});

async function waitFor(probe: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
