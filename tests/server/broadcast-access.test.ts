// Who may open an event's broadcast (issue 13), on a real server: organisers always; the
// event's assigned moderators (moderators or exhibitor staff); any moderator while nobody is
// assigned. Visitors and exhibitors are refused, and so is a moderator of another event, in
// the broadcast API and in the Q&A room alike. Assigning is an organiser's act, validated and
// audit logged; a regenerated key is a new passphrase (refused while the stage is live); the
// live viewer count is the Q&A room's visitors.
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import type { EventModeratorsView } from '../../shared/eventModerators.ts';
import type { AuditEntry } from '../../shared/organiser.ts';
import { PROTOCOL_VERSION, ROOMS } from '../../shared/protocol.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import type { BroadcastInfo } from '../../server/stream/streamHall.ts';
import { type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';
import { visitorCookie } from '../fixtures/visitor.ts';
import { srtPortBase, waitFor } from '../stream/streamDriver.ts';

const EVENT = 'cont-d1-upbringing-1'; // stage "studio"
const OTHER = 'main-d1-edtech-startups-2'; // stage "hall-5"
const THIRD = 'cont-d3-university-project-1'; // stage "studio", nobody assigned
const MOD2 = { id: 'mod2', email: 'mod2@example.org', password: 'second moderator pass' };
const MOD3 = { id: 'mod3', email: 'mod3@example.org', password: 'third moderator pass' };

let server: TestServer;
let org = '';
let mod = '';
let mod2 = '';
let mod3 = '';
let alpha = '';

const get = (path: string, cookie?: string) => call(server.url, 'GET', path, { cookie });
const post = (path: string, cookie: string) => call(server.url, 'POST', path, { cookie });
const putModerators = (eventId: string, accountIds: string[], cookie = org) => call(server.url, 'PUT', apiPath(API.broadcastModerators, { eventId }), { cookie, body: { accountIds } });
const info = (eventId: string) => apiPath(API.broadcastEvent, { eventId });

async function loginAs(email: string, password: string): Promise<string> {
  const res = await call(server.url, 'POST', API.login, { body: { email, password } });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('expo_session='))!;
}

async function qaModerator(eventId: string, cookie: string) {
  const t = await call(server.url, 'POST', API.chatTicket, { cookie });
  const { ticket } = t.json as { ticket: string };
  const room = await new Client(server.url).joinOrCreate(ROOMS.qa, { protocol: PROTOCOL_VERSION, eventId, ticket });
  room.onMessage('*', () => {});
  return room;
}

beforeAll(async () => {
  server = await bootTestServer({ streamSrtPortBase: srtPortBase() + 50, watchProgramme: false, maxSocketsPerAddress: 100 });
  await server.storage.createAccount({ id: MOD2.id, email: MOD2.email, name: 'Second Moderator', role: 'moderator', exhibitors: [], passwordHash: await hashPassword(MOD2.password) });
  [org, mod, alpha] = [await login(server.url, 'org'), await login(server.url, 'mod'), await login(server.url, 'alpha')];
  await server.storage.createAccount({ id: MOD3.id, email: MOD3.email, name: 'Third Moderator', role: 'moderator', exhibitors: [], passwordHash: await hashPassword(MOD3.password) });
  mod2 = await loginAs(MOD2.email, MOD2.password);
  mod3 = await loginAs(MOD3.email, MOD3.password);
});
afterAll(async () => {
  await server?.close();
});

describe('broadcast access per event', () => {
  it('lets any moderator in while nobody is assigned, and refuses visitors and exhibitors', async () => {
    expect((await get(info(EVENT))).status).toBe(401);
    expect((await get(info(EVENT), alpha)).status).toBe(403);
    expect((await post(apiPath(API.broadcastLive, { eventId: EVENT }), alpha)).status).toBe(403);
    expect((await get(API.broadcastStages, alpha)).status).toBe(403);
    for (const who of [org, mod, mod2]) expect((await get(info(EVENT), who)).status).toBe(200);
    const view = (await get(apiPath(API.broadcastModerators, { eventId: EVENT }), mod)).json as EventModeratorsView;
    expect(view).toEqual({ eventId: EVENT, assigned: [], candidates: [], canAssign: false });
  });

  it('only organisers assign, only existing non-organiser accounts, and a refusal changes nothing', async () => {
    expect((await putModerators(EVENT, ['mod2'], mod)).status).toBe(403);
    expect((await putModerators(EVENT, ['mod2'], alpha)).status).toBe(403);
    const unknown = await putModerators(EVENT, ['mod2', 'nobody']);
    expect(unknown.status).toBe(400);
    expect((unknown.json as { error: string }).error).toContain('"nobody"');
    expect((await putModerators(EVENT, ['org'])).status).toBe(400);
    expect((await call(server.url, 'PUT', apiPath(API.broadcastModerators, { eventId: EVENT }), { cookie: org, body: { accountIds: 'mod2' } })).status).toBe(400);
    expect((await putModerators('no-such-event', ['mod2'])).status).toBe(404);
    expect(await server.storage.eventModerators(EVENT)).toEqual([]);

    const orgView = (await get(apiPath(API.broadcastModerators, { eventId: EVENT }), org)).json as EventModeratorsView;
    expect(orgView.canAssign).toBe(true);
    expect(orgView.candidates.map((c) => c.id)).toEqual(expect.arrayContaining(['mod', 'mod2', 'alpha']));
    expect(orgView.candidates.map((c) => c.id)).not.toContain('org');

    const set = await putModerators(EVENT, ['mod2', 'alpha']);
    expect(set.status).toBe(200);
    expect((set.json as EventModeratorsView).assigned.map((a) => a.id)).toEqual(['mod2', 'alpha']);
    expect((await putModerators(OTHER, ['mod'])).status).toBe(200);
    const { entries } = (await get(API.organiserAudit, org)).json as { entries: AuditEntry[] };
    const mine = entries.filter((e) => e.action === 'event.moderators');
    expect(mine.map((e) => e.target)).toEqual([OTHER, EVENT]);
    expect(mine[1]!.detail).toContain(MOD2.email);
  });

  it('refuses a moderator of another event, in the broadcast API and in the Q&A room', async () => {
    expect((await get(info(EVENT), mod)).status).toBe(403);
    expect((await post(apiPath(API.broadcastLive, { eventId: EVENT }), mod)).status).toBe(403);
    expect((await get(info(OTHER), mod2)).status).toBe(403);
    expect((await get(info(OTHER), alpha)).status).toBe(403);
    for (const who of [mod2, alpha, org]) expect((await get(info(EVENT), who)).status).toBe(200);
    expect((await get(info(OTHER), mod)).status).toBe(200);
    // An assigned moderator keeps to their events; one assigned nowhere takes the unassigned ones.
    expect((await get(info(THIRD), mod)).status).toBe(403);
    expect((await get(info(THIRD), mod3)).status).toBe(200);
    expect((await get(info(EVENT), mod3)).status).toBe(403);

    await expect(qaModerator(EVENT, mod)).rejects.toThrow(/moderate this event/);
    await expect(qaModerator(OTHER, mod2)).rejects.toThrow(/moderate this event/);
    for (const [eventId, who] of [[EVENT, mod2], [EVENT, alpha], [OTHER, mod], [EVENT, org]] as const) {
      const room = await qaModerator(eventId, who);
      await room.leave(true);
    }
  });

  it('regenerates the stage key (organisers), not while the stage is live', async () => {
    const before = ((await get(info(EVENT), org)).json as BroadcastInfo).ingest.passphrase;
    expect((await post(apiPath(API.broadcastKey, { eventId: EVENT }), mod2)).status).toBe(403);
    const next = await post(apiPath(API.broadcastKey, { eventId: EVENT }), org);
    expect(next.status).toBe(200);
    const after = (next.json as BroadcastInfo).ingest;
    expect(after.passphrase).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(after.passphrase).not.toBe(before);
    expect(after.url).toContain(after.passphrase);
    // Every process (and a restart) agrees: the generation is stored.
    expect(await server.storage.stageKeyGeneration('studio')).toBe(1);
    expect(((await get(info(EVENT), mod2)).json as BroadcastInfo).ingest.passphrase).toBe(after.passphrase);

    const live = await post(apiPath(API.broadcastLive, { eventId: EVENT }), mod2);
    expect(live.status).toBe(200);
    const busy = await post(apiPath(API.broadcastKey, { eventId: EVENT }), org);
    expect(busy.status).toBe(409);
    expect((busy.json as { error: string }).error).toMatch(/end the broadcast/);
    expect(await server.storage.stageKeyGeneration('studio')).toBe(1);
    expect((await post(apiPath(API.broadcastEnd, { eventId: EVENT }), alpha)).status).toBe(200);
    const list = ((await get(API.organiserAudit, org)).json as { entries: AuditEntry[] }).entries;
    expect(list.map((e) => e.action).slice(0, 3)).toEqual(['stream.end', 'stream.live', 'stream.key']);
    expect(JSON.stringify(list)).not.toContain(after.passphrase);
  });
});

describe('live viewer count', () => {
  it('counts the visitors in the event\'s Q&A room, in the public status and the broadcast info', async () => {
    const status = async () => ((await get(apiPath(API.streamStatus, { eventId: OTHER }))).json as { viewers: number }).viewers;
    expect(await status()).toBe(0);
    const rooms = [];
    for (let i = 0; i < 3; i++) {
      const cookie = await visitorCookie(server.url);
      const room = await new Client(server.url, { headers: { Cookie: cookie } }).joinOrCreate(ROOMS.qa, { protocol: PROTOCOL_VERSION, eventId: OTHER, name: `V${i}` });
      room.onMessage('*', () => {});
      rooms.push(room);
    }
    // A moderator watching is not a viewer.
    const modRoom = await qaModerator(OTHER, mod);
    await waitFor('three viewers', async () => (await status()) === 3);
    expect(((await get(info(OTHER), mod)).json as BroadcastInfo).viewers).toBe(3);
    await rooms.pop()!.leave(true);
    await waitFor('two viewers', async () => (await status()) === 2);
    for (const r of [...rooms, modRoom]) await r.leave(true);
    await waitFor('no viewers', async () => (await status()) === 0);
  }, 60_000);
});
