// Three server processes behind one Redis and one PostgreSQL, with Debian's nginx in front
// running docs/deploy/nginx.conf. What must hold when the fair runs on several processes:
// visitors whose matchmaking went to different processes share a floor room and see each
// other; an overflowing floor opens its next instance in another process and counts are
// summed across them; a lead posted through one process reaches the cabinet's live feed held
// by another; a logout answered by one process closes the staff chat connection another
// holds; rate limits count across processes; a queued materials e-mail goes out once however
// many processes resume it at start; and a process killed with SIGKILL drops out of the counts.
import type { AddressInfo } from 'node:net';
import { Client, type Room } from '@colyseus/sdk';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { API, type LeadAccepted, apiPath } from '../../shared/api.ts';
import { CHAT_CLOSE } from '../../shared/chat.ts';
import { PeopleMirror } from '../../shared/peopleDelta.ts';
import { type Counts, PROTOCOL_VERSION, ROOMS, SERVER_MSG, type PeopleDelta } from '../../shared/protocol.ts';
import { newLead } from '../../server/services/leads.ts';
import { openPostgresStorage } from '../../server/storage/postgres/postgresStorage.ts';
import { CALLBACK, CARD, call, login } from '../fixtures/cabinet.ts';
import { freshDatabase, redisDb } from '../fixtures/services.ts';
import { visitorCookie } from '../fixtures/visitor.ts';
import { type Cluster, startCluster } from './cluster.ts';

const QUEUED_AT_START = 4;

interface Smtp {
  url: string;
  /** X-Expo-Lead of every message accepted. */
  leads: string[];
  close(): Promise<void>;
}

async function startSmtp(): Promise<Smtp> {
  const leads: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        leads.push(/^X-Expo-Lead: (.+)$/im.exec(raw)?.[1]?.trim() ?? '?');
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}?ignoreTLS=true`, leads, close: () => new Promise((r) => server.close(() => r())) };
}

async function until(what: string | (() => string), check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${typeof what === 'string' ? what : what()}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A client that notes every address it builds (matchmaking requests and room sockets). */
function clientOf(baseUrl: string, cookie: string | null, sockets: string[]): Client {
  return new Client(baseUrl, {
    headers: cookie ? { Cookie: cookie } : {},
    urlBuilder: (url) => {
      sockets.push(url.toString());
      return url.toString();
    },
  });
}

/** The process number (PUBLIC_ADDRESS /p/N/) of the room socket a client opened. */
function processOf(urls: readonly string[]): number {
  const socketUrl = urls.find((u) => u.startsWith('ws'));
  const n = /\/p\/(\d)\//.exec(socketUrl ?? '')?.[1];
  if (!n) throw new Error(`socket ${socketUrl} did not go through a /p/N/ path of nginx`);
  return Number(n);
}

interface FloorVisitor {
  room: Room;
  process: number;
  names(): string[];
  counts: Counts | null;
}

async function joinFloor(matchmakeUrl: string, cookieFrom: string, name: string): Promise<FloorVisitor> {
  const sockets: string[] = [];
  const client = clientOf(matchmakeUrl, await visitorCookie(cookieFrom), sockets);
  const room = await client.joinOrCreate(ROOMS.floor, { floorId: 'mini-a', name, protocol: PROTOCOL_VERSION });
  room.reconnection.maxRetries = 0;
  const mirror = new PeopleMirror();
  const v: FloorVisitor = { room, process: processOf(sockets), names: () => [...mirror.people.values()].map((p) => p.name).sort(), counts: null };
  room.onMessage(SERVER_MSG.people, (d: PeopleDelta) => mirror.apply(d));
  room.onMessage(SERVER_MSG.counts, (c: Counts) => (v.counts = c));
  room.onMessage('*', () => {});
  return v;
}

let cluster: Cluster;
let db: { url: string; drop(): Promise<void> };
let smtp: Smtp;
const queuedIds: string[] = [];

beforeAll(async () => {
  db = await freshDatabase(inject('databaseUrl'));
  smtp = await startSmtp();
  cluster = await startCluster({
    processes: 1,
    slots: 3,
    redisUrl: redisDb(inject('redisUrl'), 1),
    databaseUrl: db.url,
    env: { ROOM_CAPACITY: '2', LEADS_PER_MINUTE: '3', SMTP_URL: smtp.url, QUIET: '1' },
  });
  // Cards whose mail was still queued when the fair last stopped: the two processes that start
  // now both look for queued mail; each e-mail must still go out once.
  const storage = await openPostgresStorage(db.url, { log: () => {} });
  try {
    for (let i = 0; i < QUEUED_AT_START; i++) {
      const lead = newLead('alpha-school', 'a-1', { kind: 'card', card: { ...CARD.card, email: `queued${i}@example.org` } });
      await storage.addLead(lead);
      queuedIds.push(lead.id);
    }
  } finally {
    await storage.close();
  }
  await Promise.all([cluster.start(2), cluster.start(3)]);
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  await smtp?.close();
  await db?.drop();
});

describe('three processes behind nginx and Redis', () => {
  const visitors: FloorVisitor[] = [];
  const p = (n: number) => cluster.processes[n - 1]!;

  it('puts visitors matchmade by different processes in one room, where they see each other', async () => {
    visitors.push(await joinFloor(p(1).url, p(1).url, 'Аня'));
    visitors.push(await joinFloor(p(2).url, p(2).url, 'Борис'));
    const [a, b] = visitors as [FloorVisitor, FloorVisitor];
    expect(b.room.roomId).toBe(a.room.roomId);
    expect(b.process).toBe(a.process);
    await until('each sees the other', () => a.names().includes('Борис') && b.names().includes('Аня'));
  });

  it('opens the overflow instance in another process and sums counts over both', async () => {
    // Each process tells the others how many rooms it holds at most once a second (Colyseus
    // stats); the new instance goes to the one with the fewest.
    await new Promise((r) => setTimeout(r, 1500));
    // Matchmaking through nginx this time, as a browser does.
    const c = await joinFloor(cluster.url, cluster.url, 'Вера');
    visitors.push(c);
    const [a] = visitors as [FloorVisitor];
    expect(c.room.roomId).not.toBe(a.room.roomId);
    expect(c.process).not.toBe(a.process);
    await until('counts summed', () => a.counts?.floors['mini-a'] === 3 && a.counts.instances === 2 && c.counts?.floors['mini-a'] === 3);
  });

  it('sends a lead posted through one process to the cabinet feed held by another', async () => {
    const cookie = await login(p(2).url, 'alpha');
    const ac = new AbortController();
    const res = await fetch(p(2).url + API.cabinetEvents, { headers: { cookie }, signal: ac.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = '';
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += new TextDecoder().decode(value);
      }
    })().catch(() => {});
    await until('stream open', () => text.includes('connected'));
    const posted = await call(p(1).url, 'POST', apiPath(API.callback, { exhibitorId: 'alpha-school' }) + '?stand=a-1', {
      body: CALLBACK,
      headers: { 'x-forwarded-for': '10.20.0.1' },
    });
    expect(posted.status).toBe(201);
    const { id } = posted.json as LeadAccepted;
    await until('lead in the feed', () => text.includes(id), 5000);
    ac.abort();
    await reading;
  });

  it('closes a staff chat connection held by one process when another answers the logout', async () => {
    const cookie = await login(cluster.url, 'alpha');
    const ticket = await call(cluster.url, 'POST', API.chatTicket, { cookie });
    expect(ticket.status).toBe(200);
    const sockets: string[] = [];
    const client = clientOf(cluster.url, null, sockets);
    const room = await client.joinOrCreate(ROOMS.standChat, { standId: 'a-1', ticket: (ticket.json as { ticket: string }).ticket, protocol: PROTOCOL_VERSION });
    room.onMessage('*', () => {});
    let closedWith: number | null = null;
    room.onLeave((code) => (closedWith = code));
    const holder = processOf(sockets);
    const other = [1, 2, 3].find((n) => n !== holder)!;
    const out = await call(p(other).url, 'POST', API.logout, { cookie });
    expect(out.status).toBeLessThan(300);
    await until('staff connection closed', () => closedWith === CHAT_CLOSE.sessionEnded, 5000);
  });

  it('counts a visitor address\'s leads across processes', async () => {
    const statuses: number[] = [];
    for (const n of [1, 2, 3, 1]) {
      const r = await call(p(n).url, 'POST', apiPath(API.callback, { exhibitorId: 'alpha-school' }) + '?stand=a-1', {
        body: CALLBACK,
        headers: { 'x-forwarded-for': '10.30.0.1' },
      });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('locks a stranger address out of an e-mail after five failures, wherever they were answered', async () => {
    const statuses: number[] = [];
    for (const n of [1, 2, 3, 1, 2, 3]) {
      const r = await call(p(n).url, 'POST', API.login, {
        body: { email: 'beta@test.local', password: 'not the password' },
        headers: { 'x-forwarded-for': '10.40.0.1' },
      });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('sends each queued materials e-mail once although two processes resumed the queue', async () => {
    const posted = await call(cluster.url, 'POST', apiPath(API.cardForMaterials, { exhibitorId: 'alpha-school' }) + '?stand=a-1', { body: CARD });
    expect(posted.status).toBe(201);
    const all = [...queuedIds, (posted.json as LeadAccepted).id];
    await until('every e-mail sent', () => all.every((id) => smtp.leads.includes(id)), 20_000);
    // A second sender would be a moment behind the first: give it that moment.
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.leads.filter((id) => all.includes(id)).sort()).toEqual([...all].sort());
  });

  it('drops the visitors of a process killed with SIGKILL from everyone\'s counts', async () => {
    const [a, , c] = visitors as [FloorVisitor, FloorVisitor, FloorVisitor];
    await p(c.process).kill9();
    await until(() => `dead process's counts expired (last seen ${JSON.stringify(a.counts)}, a open ${a.room.connection.isOpen}) ${p(a.process).output().slice(-3000)}`, () => a.counts?.floors['mini-a'] === 2 && a.counts.instances === 1, 15_000);
  });
});
