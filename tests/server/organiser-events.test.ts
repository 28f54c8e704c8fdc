// The console and the programme events' Q&A rooms on a real server on 127.0.0.1: an
// announcement to the viewers of one event reaches everyone connected to that event's room at
// once (and nobody watching another event), later pages read it over HTTP, an unknown event is
// refused; the console counts an event's viewers (distinct browsers, from the rooms' presence
// count); and a role or stand change closes the account's open staff connections (Q&A moderator,
// stand chat staff) at once, after which a new ticket is judged by the new role. The moderation
// overview shows who moderates each event's Q&A now, the questions waiting, and today's removals
// and mutes.
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import { CHAT_CLOSE } from '../../shared/chat.ts';
import type { Announcement, FairOverview } from '../../shared/organiser.ts';
import { PROTOCOL_VERSION, ROOMS } from '../../shared/protocol.ts';
import { QA_CLIENT_MSG, QA_SERVER_MSG } from '../../shared/qa.ts';
import { type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';
import { visitorCookie } from '../fixtures/visitor.ts';
import { freePort } from '../../scripts/lib/measure.ts';
import { joinAsStaff, joinAsVisitor, ticketFor, until } from '../rooms/chatDriver.ts';

/** Two events of the sample programme. */
const EVENT = 'cont-d1-school-architecture-1';
const OTHER = 'cont-d1-school-architecture-2';

let server: TestServer;
let org: string;
beforeAll(async () => {
  server = await bootTestServer({ maxSocketsPerAddress: 1000, maxPendingJoinsPerAddress: 100 });
  org = await login(server.url, 'org');
});
afterAll(async () => {
  await server.close();
});

interface Watcher {
  room: Room;
  heard: Announcement[];
  closedWith: number | null;
}

/** The event page's Q&A connection: a visitor (cookie) or a moderator (ticket). */
async function watch(eventId: string, as: { cookie: string } | { ticket: string }): Promise<Watcher> {
  const client = new Client(server.url, { headers: 'cookie' in as ? { Cookie: as.cookie } : {} });
  const room = await client.joinOrCreate(ROOMS.qa, { protocol: PROTOCOL_VERSION, eventId, ...('ticket' in as ? { ticket: as.ticket } : {}) });
  room.reconnection.minUptime = 0;
  const w: Watcher = { room, heard: [], closedWith: null };
  let welcomed!: () => void;
  const ready = new Promise<void>((r) => (welcomed = r));
  room.onMessage(QA_SERVER_MSG.welcome, () => welcomed());
  room.onMessage(QA_SERVER_MSG.announcement, (a: Announcement) => w.heard.push(a));
  room.onMessage('*', () => {});
  room.onLeave((code) => (w.closedWith = code));
  await ready;
  return w;
}

const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
const announce = (body: object) => call(server.url, 'POST', API.organiserAnnouncements, { cookie: org, body });
const overview = async () => (await call(server.url, 'GET', API.organiserOverview, { cookie: org })).json as FairOverview;

describe('announcements to the viewers of one event', () => {
  it('reach everyone connected to that event at once, not other events, and later pages over HTTP', async () => {
    const a = await watch(EVENT, { cookie: await visitorCookie(server.url) });
    const b = await watch(EVENT, { cookie: await visitorCookie(server.url) });
    const mod = await watch(EVENT, { ticket: await ticketFor(server.url, 'mod') });
    const elsewhere = await watch(OTHER, { cookie: await visitorCookie(server.url) });
    const res = await announce({ audience: { kind: 'event', eventId: EVENT }, style: 'toast', text: { ru: 'Начинаем через 5 минут', en: 'Starting in 5 minutes' }, endsAt: inAnHour() });
    expect(res.status).toBe(201);
    const sent = res.json as Announcement;
    await until(() => a.heard.length > 0 && b.heard.length > 0 && mod.heard.length > 0);
    expect(a.heard).toEqual([sent]);
    expect(b.heard).toEqual([sent]);
    expect(a.heard[0]!.text).toEqual({ ru: 'Начинаем через 5 минут', en: 'Starting in 5 minutes' });
    // The other event's room heard nothing (a request round trip later, still nothing).
    await call(server.url, 'GET', API.announcementsCurrent);
    expect(elsewhere.heard).toEqual([]);

    const mine = (await call(server.url, 'GET', `${API.announcementsCurrent}?event=${EVENT}`)).json as { announcements: Announcement[] };
    expect(mine.announcements.map((x) => x.id)).toContain(sent.id);
    const theirs = (await call(server.url, 'GET', `${API.announcementsCurrent}?event=${OTHER}`)).json as { announcements: Announcement[] };
    expect(theirs.announcements.map((x) => x.id)).not.toContain(sent.id);
    // Recorded: stored and audited.
    expect((await server.storage.listAudit(1))[0]).toMatchObject({ action: 'announcement.create', actorId: 'org' });
    for (const w of [a, b, mod, elsewhere]) await w.room.leave(true);
  });

  it('a scheduled one reaches the room at its start, not before', async () => {
    const w = await watch(EVENT, { cookie: await visitorCookie(server.url) });
    const startsAt = new Date(Date.now() + 1500).toISOString();
    const res = await announce({ audience: { kind: 'event', eventId: EVENT }, style: 'banner', text: { ru: 'Скоро', en: 'Soon' }, startsAt, endsAt: inAnHour() });
    expect(res.status).toBe(201);
    expect(w.heard).toEqual([]);
    await until(() => w.heard.length > 0, 8000);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(startsAt));
    expect(w.heard[0]!.id).toBe((res.json as Announcement).id);
    await w.room.leave(true);
  });

  it('refuses an event the programme does not have, and stores nothing', async () => {
    const before = (await call(server.url, 'GET', API.organiserAnnouncements, { cookie: org })).json as { announcements: Announcement[] };
    const res = await announce({ audience: { kind: 'event', eventId: 'no-such-event' }, style: 'toast', text: { ru: 'x', en: 'x' }, endsAt: inAnHour() });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/no programme event/);
    const after = (await call(server.url, 'GET', API.organiserAnnouncements, { cookie: org })).json as { announcements: Announcement[] };
    expect(after.announcements).toEqual(before.announcements);
  });
});

describe('programme viewers on the fair at a glance', () => {
  it('counts distinct browsers on an event page, and drops them when they leave', async () => {
    const cookie = await visitorCookie(server.url);
    const tab1 = await watch(EVENT, { cookie });
    const tab2 = await watch(EVENT, { cookie }); // the same browser in a second tab
    const other = await watch(EVENT, { cookie: await visitorCookie(server.url) });
    const mod = await watch(EVENT, { ticket: await ticketFor(server.url, 'mod') }); // moderators are not viewers
    await expect.poll(async () => (await overview()).eventViewersNow[EVENT], { timeout: 10_000 }).toBe(2);
    for (const w of [tab1, tab2, other, mod]) await w.room.leave(true);
    await expect.poll(async () => (await overview()).eventViewersNow[EVENT], { timeout: 15_000 }).toBeUndefined();
  });
});

describe('the moderation overview', () => {
  it('shows the moderators on duty and the questions waiting per event, and counts removals and mutes', async () => {
    const mod = await watch(EVENT, { ticket: await ticketFor(server.url, 'mod') });
    const asker = await watch(EVENT, { cookie: await visitorCookie(server.url) });
    const asked = await asker.room.request(QA_CLIENT_MSG.ask, { text: 'Когда будет запись?', anonymous: false }, { timeout: 5000 });
    expect(asked).toMatchObject({ ok: true });
    await expect.poll(async () => (await overview()).moderation.events.find((e) => e.eventId === EVENT)).toEqual({ eventId: EVENT, moderators: ['Test Moderator'], waiting: 1 });
    const before = (await overview()).moderation.today;

    // Stand chat: staff remove a visitor's message and mute its author.
    const visitor = await joinAsVisitor(server.url, 'a-1', 'Гость');
    const staff = await joinAsStaff(server.url, 'a-1', 'alpha');
    const posted = await visitor.post('реклама');
    expect(posted.ok).toBe(true);
    const id = (posted as { ok: true; message: { id: number } }).message.id;
    expect(await staff.mute(id, 10)).toMatchObject({ ok: true });
    expect(await staff.remove(id)).toMatchObject({ ok: true });
    const after = (await overview()).moderation.today;
    expect(after.chatDeleted).toBe(before.chatDeleted! + 1);
    expect(after.chatMuted).toBe(before.chatMuted! + 1);
    for (const w of [mod, asker]) await w.room.leave(true);
    for (const u of [visitor, staff]) await u.leave();
    await expect.poll(async () => (await overview()).moderation.events.some((e) => e.eventId === EVENT), { timeout: 10_000 }).toBe(false);
  });
});

describe('a role or stand change closes the open staff connections', () => {
  it('closes a Q&A moderator at once, and the new role no longer moderates', async () => {
    const mod = await watch(EVENT, { ticket: await ticketFor(server.url, 'mod') });
    const viewer = await watch(EVENT, { cookie: await visitorCookie(server.url) });
    const res = await call(server.url, 'PATCH', apiPath(API.organiserAccount, { accountId: 'mod' }), { cookie: org, body: { role: 'exhibitor', exhibitors: ['alpha-school'] } });
    expect(res.status).toBe(200);
    await until(() => mod.closedWith !== null);
    expect(mod.closedWith).toBe(CHAT_CLOSE.sessionEnded);
    // Only that account: the visitor stays connected.
    expect(viewer.closedWith).toBeNull();
    // The session lives on (a role change is not a logout), but its new ticket moderates nothing.
    await expect(watch(EVENT, { ticket: await ticketFor(server.url, 'mod') })).rejects.toThrow(/moderate/);
    await viewer.room.leave(true);
  });

  it('closes a stand chat staff connection when its stands change', async () => {
    const staff = await joinAsStaff(server.url, 'a-1', 'alpha');
    const colleague = await joinAsStaff(server.url, 'a-1', 'org');
    const res = await call(server.url, 'PATCH', apiPath(API.organiserAccount, { accountId: 'alpha' }), { cookie: org, body: { exhibitors: ['gamma-lab'] } });
    expect(res.status).toBe(200);
    await until(() => staff.closedWith !== null);
    expect(staff.closedWith).toBe(CHAT_CLOSE.sessionEnded);
    expect(colleague.closedWith).toBeNull();
    // Judged by the new stands: alpha no longer staffs a-1.
    await expect(joinAsStaff(server.url, 'a-1', 'alpha')).rejects.toThrow();
    // An unchanged role and stands close nothing.
    const again = await joinAsStaff(server.url, 'a-1', 'org');
    const same = await call(server.url, 'PATCH', apiPath(API.organiserAccount, { accountId: 'alpha' }), { cookie: org, body: { exhibitors: ['gamma-lab'] } });
    expect(same.status).toBe(200);
    await call(server.url, 'GET', API.announcementsCurrent);
    expect(again.closedWith).toBeNull();
    for (const u of [colleague, again]) await u.leave();
  });
});

describe('invitation mail through the shared mailer', () => {
  it('counts a failed delivery on the console and says so to the organiser', async () => {
    // Nothing listens on this port: the shared mailer's SMTP attempt fails at once.
    const dead = await bootTestServer({ smtpUrl: `smtp://127.0.0.1:${await freePort()}?ignoreTLS=true` });
    try {
      const cookie = await login(dead.url, 'org');
      const before = ((await call(dead.url, 'GET', API.organiserOverview, { cookie })).json as FairOverview).mailFailures;
      const res = await call(dead.url, 'POST', API.organiserInvitations, { cookie, body: { email: 'nobody@example.org', name: 'Никто', role: 'exhibitor', exhibitors: ['alpha-school'], staffAdmin: false } });
      expect(res.status).toBe(201);
      expect((res.json as { mail: { status: string } }).mail.status).toBe('failed');
      const after = ((await call(dead.url, 'GET', API.organiserOverview, { cookie })).json as FairOverview).mailFailures;
      expect(after).toBe(before + 1);
    } finally {
      await dead.close();
    }
  });
});
