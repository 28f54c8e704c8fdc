// The client's one reconnecting room connection (client/src/net/roomConnection.ts), driven
// from Node with @colyseus/sdk against the real server on 127.0.0.1: it joins, resumes the
// same seat when the server cuts the socket, joins afresh when a restart forgot the seat,
// gets a visitor cookie once when a join is refused without one, stops for good on an
// outdated protocol, and never joins again once disposed.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Client as SdkClient } from '@colyseus/sdk';
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, ROOMS, SERVER_MSG, type Welcome } from '../../shared/protocol.ts';
import { type ConnectionState, RoomConnection } from '../../client/src/net/roomConnection.ts';
import { isOutdated } from '../../client/src/net/outdated.ts';
import type { FloorProtocol } from '../../client/src/net/typedRoom.ts';
import { bootServer } from '../e2e/harness.ts';
import { visitorClient, visitorCookie } from '../fixtures/visitor.ts';
import { freePort } from '../../scripts/lib/measure.ts';

type Server = Awaited<ReturnType<typeof bootServer>>;

let dataDir: string;
let port: number;
let server: Server | null = null;


async function boot(): Promise<Server> {
  server = await bootServer({ port, dataDir });
  return server;
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-room-conn-'));
  port = await freePort();
  await boot();
});
afterAll(async () => {
  await server?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A floor connection as presence makes one, recording what it went through. */
function floorConnection(client: SdkClient, opts: { protocol?: number; refreshIdentity?: () => Promise<void> } = {}) {
  const states: ConnectionState[] = [];
  const joins: { roomId: string; sessionId: string; first: boolean }[] = [];
  const welcomes: Welcome[] = [];
  let resumed = 0;
  let lost = 0;
  const conn = new RoomConnection<FloorProtocol>({
    room: ROOMS.floor,
    client: () => client,
    options: () => ({ floorId: 'school', name: 'Тест', protocol: opts.protocol ?? PROTOCOL_VERSION }),
    rejoinDelays: [50, 100, 200],
    offlineAfter: 100,
    // Resume a seat however young, and give up on it quickly once the server is gone.
    reconnection: { maxRetries: 2, minUptime: 0 },
    refreshIdentity: opts.refreshIdentity,
    onJoined: (room, first) => joins.push({ roomId: room.roomId, sessionId: room.sessionId, first }),
    onResumed: () => resumed++,
    onLost: () => lost++,
  });
  conn.on(SERVER_MSG.welcome, (w) => welcomes.push(w));
  conn.subscribe((s) => states.push(s));
  return { conn, states, joins, welcomes, resumed: () => resumed, lost: () => lost };
}

describe('RoomConnection', () => {
  it('joins, and resumes the same seat when the server cuts the socket', async () => {
    const f = floorConnection(await visitorClient(server!.url));
    f.conn.start();
    await until(() => f.conn.state === 'live' && f.welcomes.length === 1);
    expect(f.joins).toHaveLength(1);
    expect(f.joins[0]!.first).toBe(true);
    const { roomId, sessionId } = f.joins[0]!;

    // The server side drops the link without a goodbye (a broken mobile link looks the same).
    const room = matchMaker.getLocalRoomById(roomId);
    const seat = room.clients.find((c) => c.sessionId === sessionId)!;
    (seat.ref as unknown as { terminate(): void }).terminate();

    await until(() => f.resumed() === 1 && f.conn.state === 'live');
    expect(f.states).toContain('reconnecting');
    // Same room, same seat: resumed by token, not joined afresh.
    expect(f.conn.room!.sessionId).toBe(sessionId);
    expect(f.conn.room!.roomId).toBe(roomId);
    expect(f.joins).toHaveLength(1);
    // Handlers registered on the connection still work: the room welcomes the resumed seat.
    await until(() => f.welcomes.length === 2);
    f.conn.dispose();
  });

  it('joins afresh after a server restart, and a disposed connection never joins again', async () => {
    const f = floorConnection(await visitorClient(server!.url));
    f.conn.start();
    await until(() => f.conn.state === 'live');
    const before = f.joins[0]!;

    await server!.close();
    server = null;
    await until(() => f.conn.state === 'reconnecting' || f.conn.state === 'offline');
    await boot();
    await until(() => f.joins.length === 2 && f.conn.state === 'live', 20_000);
    expect(f.lost()).toBeGreaterThanOrEqual(1);
    expect(f.joins[1]!.first).toBe(false);
    expect(f.joins[1]!.roomId).not.toBe(before.roomId);
    await until(() => f.welcomes.length >= 2);

    // Down again, and disposed while waiting to rejoin: the next server never sees it.
    await server!.close();
    server = null;
    await until(() => f.conn.state !== 'live');
    f.conn.dispose();
    const joined = f.joins.length;
    await boot();
    // Several rejoin delays (50-200 ms) pass with the server up.
    await new Promise((r) => setTimeout(r, 1000));
    expect(f.joins.length).toBe(joined);
    expect(f.conn.room).toBeNull();
    expect(await matchMaker.query({ name: ROOMS.floor })).toHaveLength(0);
  });

  it('fetches a visitor cookie once when the join is refused without one, then joins', async () => {
    const { Client } = await import('@colyseus/sdk');
    const client = new Client(server!.url);
    let asked = 0;
    const f = floorConnection(client, {
      refreshIdentity: async () => {
        asked++;
        // What GET /api/health does for a browser: the answer sets the cookie.
        client.http.options.headers = { Cookie: await visitorCookie(server!.url) };
      },
    });
    f.conn.start();
    await until(() => f.conn.state === 'live');
    expect(asked).toBe(1);
    expect(f.joins).toHaveLength(1);
    f.conn.dispose();
  });

  it('stops for good when the server says the page is outdated', async () => {
    const f = floorConnection(await visitorClient(server!.url), { protocol: PROTOCOL_VERSION - 1 });
    f.conn.start();
    await until(() => f.conn.state === 'outdated');
    expect(isOutdated()).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    // No retry, not even when asked to: nothing joined, the state stays.
    f.conn.restart();
    await new Promise((r) => setTimeout(r, 300));
    expect(f.joins).toHaveLength(0);
    expect(f.conn.state).toBe('outdated');
    f.conn.dispose();
  });
});
