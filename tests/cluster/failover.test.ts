// A process killed with SIGKILL while visitors chat and leave leads: two server processes
// behind nginx, one Redis, one PostgreSQL. Visitors hold their sockets on both processes
// (floor instances on each, the stand's chat room on one); chat messages and leads keep
// coming while the chat room's process dies. The visitors reconnect with the browser's own
// RoomConnection (the SDK retries the seat, then a fresh joinOrCreate through nginx puts the
// room on the survivor), and the chat client catches up with `since` from the last id it saw,
// as client/src/net/chat.ts does. What must hold: every message whose post was answered ok is
// stored exactly once and reached every chat visitor; every lead answered 201 is in
// PostgreSQL; the dead process's share of the floor and stand counts expires.
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { API, type LeadAccepted, apiPath } from '../../shared/api.ts';
import type { ChatMessage, ChatPostResult } from '../../shared/chat.ts';
import { buildFloorModel } from '../../shared/level/model.ts';
import { findWalk } from '../../shared/level/pathfinding.ts';
import { Level } from '../../shared/level/schema.ts';
import { doorstep } from '../../shared/level/stand.ts';
import { CHAT_CLIENT_MSG, CHAT_SERVER_MSG, type ChatJoinOptions, type ChatWelcome, CLIENT_MSG, type Counts, type JoinOptions, PROTOCOL_VERSION, ROOMS, SERVER_MSG, type Welcome } from '../../shared/protocol.ts';
import { openPostgresStorage } from '../../server/storage/postgres/postgresStorage.ts';
import { RoomConnection } from '../../client/src/net/roomConnection.ts';
import type { ChatProtocol, FloorProtocol } from '../../client/src/net/typedRoom.ts';
import fs from 'node:fs';
import path from 'node:path';
import { CALLBACK, call } from '../fixtures/cabinet.ts';
import { FIXTURE_LEVELS_DIR } from '../fixtures/fixtures.ts';
import { freshDatabase, redisDb } from '../fixtures/services.ts';
import { visitorCookie } from '../fixtures/visitor.ts';
import { type Cluster, startCluster } from './cluster.ts';

// The SDK takes globalThis.WebSocket when there is one, else its own `ws`. Node 22's fires no
// close event after a refused handshake (a browser's and `ws` fire close 1006), so an SDK
// retrying a seat on a dead process would wait for ever after its first attempt: hide it
// before the SDK loads, so the SDK behaves as in a browser.
vi.hoisted(() => {
  Object.defineProperty(globalThis, 'WebSocket', { value: undefined, configurable: true, writable: true });
});

const STAND = 'a-1';
const FLOOR = 'mini-a';
const CHATTERS = 8;
const FLOOR_VISITORS = 4;
/** Chat posts per visitor: a little slower than a visitor's allowance (one per 3 s after a burst). */
const POST_EVERY_MS = 1500;
const LEAD_EVERY_MS = 120;
/** Counts are rewritten every second and expire after five (server/presence/FloorRoom.ts). */
const COUNTS_EXPIRY_MS = 5000;

const level = Level.parse(JSON.parse(fs.readFileSync(path.join(FIXTURE_LEVELS_DIR, `${FLOOR}.json`), 'utf8')));
const model = buildFloorModel(level);
const stand = level.stands.find((s) => s.id === STAND)!;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: () => string, check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what()}: not within ${ms} ms`);
    await sleep(50);
  }
}

/** A Colyseus client as a browser page has one: the visitor cookie on every request; notes the room sockets it opens. */
function pageClient(baseUrl: string, cookie: string, sockets: string[]): Client {
  return new Client(baseUrl, {
    headers: { Cookie: cookie },
    urlBuilder: (url) => {
      const s = url.toString();
      if (s.startsWith('ws')) sockets.push(s);
      return s;
    },
  });
}

/** The process (PUBLIC_ADDRESS /p/N/) of the newest room socket. */
function processOf(sockets: readonly string[]): number {
  const n = /\/p\/(\d)\//.exec(sockets.at(-1) ?? '')?.[1];
  if (!n) throw new Error(`socket ${sockets.at(-1)} did not go through a /p/N/ path of nginx`);
  return Number(n);
}

interface Chatter {
  name: string;
  conn: RoomConnection<ChatProtocol, ChatJoinOptions>;
  sockets: string[];
  /** Every message id received live or by catching up. */
  seen: Set<number>;
  /** Newest id seen: catching up starts after it (client/src/net/chat.ts). */
  lastLiveId: number;
  firstLastId: number | null;
  /** Welcomed in the room joined now: posts may go. */
  ready: boolean;
  rejoins: number;
  /** What happened on the way, for a failure message. */
  trace: string[];
}

function chatter(baseUrl: string, cookie: string, name: string, seatRetries?: number): Chatter {
  const sockets: string[] = [];
  const client = pageClient(baseUrl, cookie, sockets);
  const c: Chatter = {
    name,
    sockets,
    seen: new Set(),
    lastLiveId: 0,
    firstLastId: null,
    ready: false,
    rejoins: 0,
    trace: [],
    conn: new RoomConnection<ChatProtocol, ChatJoinOptions>({
      room: ROOMS.standChat,
      client: () => client,
      options: () => ({ standId: STAND, name, protocol: PROTOCOL_VERSION }),
      ...(seatRetries !== undefined ? { reconnection: { maxRetries: seatRetries } } : {}),
      onJoined: (_room, first) => {
        if (!first) c.rejoins++;
      },
    }),
  };
  const receive = (messages: ChatMessage[]) => {
    c.trace.push(`got ${messages.map((m) => m.id).join(',')}`);
    for (const m of messages) {
      c.seen.add(m.id);
      c.lastLiveId = Math.max(c.lastLiveId, m.id);
    }
  };
  c.conn.on(CHAT_SERVER_MSG.message, receive);
  c.conn.on(CHAT_SERVER_MSG.welcome, (w: ChatWelcome) => {
    void (async () => {
      if (c.firstLastId === null) {
        c.firstLastId = w.lastId;
        c.lastLiveId = Math.max(c.lastLiveId, w.lastId);
      } else {
        // What was said while the link was down.
        for (let i = 0; i < 10; i++) {
          c.trace.push(`since ${c.lastLiveId}`);
          const page = await c.conn.request(CHAT_CLIENT_MSG.since, { after: c.lastLiveId }, 8000);
          c.trace.push(`since answered ${JSON.stringify('messages' in page ? { n: page.messages.length, more: page.more } : page)}`);
          if (!('messages' in page)) break;
          receive(page.messages);
          if (!page.more) break;
        }
      }
      c.ready = true;
    })().catch((e: unknown) => c.trace.push(`catch-up failed: ${String(e)}`));
  });
  c.conn.subscribe((s) => {
    c.trace.push(s);
    if (s !== 'live') c.ready = false;
  });
  c.conn.on(CHAT_SERVER_MSG.staff, () => {});
  c.conn.on(CHAT_SERVER_MSG.muted, () => {});
  c.conn.start();
  return c;
}

interface FloorVisitor {
  name: string;
  conn: RoomConnection<FloorProtocol, JoinOptions>;
  sockets: string[];
  me: Welcome | null;
  counts: Counts | null;
  errors: string[];
}

function floorVisitor(baseUrl: string, cookie: string, name: string): FloorVisitor {
  const sockets: string[] = [];
  const client = pageClient(baseUrl, cookie, sockets);
  const v: FloorVisitor = {
    name,
    sockets,
    me: null,
    counts: null,
    errors: [],
    conn: new RoomConnection<FloorProtocol, JoinOptions>({
      room: ROOMS.floor,
      client: () => client,
      options: () => ({ floorId: FLOOR, name, protocol: PROTOCOL_VERSION }),
      onJoinFailed: (e) => v.errors.push(e instanceof Error ? e.message : String(e)),
      onLost: () => {
        v.me = null;
        v.counts = null;
      },
    }),
  };
  v.conn.on(SERVER_MSG.welcome, (w: Welcome) => (v.me = w));
  v.conn.on(SERVER_MSG.counts, (c: Counts) => (v.counts = c));
  for (const type of Object.values(SERVER_MSG)) if (type !== SERVER_MSG.welcome && type !== SERVER_MSG.counts) v.conn.on(type as never, () => {});
  v.conn.start();
  return v;
}

/** Walks to `to` in legal steps along the alleys, as the hall engine's click-to-walk does. */
async function walkTo(v: FloorVisitor, to: { x: number; y: number }): Promise<void> {
  let at = { x: v.me!.x, y: v.me!.y };
  const route = findWalk(model.graph, at, to);
  for (const p of route ? route.points.slice(1) : [to]) {
    for (;;) {
      const d = Math.hypot(p.x - at.x, p.y - at.y);
      if (d < 0.01) break;
      const step = Math.min(d, 0.7);
      at = { x: at.x + ((p.x - at.x) / d) * step, y: at.y + ((p.y - at.y) / d) * step };
      v.conn.send(CLIENT_MSG.move, at);
      await sleep(100);
    }
  }
}

let cluster: Cluster;
let db: { url: string; drop(): Promise<void> };

beforeAll(async () => {
  // The SDK narrates every reconnection attempt on console.info: dozens of lines, none asserted.
  vi.spyOn(console, 'info').mockImplementation(() => {});
  db = await freshDatabase(inject('databaseUrl'));
  cluster = await startCluster({
    processes: 2,
    redisUrl: redisDb(inject('redisUrl'), 2),
    databaseUrl: db.url,
    // Room capacity 2: four floor visitors need two instances, and the second opens in the other process.
    env: { ROOM_CAPACITY: '2', LEADS_PER_MINUTE: '100000', CHAT_POSTS_PER_ADDRESS: '100000', QUIET: '1' },
  });
}, 120_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await cluster?.stop();
  await db?.drop();
});

describe('a process killed mid-stream', () => {
  it('moves its visitors to the other process with no lost or doubled chat message and no lost acknowledged lead', { timeout: 90_000 }, async () => {
    const started = Date.now();
    const url = cluster.url;
    // Floor visitors: two instances, one per process (Colyseus puts a new room where the fewest are).
    const floor: FloorVisitor[] = [];
    for (let i = 0; i < FLOOR_VISITORS; i++) {
      floor.push(floorVisitor(url, await visitorCookie(url), `Пол ${i}`));
      await until(() => `floor visitor ${i} joined`, () => floor[i]!.me !== null, 10_000);
      // Each process tells the others its room count once a second.
      if (i === 1) await sleep(1500);
    }
    const floorProcs = floor.map((v) => processOf(v.sockets));
    expect(new Set(floorProcs).size, `floor instances by process: ${floorProcs.join(',')}`).toBe(2);
    // One visitor of each instance stands at the stand.
    const atStand = [floor[0]!, floor[FLOOR_VISITORS - 1]!];
    await Promise.all(atStand.map((v) => walkTo(v, doorstep(stand))));
    await until(() => `both at the stand: ${JSON.stringify(floor[0]!.counts)}`, () => floor.every((v) => v.counts?.stands[STAND] === 2 && v.counts.floors[FLOOR] === FLOOR_VISITORS), 10_000);

    const chatters: Chatter[] = [];
    // Half give up the dead seat after two tries and are back in seconds, posting while the
    // others still retry it (the browser's 8): those come back to messages they never saw live.
    for (let i = 0; i < CHATTERS; i++) chatters.push(chatter(url, await visitorCookie(url), `Чат ${i}`, i % 2 === 0 ? 2 : undefined));
    await until(() => 'every chatter welcomed', () => chatters.every((c) => c.ready), 15_000);
    const chatProc = processOf(chatters[0]!.sockets);
    expect(chatters.map((c) => processOf(c.sockets))).toEqual(chatters.map(() => chatProc));
    const doomed = cluster.processes[chatProc - 1]!;
    const survivor = cluster.processes.find((p) => p !== doomed)!;

    // The stream: chat posts from every chatter, leads through nginx (round robin over both).
    let streaming = true;
    const acked: { id: number; text: string; at: number }[] = [];
    const failedPosts: string[] = [];
    const posting = chatters.map(async (c, i) => {
      await sleep((i * POST_EVERY_MS) / CHATTERS);
      for (let n = 0; streaming; n++) {
        const text = `${c.name} сообщение ${n}`;
        if (c.ready) {
          try {
            const r: ChatPostResult = await c.conn.request(CHAT_CLIENT_MSG.post, { text, thread: null }, 8000);
            if (r.ok) acked.push({ id: r.message.id, text, at: Date.now() });
            else failedPosts.push(`${text}: ${r.error}`);
          } catch (e) {
            // No answer: not acknowledged (the browser leaves such a text in the field).
            failedPosts.push(`${text}: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
        await sleep(POST_EVERY_MS);
      }
    });
    const leads: string[] = [];
    const leadStatuses = new Map<number, number>();
    const leading = (async () => {
      for (let n = 0; streaming; n++) {
        try {
          const r = await call(url, 'POST', apiPath(API.callback, { exhibitorId: 'alpha-school' }) + `?stand=${STAND}`, {
            body: { ...CALLBACK, question: `заявка ${n}` },
          });
          leadStatuses.set(r.status, (leadStatuses.get(r.status) ?? 0) + 1);
          if (r.status === 201) leads.push((r.json as LeadAccepted).id);
        } catch {
          leadStatuses.set(0, (leadStatuses.get(0) ?? 0) + 1);
        }
        await sleep(LEAD_EVERY_MS);
      }
    })();

    // Longer than the SDK's minimum uptime (5 s): every socket first retries its seat on the
    // dead process, as a browser that has been there a while does, then joins afresh.
    await sleep(6000);
    const ackedBefore = acked.length;
    const leadsBefore = leads.length;
    await doomed.kill9();
    const killedAt = Date.now();

    // The survivor's visitors stop counting the dead instance once its share expires: floor
    // and stand counts hold only what the survivor holds (the others are still retrying).
    const onSurvivor = floor.filter((_v, i) => floorProcs[i] === survivor.n);
    const standingOnSurvivor = atStand.filter((v) => floorProcs[floor.indexOf(v)] === survivor.n).length;
    await until(
      () => `counts without the dead process: ${JSON.stringify(onSurvivor.map((v) => v.counts))}`,
      () => onSurvivor.every((v) => v.counts?.instances === 1 && v.counts.floors[FLOOR] === onSurvivor.length && (v.counts.stands[STAND] ?? 0) === standingOnSurvivor),
      COUNTS_EXPIRY_MS + 2000,
    );
    const expiredMs = Date.now() - killedAt;

    // Everyone is back, on the survivor, and the floor counts forgot the dead process's share.
    await until(
      () => `chatters back on the survivor: ${chatters.map((c) => `${c.conn.state}/${c.ready}/${c.sockets.at(-1)}`).join(' ')}\n${survivor.output().slice(-2000)}`,
      () => chatters.every((c) => c.ready && processOf(c.sockets) === survivor.n),
      45_000,
    );
    await until(() => `floor visitors back: ${floor.map((v) => `${v.conn.state}/${v.me?.roomId}/${v.sockets.at(-1)} ${v.errors.join(';')}`).join(' | ')}\n${survivor.output().slice(-3000)}`, () => floor.every((v) => v.me !== null && processOf(v.sockets) === survivor.n), 45_000);
    const rejoinedMs = Date.now() - killedAt;
    // Posts on the new room, then the stream stops.
    const ackedAtRejoin = acked.length;
    await until(() => 'posts acknowledged after the rejoin', () => acked.length >= ackedAtRejoin + CHATTERS, 20_000);
    streaming = false;
    await Promise.all([...posting, leading]);

    // Back on the survivor, everyone counts everyone again; the dead process's visitor who stood
    // at the stand came back at the floor's arrival point (positions are remembered per process).
    await until(
      () => `counts converged on the survivor: ${JSON.stringify(floor.map((v) => v.counts))}`,
      () => floor.every((v) => v.counts?.floors[FLOOR] === FLOOR_VISITORS && (v.counts.stands[STAND] ?? 0) === standingOnSurvivor),
      COUNTS_EXPIRY_MS + 2000,
    );
    // Every chat room was re-created on the survivor and joined afresh (not a resumed seat).
    expect(chatters.map((c) => c.rejoins)).toEqual(chatters.map(() => 1));

    // Every acknowledged message is stored once, in the stand's history; ids are unique.
    const storage = await openPostgresStorage(db.url, { log: () => {} });
    try {
      const history = await storage.chatMessages(STAND, { threads: [null], after: 0, limit: 10_000 });
      const ids = history.messages.map((m) => m.id);
      expect(new Set(ids).size, 'history ids unique').toBe(ids.length);
      expect(new Set(acked.map((a) => a.id)).size, 'acknowledged ids unique').toBe(acked.length);
      for (const a of acked) {
        const copies = history.messages.filter((m) => m.text === a.text);
        expect(copies.map((m) => m.id), `"${a.text}" stored once under its id`).toEqual([a.id]);
      }
      // Nothing stored that no post asked for (a post is stored at most once, answered or not).
      const texts = history.messages.map((m) => m.text);
      expect(new Set(texts).size, 'no text stored twice').toBe(texts.length);
      // Every chatter received every acknowledged message (live, or catching up after the rejoin).
      for (const c of chatters) {
        const missing = acked.filter((a) => a.id > (c.firstLastId ?? 0) && !c.seen.has(a.id));
        const rooms = chatters.map((x) => `${x.name}:${x.conn.room?.roomId}`).join(' ');
        expect(missing, `${c.name} (last ${c.lastLiveId}) missed, acked at ms from the kill ${missing.map((m) => m.at - killedAt)}; rooms ${rooms}; trace ${c.trace.join(' / ')}`).toEqual([]);
      }
      // Every lead answered 201 is in PostgreSQL.
      const lost: string[] = [];
      for (const id of leads) if (!(await storage.getLead(id))) lost.push(id);
      expect(lost, 'acknowledged leads missing from PostgreSQL').toEqual([]);
    } finally {
      await storage.close();
    }
    expect(ackedBefore).toBeGreaterThan(CHATTERS);
    expect(leadsBefore).toBeGreaterThan(5);
    expect(leads.length).toBeGreaterThan(leadsBefore);
    console.log(
      `[failover] chat acked ${acked.length} (${ackedBefore} before the kill), unacknowledged ${failedPosts.length}; ` +
        `leads 201 ${leads.length} (${leadsBefore} before), statuses ${JSON.stringify([...leadStatuses])}; ` +
        `dead counts gone ${expiredMs} ms and everyone back ${rejoinedMs} ms after the kill; test ${Date.now() - started} ms`,
    );
    for (const c of chatters) c.conn.dispose();
    for (const v of floor) v.conn.dispose();
  });
});
