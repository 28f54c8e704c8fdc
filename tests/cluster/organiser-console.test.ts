// The organisers' console when the fair runs on two processes behind nginx and one Redis: each
// process counts only its own rooms, so "visitors now" (per floor) and the viewers of an event
// must be summed across them (server/organiser/fairShares.ts, eventRooms.ts); an announcement
// posted through one process reaches an event's Q&A room (or a floor room) held by the other, and
// pages loaded through either process read it; and a role change
// answered by one process closes a Q&A moderator connection the other holds.
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import { CHAT_CLOSE } from '../../shared/chat.ts';
import type { Announcement, FairOverview } from '../../shared/organiser.ts';
import { PROTOCOL_VERSION, ROOMS, SERVER_MSG } from '../../shared/protocol.ts';
import { QA_SERVER_MSG } from '../../shared/qa.ts';
import { call, login } from '../fixtures/cabinet.ts';
import { freshDatabase, redisDb } from '../fixtures/services.ts';
import { visitorCookie } from '../fixtures/visitor.ts';
import { type Cluster, startCluster } from './cluster.ts';

const EVENT = 'cont-d1-school-architecture-1';

let cluster: Cluster;
let db: { url: string; drop(): Promise<void> };
let org: string;

beforeAll(async () => {
  db = await freshDatabase(inject('databaseUrl'));
  cluster = await startCluster({ processes: 2, redisUrl: redisDb(inject('redisUrl'), 3), databaseUrl: db.url, env: { QUIET: '1' } });
  org = await login(cluster.url, 'org');
}, 150_000);

afterAll(async () => {
  await cluster?.stop();
  await db?.drop();
});

async function until(what: string | (() => string), check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${typeof what === 'string' ? what : what()}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Joined {
  room: Room;
  /** The process (nginx /p/N/) whose room the socket reached. */
  process: number;
  heard: Announcement[];
  closedWith: number | null;
}

/** Joins through the given process's matchmaking; the room may live in either process. */
async function join(via: string, name: string, options: Record<string, unknown>, cookie: string | null): Promise<Joined> {
  const sockets: string[] = [];
  const client = new Client(via, {
    headers: cookie ? { Cookie: cookie } : {},
    urlBuilder: (url) => {
      sockets.push(url.toString());
      return url.toString();
    },
  });
  const room = await client.joinOrCreate(name, { protocol: PROTOCOL_VERSION, ...options });
  room.reconnection.maxRetries = 0;
  const n = /\/p\/(\d)\//.exec(sockets.find((u) => u.startsWith('ws')) ?? '')?.[1];
  const j: Joined = { room, process: Number(n), heard: [], closedWith: null };
  room.onMessage(QA_SERVER_MSG.announcement, (a: Announcement) => j.heard.push(a));
  room.onMessage('*', () => {});
  room.onLeave((code) => (j.closedWith = code));
  return j;
}

const overviewOf = async (n: number) => (await call(cluster.processes[n - 1]!.url, 'GET', API.organiserOverview, { cookie: org })).json as FairOverview;

describe('the console on two processes behind Redis', () => {
  it('sums visitors now per floor across the processes, on either process\'s console', async () => {
    const [p1, p2] = cluster.processes as [(typeof cluster.processes)[0], (typeof cluster.processes)[0]];
    // A new room goes to the process holding the fewest: two floors, one room in each process.
    const a = await join(p1.url, ROOMS.floor, { floorId: 'mini-a', name: 'Аня' }, await visitorCookie(p1.url));
    await new Promise((r) => setTimeout(r, 1500)); // the processes' room stats are shared once a second
    const b = await join(p2.url, ROOMS.floor, { floorId: 'mini-b', name: 'Борис' }, await visitorCookie(p2.url));
    expect(a.process).not.toBe(b.process);
    for (const n of [1, 2]) {
      await until(`process ${n}'s console sums both`, async () => {
        const o = await overviewOf(n);
        return o.totalNow === 2 && o.visitorsNow['mini-a'] === 1 && o.visitorsNow['mini-b'] === 1;
      });
    }
    await a.room.leave(true);
    await b.room.leave(true);
    await until('both left', async () => (await overviewOf(1)).totalNow === 0 && (await overviewOf(2)).totalNow === 0);
  });

  it('tells an announcement posted through one process to the event room held by the other, and counts its viewers', async () => {
    const viewer = await join(cluster.url, ROOMS.qa, { eventId: EVENT }, await visitorCookie(cluster.url));
    const other = viewer.process === 1 ? 2 : 1;
    await until('viewers counted on the other process', async () => (await overviewOf(other)).eventViewersNow[EVENT] === 1);
    const res = await call(cluster.processes[other - 1]!.url, 'POST', API.organiserAnnouncements, {
      cookie: org,
      body: { audience: { kind: 'event', eventId: EVENT }, style: 'banner', text: { ru: 'Перерыв 10 минут', en: 'A 10 minute break' }, endsAt: new Date(Date.now() + 3600_000).toISOString() },
    });
    expect(res.status).toBe(201);
    await until('announcement heard', () => viewer.heard.length === 1);
    expect(viewer.heard[0]!.id).toBe((res.json as Announcement).id);
    await viewer.room.leave(true);
  });

  it('tells a floor announcement posted through one process to the floor room held by the other; pages loaded there read it', async () => {
    const sockets: string[] = [];
    const client = new Client(cluster.url, {
      headers: { Cookie: await visitorCookie(cluster.url) },
      urlBuilder: (url) => {
        sockets.push(url.toString());
        return url.toString();
      },
    });
    const room = await client.joinOrCreate(ROOMS.floor, { floorId: 'mini-a', name: 'Галя', protocol: PROTOCOL_VERSION });
    room.reconnection.maxRetries = 0;
    const heard: Announcement[] = [];
    room.onMessage(SERVER_MSG.announcement, (a: Announcement) => heard.push(a));
    room.onMessage('*', () => {});
    const holder = Number(/\/p\/(\d)\//.exec(sockets.find((u) => u.startsWith('ws')) ?? '')?.[1]);
    const other = holder === 1 ? 2 : 1;
    const res = await call(cluster.processes[other - 1]!.url, 'POST', API.organiserAnnouncements, {
      cookie: org,
      body: { audience: { kind: 'floor', floorId: 'mini-a' }, style: 'banner', text: { ru: 'Этаж А закрывается', en: 'Floor A closes' }, endsAt: new Date(Date.now() + 3600_000).toISOString() },
    });
    expect(res.status).toBe(201);
    const id = (res.json as Announcement).id;
    await until('floor announcement heard', () => heard.some((a) => a.id === id));
    // The holder did not take it, yet a page loaded through it reads it (from the store).
    await until('the other process serves it', async () => {
      const r = await call(cluster.processes[holder - 1]!.url, 'GET', `${API.announcementsCurrent}?floor=mini-a`);
      return (r.json as { announcements: Announcement[] }).announcements.some((a) => a.id === id);
    });
    await room.leave(true);
  });

  it('closes a Q&A moderator held by one process when the other changes the role', async () => {
    const ticket = await call(cluster.url, 'POST', API.chatTicket, { cookie: await login(cluster.url, 'mod') });
    expect(ticket.status).toBe(200);
    const mod = await join(cluster.url, ROOMS.qa, { eventId: EVENT, ticket: (ticket.json as { ticket: string }).ticket }, null);
    const other = mod.process === 1 ? 2 : 1;
    const res = await call(cluster.processes[other - 1]!.url, 'PATCH', apiPath(API.organiserAccount, { accountId: 'mod' }), { cookie: org, body: { role: 'exhibitor', exhibitors: ['alpha-school'] } });
    expect(res.status).toBe(200);
    await until('moderator connection closed', () => mod.closedWith === CHAT_CLOSE.sessionEnded);
  });
});
