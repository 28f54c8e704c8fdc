// Live presence against a real server on 127.0.0.1 with real @colyseus/sdk clients.
import fs from 'node:fs';
import path from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Level } from '../../shared/level/schema.ts';
import { doorstep } from '../../shared/level/stand.ts';
import { CLIENT_MSG, type Counts, type PeopleDelta, ROOMS, SERVER_MSG, type Welcome, fromDm } from '../../shared/protocol.ts';
import { ROOT } from '../../server/config.ts';
import { bootServer } from '../e2e/harness.ts';

const school = Level.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'levels/school.json'), 'utf8')));
const entrance = school.landmarks.find((l) => l.kind === 'entrance')!;

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

async function join(opts: Record<string, unknown> = {}): Promise<Visitor> {
  const client = new Client(server.url);
  const room = await client.joinOrCreate(ROOMS.floor, { floorId: 'school', ...opts });
  room.reconnection.minUptime = 0;
  const v: Visitor = { room, me: null as unknown as Welcome, people: new Map(), counts: null, corrections: [], warnings: [] };
  const welcomed = new Promise<void>((resolve) => {
    room.onMessage(SERVER_MSG.welcome, (w: Welcome) => {
      v.me = w;
      resolve();
    });
  });
  const dm = new Map<number, [number, number]>();
  room.onMessage(SERVER_MSG.people, (d: PeopleDelta) => {
    for (const id of d.leave ?? []) v.people.delete(id);
    const e = d.enter ?? [];
    for (let i = 0; i < e.length; i += 5) {
      dm.set(e[i] as number, [e[i + 1] as number, e[i + 2] as number]);
      v.people.set(e[i] as number, { x: fromDm(e[i + 1] as number), y: fromDm(e[i + 2] as number), name: e[i + 4] as string });
    }
    const m = d.move ?? [];
    for (let i = 0; i < m.length; i += 3) {
      const p = v.people.get(m[i]!);
      const last = dm.get(m[i]!);
      if (!p || !last) continue;
      last[0] += m[i + 1]!;
      last[1] += m[i + 2]!;
      Object.assign(p, { x: fromDm(last[0]), y: fromDm(last[1]) });
    }
  });
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
    const far = school.stands.reduce((best, s) => (Math.hypot(s.x - entrance.x, s.y - entrance.y) > Math.hypot(best.x - entrance.x, best.y - entrance.y) ? s : best));
    const spot = doorstep(far);
    const a = await join({ name: 'Вера' });
    a.room.send(CLIENT_MSG.view, { x: entrance.x - 30, y: entrance.y - 20, w: 60, h: 40 });
    const b = await join({ name: 'Глеб', x: spot.x, y: spot.y });
    expect(Math.hypot(b.me.x - spot.x, b.me.y - spot.y)).toBeLessThan(0.01);
    const c = await join({ name: 'Дина', x: spot.x + 0.5, y: spot.y });
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
});
