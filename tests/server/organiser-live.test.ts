// The fair at a glance and announcements on a real server with real floor rooms on 127.0.0.1:
// visitors now per floor, peak and unique visitors counted as they join and leave, stand
// visits and leads counted as they happen, and an announcement reaching the connected visitors
// of its floor at once, a late joiner on join, and later pages through /api/announcements/current.
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import type { Announcement, FairOverview } from '../../shared/organiser.ts';
import { PROTOCOL_VERSION, ROOMS, SERVER_MSG } from '../../shared/protocol.ts';
import { CALLBACK, type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';
import { visitorClient, visitorCookie } from '../fixtures/visitor.ts';

let server: TestServer;
let org: string;
beforeAll(async () => {
  server = await bootTestServer();
  org = await login(server.url, 'org');
});
afterAll(async () => {
  await server.close();
});

interface Visitor {
  room: Room;
  heard: Announcement[];
  next(): Promise<Announcement>;
}

async function visit(floorId: string, cookie?: string): Promise<Visitor> {
  const client = await visitorClient(server.url, cookie);
  const room = await client.joinOrCreate(ROOMS.floor, { floorId, protocol: PROTOCOL_VERSION });
  for (const t of [SERVER_MSG.people, SERVER_MSG.counts, SERVER_MSG.correct, SERVER_MSG.warning]) room.onMessage(t, () => {});
  const heard: Announcement[] = [];
  const waiting: ((a: Announcement) => void)[] = [];
  room.onMessage(SERVER_MSG.announcement, (a: Announcement) => {
    heard.push(a);
    waiting.shift()?.(a);
  });
  await new Promise<void>((resolve) => room.onMessage(SERVER_MSG.welcome, () => resolve()));
  return {
    room,
    heard,
    next: () => new Promise<Announcement>((resolve) => waiting.push(resolve)),
  };
}

async function overview(): Promise<FairOverview> {
  const res = await call(server.url, 'GET', API.organiserOverview, { cookie: org });
  expect(res.status).toBe(200);
  return res.json as FairOverview;
}

const until = (ms: number) => new Date(Date.now() + ms).toISOString();
const announce = (body: object) => call(server.url, 'POST', API.organiserAnnouncements, { cookie: org, body });

describe('the fair at a glance', () => {
  it('counts visitors now, peak and unique visitors as they join and leave', async () => {
    const cookie = await visitorCookie(server.url);
    const a1 = await visit('mini-a', cookie);
    const a2 = await visit('mini-a', cookie); // the same browser in a second tab
    const b = await visit('mini-b');
    let o = await overview();
    expect(o.visitorsNow).toEqual({ 'mini-a': 2, 'mini-b': 1 });
    expect(o.totalNow).toBe(3);
    await a1.room.leave();
    await a2.room.leave();
    await b.room.leave();
    await expect.poll(async () => (await overview()).totalNow).toBe(0);
    o = await overview();
    const today = o.days.at(-1)!;
    expect(today).toMatchObject({ uniqueVisitors: 2, peakConcurrent: 3 });
    // Written to storage in one batch: the numbers survive in the store.
    await server.storage.ping();
  });

  it('counts stand visits and leads per exhibitor', async () => {
    const cookie = await visitorCookie(server.url);
    for (let i = 0; i < 2; i++) {
      const r = await call(server.url, 'POST', apiPath(API.standEvents, { exhibitorId: 'gamma-lab' }), { cookie, body: { kind: 'visit' } });
      expect(r.status).toBeLessThan(300);
    }
    const lead = await call(server.url, 'POST', apiPath(API.callback, { exhibitorId: 'gamma-lab' }), { cookie, body: CALLBACK });
    expect(lead.status).toBeLessThan(300);
    const o = await overview();
    expect(o.topStands[0]).toEqual({ exhibitorId: 'gamma-lab', name: 'Gamma Lab', visits: 2, leads: 1 });
    expect(o.days.at(-1)).toMatchObject({ visits: 2, leads: 1 });
    const csv = await call(server.url, 'GET', API.organiserDaysCsv, { cookie: org });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text).toContain(`${o.days.at(-1)!.day};2;3;2;1`);
  });
});

describe('announcements', () => {
  it('reach the connected visitors of the floor live, late joiners on join, and later pages over HTTP', async () => {
    const onA = await visit('mini-a');
    const onB = await visit('mini-b');
    const heardA = onA.next();
    const made = await announce({ audience: { kind: 'floor', floorId: 'mini-a' }, style: 'banner', text: { ru: 'Открытие через 5 минут', en: 'Opening in 5 minutes' }, endsAt: until(600_000) });
    expect(made.status, made.text).toBe(201);
    const a = made.json as Announcement;
    expect((await heardA).id).toBe(a.id);
    // Everyone: both floors hear it; the floor's own announcement never reached mini-b.
    const heardB = onB.next();
    const all = (await announce({ audience: { kind: 'all' }, style: 'toast', text: { ru: 'Всем', en: 'Everyone' }, endsAt: until(600_000) })).json as Announcement;
    expect((await heardB).id).toBe(all.id);
    expect(onB.heard.map((x) => x.id)).toEqual([all.id]);
    // A visitor who joins now is greeted with what shows on their floor.
    const late = await visit('mini-a');
    await expect.poll(() => late.heard.map((x) => x.id).sort()).toEqual([a.id, all.id].sort());
    const current = async (q: string) => ((await call(server.url, 'GET', `${API.announcementsCurrent}${q}`)).json as { announcements: Announcement[] }).announcements.map((x) => x.id);
    expect((await current('?floor=mini-a')).sort()).toEqual([a.id, all.id].sort());
    expect(await current('?floor=mini-b')).toEqual([all.id]);
    // Recorded, with who sent it.
    expect((await server.storage.listAnnouncements(new Date().toISOString())).map((x) => x.id).sort()).toEqual([a.id, all.id].sort());
    expect((await server.storage.listAudit(5)).filter((e) => e.action === 'announcement.create')).toHaveLength(2);
    for (const v of [onA, onB, late]) await v.room.leave();
  });

  it('sends a scheduled announcement when it starts, and refuses bad ones', async () => {
    const v = await visit('mini-b');
    const heard = v.next();
    const startsAt = new Date(Date.now() + 1500).toISOString();
    const made = await announce({ audience: { kind: 'floor', floorId: 'mini-b' }, style: 'toast', text: { ru: 'Скоро', en: 'Soon' }, startsAt, endsAt: until(600_000) });
    expect(made.status).toBe(201);
    expect(((await call(server.url, 'GET', `${API.announcementsCurrent}?floor=mini-b`)).json as { announcements: Announcement[] }).announcements.map((x) => x.id)).not.toContain((made.json as Announcement).id);
    expect((await heard).id).toBe((made.json as Announcement).id);
    expect((await announce({ audience: { kind: 'floor', floorId: 'nowhere' }, style: 'toast', text: { ru: 'а', en: 'a' }, endsAt: until(60_000) })).status).toBe(400);
    expect((await announce({ audience: { kind: 'all' }, style: 'toast', text: { ru: 'а', en: '' }, endsAt: until(60_000) })).status).toBe(400);
    expect((await announce({ audience: { kind: 'all' }, style: 'toast', text: { ru: 'а', en: 'a' }, endsAt: new Date(Date.now() - 1000).toISOString() })).status).toBe(400);
    await v.room.leave();
  });
});
