// Per-event moderators and the live viewer count on the scaled-out parts: the server on
// PostgreSQL and Redis. Assignments and a regenerated key live in the database (a restart on
// an empty data folder keeps them); the viewer count sums every process's Q&A rooms through
// Redis (another process's share is written here as that process would), and a share that
// stops being rewritten (a killed process) drops out.
import { Client } from '@colyseus/sdk';
import { RedisPresence } from '@colyseus/redis-presence';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import { PROTOCOL_VERSION, ROOMS } from '../../shared/protocol.ts';
import { VIEWERS_TTL_MS, writeViewers } from '../../server/qa/viewers.ts';
import type { BroadcastInfo } from '../../server/stream/streamHall.ts';
import { type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';
import { freshDatabase } from '../fixtures/services.ts';
import { visitorCookie } from '../fixtures/visitor.ts';
import { srtPortBase, waitFor } from '../stream/streamDriver.ts';

const EVENT = 'cont-d1-upbringing-1'; // stage "studio"

let db: { url: string; drop(): Promise<void> };
let server: TestServer | undefined;
let presence: RedisPresence;
// Processes of one fair share STREAM_SECRET (the key is an HMAC of it and the stored generation).
const boot = () =>
  bootTestServer({ databaseUrl: db.url, redisUrl: inject('redisUrl'), streamSecret: 'one secret for every process', streamSrtPortBase: srtPortBase() + 200, watchProgramme: false });

beforeAll(async () => {
  db = await freshDatabase(inject('databaseUrl'));
  presence = new RedisPresence(inject('redisUrl'));
});
afterAll(async () => {
  await server?.close();
  presence?.shutdown();
  await db?.drop();
});

describe('broadcast on PostgreSQL and Redis', () => {
  it('keeps assignments and keys in the database and sums viewers over processes', async () => {
    server = await boot();
    const org = await login(server.url, 'org');
    const put = await call(server.url, 'PUT', apiPath(API.broadcastModerators, { eventId: EVENT }), { cookie: org, body: { accountIds: ['alpha'] } });
    expect(put.status).toBe(200);
    const key = ((await call(server.url, 'POST', apiPath(API.broadcastKey, { eventId: EVENT }), { cookie: org })).json as BroadcastInfo).ingest.passphrase;

    // One visitor here, in this process's Q&A room…
    const room = await new Client(server.url, { headers: { Cookie: await visitorCookie(server.url) } }).joinOrCreate(ROOMS.qa, { protocol: PROTOCOL_VERSION, eventId: EVENT, name: 'Here' });
    room.onMessage('*', () => {});
    // …and four in another process's room, which rewrites its share while it runs.
    const other = setInterval(() => void writeViewers(presence, EVENT, 'room-of-another-process', 4), 500);
    await writeViewers(presence, EVENT, 'room-of-another-process', 4);
    const status = async () => ((await call(server!.url, 'GET', apiPath(API.streamStatus, { eventId: EVENT }))).json as { viewers: number }).viewers;
    await waitFor('five viewers', async () => (await status()) === 5);
    // The other process is killed: its share is not rewritten and drops out after the TTL.
    clearInterval(other);
    await waitFor('one viewer', async () => (await status()) === 1, VIEWERS_TTL_MS + 10_000);
    await room.leave(true);
    await server.close();

    server = await boot();
    const alpha = await login(server.url, 'alpha');
    const mod = await login(server.url, 'mod');
    const info = await call(server.url, 'GET', apiPath(API.broadcastEvent, { eventId: EVENT }), { cookie: alpha });
    expect(info.status).toBe(200);
    expect((info.json as BroadcastInfo).ingest.passphrase).toBe(key);
    expect((await call(server.url, 'GET', apiPath(API.broadcastEvent, { eventId: EVENT }), { cookie: mod })).status).toBe(403);
  }, 60_000);
});
