// The replay API of an ended event's Q&A: approved questions only (anonymous ones without a
// name, nobody's ref), comments not deleted, oldest first; refused for events still upcoming or
// live (their Q&A is the room's) and for unknown ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import type { ProgrammeView } from '../../shared/programme/views.ts';
import { ReplayConversation } from '../../shared/replay.ts';
import type { NewQuestion } from '../../server/storage/qaStore.ts';
import { type TestServer, bootTestServer, call } from '../fixtures/cabinet.ts';

let server: TestServer;
let ended = '';
let live = '';
const T0 = Date.parse('2026-04-15T09:00:00Z');

const question = (eventId: string, patch: Partial<NewQuestion>): NewQuestion => ({
  eventId,
  askerRef: 'ref-secret-1',
  text: 'Как поступить?',
  name: 'Аня',
  anonymous: false,
  status: 'approved',
  pinnedAt: null,
  askedAt: T0,
  answeredAt: null,
  answer: null,
  mergedInto: null,
  merged: 0,
  ...patch,
});

beforeAll(async () => {
  server = await bootTestServer({ watchProgramme: false, fairClockOffsetMs: Date.parse('2026-04-15T12:10:00+03:00') - Date.now() });
  const programme = (await call(server.url, 'GET', API.programme)).json as ProgrammeView;
  ended = programme.events.find((e) => e.state === 'ended' || e.state === 'recording-ready')!.id;
  live = programme.events.find((e) => e.state === 'live')!.id;
  const s = server.storage;
  await s.addQaQuestion(question(ended, { text: 'second', askedAt: T0 + 5000, answeredAt: T0 + 9000 }));
  await s.addQaQuestion(question(ended, { text: 'anon', anonymous: true, name: null, askedAt: T0 + 1000, askerRef: 'ref-secret-2' }));
  await s.addQaQuestion(question(ended, { text: 'pending', status: 'pending' }));
  await s.addQaQuestion(question(ended, { text: 'rejected', status: 'rejected' }));
  await s.addQaQuestion(question(ended, { text: 'merged', status: 'merged', mergedInto: 1 }));
  const c1 = await s.addQaComment({ eventId: ended, author: { kind: 'visitor', name: 'Петя' }, text: 'later', at: T0 + 3000, authorRef: 'ref-secret-3' });
  await s.addQaComment({ eventId: ended, author: { kind: 'moderator', name: 'Модератор' }, text: 'earlier', at: T0 + 2000, accountId: 'acc-1' });
  const gone = await s.addQaComment({ eventId: ended, author: { kind: 'visitor', name: 'Петя' }, text: 'rude', at: T0 + 2500, authorRef: 'ref-secret-3' });
  await s.deleteQaComment(ended, gone.id, 'acc-1');
  expect(c1.id).toBeGreaterThan(0);
  await s.addQaQuestion(question(live, { text: 'live one' }));
});
afterAll(async () => {
  await server?.close();
});

describe('replay conversation API', () => {
  it('gives what every visitor could see of an ended event, in time order', async () => {
    const res = await call(server.url, 'GET', apiPath(API.qaReplay, { eventId: ended }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const c = ReplayConversation.parse(res.json);
    expect(c.eventId).toBe(ended);
    expect(c.questions.map((q) => [q.text, q.name, q.answeredAt])).toEqual([
      ['anon', null, null],
      ['second', 'Аня', T0 + 9000],
    ]);
    expect(c.comments.map((x) => [x.text, x.author.kind])).toEqual([
      ['earlier', 'moderator'],
      ['later', 'visitor'],
    ]);
    // No per-event refs, account ids or deleted text leave the server.
    expect(res.text).not.toMatch(/ref-secret|acc-1|rude|pending|rejected|merged/);
  });

  it('refuses live and unknown events', async () => {
    const liveRes = await call(server.url, 'GET', apiPath(API.qaReplay, { eventId: live }));
    expect(liveRes.status).toBe(409);
    expect((liveRes.json as { error: string }).error).toContain('live');
    expect(liveRes.text).not.toContain('live one');
    expect((await call(server.url, 'GET', apiPath(API.qaReplay, { eventId: 'no-such-event' }))).status).toBe(404);
    expect((await call(server.url, 'GET', apiPath(API.qaReplay, { eventId: 'Bad..Id' }))).status).toBe(404);
  });
});
