// The matchmaker's HTTP and WebSocket edge has limits: small bodies only (a huge one is refused
// before it is read), only the methods the client uses (no `create`, no `join`), and per client
// address a cap on joins not yet used by a socket and on open sockets. Real server on
// 127.0.0.1; addresses other than 127.0.0.1 come through TRUST_PROXY's one hop.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { matchMaker } from '@colyseus/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOMS } from '../../shared/protocol.ts';
import { type TestServer, bootTestServer, call } from '../fixtures/cabinet.ts';

const FLOOR = 'mini-a';
const MAX_SOCKETS = 3;
const MAX_PENDING = 3;

let server: TestServer;
let port: number;
const open: Duplex[] = [];

beforeAll(async () => {
  server = await bootTestServer({ trustProxy: true, maxSocketsPerAddress: MAX_SOCKETS, maxPendingJoinsPerAddress: MAX_PENDING });
  port = Number(new URL(server.url).port);
});

afterEach(async () => {
  for (const s of open.splice(0)) s.destroy();
  // Sockets closing free their counts a moment later.
  await new Promise((r) => setTimeout(r, 100));
});

afterAll(async () => {
  await server?.close();
});

interface Seat {
  sessionId: string;
  roomId: string;
  processId: string;
}

async function joinOrCreate(from: string): Promise<{ status: number; seat?: Seat }> {
  const res = await call(server.url, 'POST', `/matchmake/joinOrCreate/${ROOMS.floor}`, {
    headers: { 'x-forwarded-for': from },
    body: { floorId: FLOOR, name: 'Гость', colour: 0 },
  });
  return { status: res.status, seat: res.status === 200 ? (res.json as Seat) : undefined };
}

/** Opens a WebSocket by hand (so that X-Forwarded-For can be set): 101 and a socket, or the refusal. */
function upgrade(from: string, urlPath: string, extraHeaders: Record<string, string> = {}): Promise<{ status: number; socket?: Duplex; firstBytes?: Promise<Buffer> }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: urlPath,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
        'x-forwarded-for': from,
        ...extraHeaders,
      },
    });
    req.on('upgrade', (res, socket, head) => {
      open.push(socket);
      // The room may speak first: its handshake can come in the same packet as the 101.
      const firstBytes = head.length > 0 ? Promise.resolve(head) : new Promise<Buffer>((r) => socket.once('data', r));
      resolve({ status: res.statusCode ?? 0, socket, firstBytes });
    });
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Joins a floor room for real: a seat, then the room's socket, which sends the join handshake. */
async function connect(from: string): Promise<{ status: number; socket?: Duplex; firstBytes?: Promise<Buffer> }> {
  const { status, seat } = await joinOrCreate(from);
  if (!seat) return { status };
  return upgrade(from, `/${seat.processId}/${seat.roomId}?sessionId=${seat.sessionId}`);
}

/**
 * Sends a POST declaring `declared` bytes, writing until the server answers (or all is sent);
 * resolves with the status and how much was sent by then.
 */
function hugePost(urlPath: string, declared: number | null): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    let sent = 0;
    let answered = false;
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: urlPath,
      headers: { 'content-type': 'application/json', ...(declared === null ? {} : { 'content-length': String(declared) }) },
    });
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
      req.destroy();
    });
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    const total = declared ?? 64 * 1024 * 1024;
    const pump = (): void => {
      while (!answered && sent < total) {
        const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
        sent += part.length;
        if (!req.write(part)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('matchmaking bodies', () => {
  it('refuses a 100 MB body with 413 before reading it, and memory does not grow', async () => {
    const rssBefore = process.memoryUsage().rss;
    const declared = await hugePost(`/matchmake/joinOrCreate/${ROOMS.floor}`, 100 * 1024 * 1024);
    expect(declared.status).toBe(413);
    expect(declared.sent).toBeLessThan(8 * 1024 * 1024);
    // Without Content-Length (chunked), reading stops at the cap too.
    const chunked = await hugePost(`/matchmake/joinOrCreate/${ROOMS.floor}`, null);
    expect(chunked.status).toBe(413);
    expect(chunked.sent).toBeLessThan(8 * 1024 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
    // An ordinary join still works.
    expect((await joinOrCreate('10.1.0.1')).status).toBe(200);
  });
});

describe('matchmaking methods', () => {
  it('exposes joinOrCreate, joinById and reconnect only: create and join are refused', async () => {
    const before = (await matchMaker.query({})).length;
    for (const [method, room, body] of [
      ['create', ROOMS.floor, { floorId: FLOOR }],
      ['create', ROOMS.standChat, { standId: 'a-1' }],
      ['join', ROOMS.floor, { floorId: FLOOR }],
      ['query', ROOMS.floor, {}],
    ] as const) {
      const res = await call(server.url, 'POST', `/matchmake/${method}/${room}`, { headers: { 'x-forwarded-for': '10.2.0.1' }, body });
      expect(res.status, `${method}/${room}`).toBe(404);
    }
    expect((await matchMaker.query({})).length).toBe(before);
    const { seat } = await joinOrCreate('10.2.0.2');
    const byId = await call(server.url, 'POST', `/matchmake/joinById/${seat!.roomId}`, {
      headers: { 'x-forwarded-for': '10.2.0.3' },
      body: { floorId: FLOOR },
    });
    expect(byId.status).toBe(200);
  });
});

describe('per-address caps', () => {
  it('refuses joins beyond the cap while earlier seats are unused, and frees one when a socket uses it', async () => {
    const seats: Seat[] = [];
    for (let i = 0; i < MAX_PENDING; i++) {
      const r = await joinOrCreate('10.3.0.1');
      expect(r.status).toBe(200);
      seats.push(r.seat!);
    }
    expect((await joinOrCreate('10.3.0.1')).status).toBe(429);
    // Someone else is not affected; a client's own earlier X-Forwarded-For entries are not trusted.
    expect((await joinOrCreate('10.3.0.2')).status).toBe(200);
    expect((await joinOrCreate('10.3.0.9, 10.3.0.1')).status).toBe(429);
    const used = seats[0]!;
    const ws = await upgrade('10.3.0.1', `/${used.processId}/${used.roomId}?sessionId=${used.sessionId}`);
    expect(ws.status).toBe(101);
    expect((await joinOrCreate('10.3.0.1')).status).toBe(200);
  });

  it('refuses the socket beyond the cap from one address while other addresses connect', async () => {
    const first: Awaited<ReturnType<typeof connect>>[] = [];
    for (let i = 0; i < MAX_SOCKETS; i++) first.push(await connect('10.4.0.1'));
    expect(first.map((c) => c.status)).toEqual(Array(MAX_SOCKETS).fill(101));
    // Each of them is in the room: the room's handshake arrives.
    for (const c of first) expect((await c.firstBytes!).length).toBeGreaterThan(0);

    const seat = (await joinOrCreate('10.4.0.1')).seat!;
    const extra = await upgrade('10.4.0.1', `/${seat.processId}/${seat.roomId}?sessionId=${seat.sessionId}`);
    expect(extra.status).toBe(429);
    const other = await connect('10.4.0.2');
    expect(other.status).toBe(101);
    expect((await other.firstBytes!).length).toBeGreaterThan(0);

    // One closes: its place is free again.
    first[0]!.socket!.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect((await upgrade('10.4.0.1', `/${seat.processId}/${seat.roomId}?sessionId=${seat.sessionId}`)).status).toBe(101);
  });
});

describe('origins', () => {
  // Rooms know visitors by their cookie, which a browser also sends from a page on another port
  // of the same host: such pages may neither reserve seats nor open room sockets.
  it('refuses matchmaking and sockets from pages of another origin, and takes our own', async () => {
    const foreign = `http://127.0.0.1:${port === 1 ? 2 : 1}`;
    const refused = await call(server.url, 'POST', `/matchmake/joinOrCreate/${ROOMS.floor}`, {
      headers: { 'x-forwarded-for': '10.5.0.1', origin: foreign },
      body: { floorId: FLOOR, name: 'Гость', colour: 0 },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const ours = await call(server.url, 'POST', `/matchmake/joinOrCreate/${ROOMS.floor}`, {
      headers: { 'x-forwarded-for': '10.5.0.2', origin: `http://127.0.0.1:${port}` },
      body: { floorId: FLOOR, name: 'Гость', colour: 0 },
    });
    expect(ours.status).not.toBe(403);

    const seat = (await joinOrCreate('10.5.0.3')).seat!;
    const socketPath = `/${seat.processId}/${seat.roomId}?sessionId=${seat.sessionId}`;
    expect((await upgrade('10.5.0.3', socketPath, { origin: foreign })).status).toBe(403);
    expect((await upgrade('10.5.0.3', socketPath, { origin: `http://127.0.0.1:${port}` })).status).toBe(101);
  });
});
