// Live presence against a real server on 127.0.0.1 with real @colyseus/sdk clients, each a
// visitor with its own signed visitor-id cookie (as a browser gets it).
import fs from 'node:fs';
import path from 'node:path';
import type { Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { arrivalPoint } from '../../shared/arrival.ts';
import { buildFloorModel } from '../../shared/level/model.ts';
import { findWalk } from '../../shared/level/pathfinding.ts';
import { Level } from '../../shared/level/schema.ts';
import { doorstep } from '../../shared/level/stand.ts';
import { PeopleMirror } from '../../shared/peopleDelta.ts';
import {
  CHAT_SERVER_MSG,
  CLIENT_MSG,
  type Counts,
  JOIN_ERRORS,
  type PeopleDelta,
  PROTOCOL_OUTDATED,
  PROTOCOL_VERSION,
  ROOMS,
  SERVER_MSG,
  type Welcome,
} from '../../shared/protocol.ts';
import { ROOT } from '../../server/config.ts';
import { bootServer } from '../e2e/harness.ts';
import { visitorClient, visitorCookie } from '../fixtures/visitor.ts';

const school = Level.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/school.json'), 'utf8')));
const schoolModel = buildFloorModel(school);
const entrance = arrivalPoint(school).at;

let server: Awaited<ReturnType<typeof bootServer>>;

beforeAll(async () => {
  server = await bootServer();
});
afterAll(async () => {
  await server?.close();
});

/** A visitor's view of the floor as the client keeps it. */
interface Visitor {
  room: Room;
  me: Welcome;
  people: Map<number, { x: number; y: number; name: string }>;
  counts: Counts | null;
  corrections: { x: number; y: number }[];
  warnings: string[];
}

/** Joins the school floor as a visitor: a fresh one, or the one whose cookie is given. */
async function join(opts: Record<string, unknown> = {}, cookie?: string): Promise<Visitor> {
  const client = await visitorClient(server.url, cookie);
  const room = await client.joinOrCreate(ROOMS.floor, { floorId: 'school', protocol: PROTOCOL_VERSION, ...opts });
  room.reconnection.minUptime = 0;
  const v: Visitor = { room, me: null as unknown as Welcome, people: new Map(), counts: null, corrections: [], warnings: [] };
  const welcomed = new Promise<void>((resolve) => {
    room.onMessage(SERVER_MSG.welcome, (w: Welcome) => {
      v.me = w;
      resolve();
    });
  });
  const mirror = new PeopleMirror();
  v.people = mirror.people;
  room.onMessage(SERVER_MSG.people, (d: PeopleDelta) => mirror.apply(d));
  room.onMessage(SERVER_MSG.counts, (c: Counts) => (v.counts = c));
  room.onMessage(SERVER_MSG.correct, (c: { x: number; y: number }) => v.corrections.push(c));
  room.onMessage(SERVER_MSG.warning, (w: { message: string }) => v.warnings.push(w.message));
  await welcomed;
  return v;
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Walks in small legal steps (as a real client at 10 Hz would). */
async function walk(v: Visitor, to: { x: number; y: number }): Promise<void> {
  let { x, y } = v.me;
  for (;;) {
    const d = Math.hypot(to.x - x, to.y - y);
    if (d < 0.01) break;
    const step = Math.min(d, 0.7);
    x += ((to.x - x) / d) * step;
    y += ((to.y - y) / d) * step;
    v.room.send(CLIENT_MSG.move, { x, y });
    await new Promise((r) => setTimeout(r, 100));
  }
  v.me = { ...v.me, x, y };
}

/** Walks along the floor's alleys, as the hall engine's click-to-walk does. */
async function walkPath(v: Visitor, to: { x: number; y: number }): Promise<void> {
  const w = findWalk(schoolModel.graph, v.me, to);
  for (const p of w ? w.points.slice(1) : [to]) await walk(v, p);
}

/** Cuts a client's socket without a goodbye (a flaky link), its SDK not reconnecting. */
function cutLink(v: Visitor): void {
  v.room.reconnection.enabled = false;
  (v.room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws.close();
}

/** Collects the server's console.warn lines while `fn` runs. */
async function warnLines(fn: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return lines;
}

describe('floor presence', () => {
  it('two visitors near each other see each other move', async () => {
    const a = await join({ name: 'Анна' });
    const b = await join({ name: 'Борис' });
    await until(() => a.people.has(b.me.id) && b.people.has(a.me.id));
    expect(a.people.get(b.me.id)!.name).toBe('Борис');
    const target = { x: entrance.x, y: entrance.y - 4 };
    await walk(b, target);
    await until(() => {
      const seen = a.people.get(b.me.id)!;
      return Math.hypot(seen.x - target.x, seen.y - target.y) < 0.11;
    });
    await a.room.leave();
    await until(() => !b.people.has(a.me.id));
    await b.room.leave();
  });

  it('does not send far-away visitors, and counts visitors at a stand', async () => {
    // The stairs are at the far end of the hall from the entrance; arriving by them is allowed.
    const stairs = school.portals.find((p) => p.id === 'stairs-up')!;
    const far = school.stands.reduce((best, s) => (Math.hypot(doorstep(s).x - stairs.x, doorstep(s).y - stairs.y) < Math.hypot(doorstep(best).x - stairs.x, doorstep(best).y - stairs.y) ? s : best));
    const spot = doorstep(far);
    const a = await join({ name: 'Вера' });
    a.room.send(CLIENT_MSG.view, { x: entrance.x - 30, y: entrance.y - 20, w: 60, h: 40 });
    const b = await join({ name: 'Глеб', portal: stairs.id });
    expect(Math.hypot(b.me.x - stairs.x, b.me.y - stairs.y)).toBeLessThan(0.01);
    const c = await join({ name: 'Дина', portal: stairs.id });
    await Promise.all([b, c].map((v) => walkPath(v, spot)));
    await until(() => (a.counts?.stands[far.id] ?? 0) === 2, 4000);
    expect(a.counts!.floors.school).toBe(3);
    await new Promise((r) => setTimeout(r, 400));
    expect(a.people.has(b.me.id)).toBe(false);
    expect(a.people.has(c.me.id)).toBe(false);
    expect(b.people.has(c.me.id)).toBe(true);
    await Promise.all([a, b, c].map((v) => v.room.leave()));
  });

  it('rejects moves through stands or faster than walking, and malformed messages', async () => {
    const a = await join({ name: 'Егор' });
    a.room.send(CLIENT_MSG.move, { x: a.me.x, y: a.me.y - 60 }); // teleport
    await until(() => a.corrections.length === 1);
    const stand = school.stands[0]!;
    a.room.send(CLIENT_MSG.move, { x: stand.x + stand.w / 2, y: stand.y + stand.h / 2 });
    await until(() => a.corrections.length === 2);
    a.room.send(CLIENT_MSG.move, { x: 'left', y: null });
    a.room.send(CLIENT_MSG.view, 'everything');
    a.room.send('become-organiser', { please: true });
    await until(() => a.warnings.length === 3);
    // Still connected and served after all that.
    const b = await join({ name: 'Жанна' });
    await until(() => a.people.has(b.me.id));
    expect(a.people.get(b.me.id)!.name).toBe('Жанна');
    await Promise.all([a.room.leave(), b.room.leave()]);
  });

  it('cleans names and refuses staff-like ones', async () => {
    const a = await join({ name: '  Модератор ММСО  ' });
    expect(a.me.name).toMatch(/^Гость \d+$/);
    const b = await join({ name: `  ${'Очень-длинное-имя-'.repeat(5)}  ` });
    expect(b.me.name.length).toBeLessThanOrEqual(24);
    b.room.send(CLIENT_MSG.profile, { name: 'Organizer', colour: 1 });
    await until(() => b.warnings.length === 1);
    await Promise.all([a.room.leave(), b.room.leave()]);
  });

  it('disconnects a flooding client', async () => {
    const a = await join({ name: 'Флудер' });
    const left = new Promise<number>((resolve) => a.room.onLeave((code) => resolve(code)));
    for (let i = 0; i < 400; i++) a.room.send(CLIENT_MSG.view, { x: 0, y: 0, w: 10, h: 10 });
    const code = await left;
    expect(code).toBeGreaterThanOrEqual(4000);
  });

  it('a dropped connection resumes the same avatar, without a duplicate', async () => {
    const a = await join({ name: 'Зоя' });
    const b = await join({ name: 'Игорь' });
    await until(() => b.people.has(a.me.id));
    const reconnected = new Promise<void>((resolve) => a.room.onReconnect(() => resolve()));
    // Kill the socket without a goodbye, as a flaky mobile link would.
    (a.room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws.close();
    await reconnected;
    await until(() => a.me !== undefined);
    const sameId = a.me.id;
    await walk(a, { x: a.me.x, y: a.me.y - 3 });
    await until(() => Math.abs(b.people.get(sameId)!.y - a.me.y) < 0.11);
    expect([...b.people.values()].filter((p) => p.name === 'Зоя')).toHaveLength(1);
    await Promise.all([a.room.leave(), b.room.leave()]);
  });

  it('a dropped visitor who joins afresh leaves no ghost: the old avatar goes at once', async () => {
    const cookie = await visitorCookie(server.url);
    const a = await join({ name: 'Лев' }, cookie);
    const b = await join({ name: 'Мира' });
    await until(() => b.people.has(a.me.id));
    cutLink(a);
    // The server notices the drop and holds the seat; then the page gives up on it and joins
    // again: the same visitor, a new seat.
    await new Promise((r) => setTimeout(r, 300));
    const again = await join({ name: 'Лев' }, cookie);
    expect(again.me.id).not.toBe(a.me.id);
    await until(() => b.people.has(again.me.id) && !b.people.has(a.me.id), 2000);
    expect([...b.people.values()].filter((p) => p.name === 'Лев')).toHaveLength(1);
    await Promise.all([again.room.leave(), b.room.leave()]);
  });

  it('a dropped visitor who does not come back is gone within five seconds', async () => {
    const a = await join({ name: 'Нина' });
    const b = await join({ name: 'Олег' });
    await until(() => b.people.has(a.me.id));
    const cut = Date.now();
    cutLink(a);
    await until(() => !b.people.has(a.me.id), 7000);
    expect(Date.now() - cut).toBeLessThan(5000 + 500);
    await b.room.leave();
  });

  it('the server chooses the spawn: x/y in join options are ignored, a visitor comes back where they stood', async () => {
    const stand = school.stands[0]!;
    const cookie = await visitorCookie(server.url);
    const a = await join({ name: 'Павел', x: doorstep(stand).x, y: doorstep(stand).y }, cookie);
    // At the floor's arrival point (spread a little around it), not where the page asked.
    expect(Math.hypot(a.me.x - entrance.x, a.me.y - entrance.y)).toBeLessThan(3);
    const unknown = await join({ name: 'Рита', portal: 'no-such-portal' });
    expect(Math.hypot(unknown.me.x - entrance.x, unknown.me.y - entrance.y)).toBeLessThan(3);
    const spot = { x: a.me.x, y: a.me.y - 3 };
    await walk(a, spot);
    await a.room.leave();
    const back = await join({ name: 'Павел' }, cookie);
    expect(Math.hypot(back.me.x - spot.x, back.me.y - spot.y)).toBeLessThan(0.01);
    await Promise.all([back.room.leave(), unknown.room.leave()]);
  });

  it('a guest without a name gets the guest name of their visitor id, the same on every join', async () => {
    const cookie = await visitorCookie(server.url);
    const a = await join({}, cookie);
    expect(a.me.name).toMatch(/^Гость \d{4}$/);
    await a.room.leave();
    const b = await join({}, cookie);
    expect(b.me.name).toBe(a.me.name);
    await b.room.leave();
  });

  it('refuses a join without a signed visitor cookie, and a forged one', async () => {
    for (const cookie of ['', 'expo_vid=AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB']) {
      const client = await visitorClient(server.url, cookie);
      const err = await client.joinOrCreate(ROOMS.floor, { floorId: 'school', protocol: PROTOCOL_VERSION }).then(
        () => null,
        (e: unknown) => e as { code?: number },
      );
      expect(err?.code, cookie || 'no cookie').toBe(JOIN_ERRORS.visitorRequired.code);
    }
  });

  it('refuses pages of an older protocol, on the floor and in the stand chat, with the reload code', async () => {
    const client = await visitorClient(server.url);
    for (const protocol of [undefined, PROTOCOL_VERSION - 1]) {
      const floor = await client.joinOrCreate(ROOMS.floor, { floorId: 'school', protocol }).then(
        () => null,
        (e: unknown) => e as { code?: number; message?: string },
      );
      expect(floor?.code).toBe(PROTOCOL_OUTDATED);
      expect(floor?.message).toBe(JOIN_ERRORS.protocolOutdated.message);
      const chat = await client.joinOrCreate(ROOMS.standChat, { standId: school.stands[0]!.id, protocol }).then(
        (room) => {
          room.onMessage(CHAT_SERVER_MSG.welcome, () => {});
          void room.leave();
          return null;
        },
        (e: unknown) => e as { code?: number },
      );
      expect(chat?.code).toBe(PROTOCOL_OUTDATED);
    }
  });

  it("stops reading a flooding client's messages once it is disconnected, and keeps the log short", async () => {
    let left: Promise<number> | null = null;
    let sessionId = '';
    const lines = await warnLines(async () => {
      const a = await join({ name: 'Спамер' });
      sessionId = a.room.sessionId;
      left = new Promise<number>((resolve) => a.room.onLeave((code) => resolve(code)));
      // 600 malformed messages in one burst: the room disconnects it after 50.
      for (let i = 0; i < 600; i++) a.room.send(CLIENT_MSG.move, { x: 'far', y: i });
      expect(await left).toBeGreaterThanOrEqual(4000);
      await new Promise((r) => setTimeout(r, 500));
    });
    const mine = lines.filter((l) => l.includes(sessionId));
    // The first drop, the disconnect, and a count of what was not logged.
    expect(mine.length, mine.join('\n')).toBeLessThanOrEqual(3);
    expect(mine.some((l) => l.includes('disconnected'))).toBe(true);
    const kickedAt = mine.findIndex((l) => l.includes('disconnected'));
    expect(mine.slice(kickedAt + 1).every((l) => !l.includes('dropped malformed'))).toBe(true);
  });
});
