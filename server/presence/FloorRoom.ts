// One floor's live presence. The server is authoritative: a client only proposes moves of
// its own avatar, which are checked against the floor (inside the hall, not through stands,
// at walking speed). Each client receives only the people near its viewport (a grid query
// per tick, diffed against what it already knows), plus counts for the whole floor.
import { type Client, Room } from '@colyseus/core';
import { dist } from '../../shared/geometry.ts';
import { type FloorModel, buildFloorModel } from '../../shared/level/model.ts';
import { doorstep } from '../../shared/level/stand.ts';
import { BODY_RADIUS, WALK_SPEED } from '../../shared/movement.ts';
import {
  AVATAR_COLOURS,
  CLIENT_MSG,
  CLIENT_SCHEMAS,
  type Counts,
  JoinOptions,
  type PeopleDelta,
  SERVER_MSG,
  type ViewMsg,
  type Welcome,
  type WhoEntry,
  cleanName,
  toDm,
} from '../../shared/protocol.ts';
import { staffedStands } from '../chat/staffOnline.ts';
import { type Person, PeopleGrid } from './peopleGrid.ts';
import { registerFloorRoom } from './roomRegistry.ts';
import { presenceSettings } from './settings.ts';
import { TokenBucket } from '../tokenBucket.ts';

/** A visitor within this distance of a stand's doorstep counts as being at the stand. */
const AT_STAND = 4;
/** Moves may outpace the walking speed by this factor (timer jitter, catching up). */
const SPEED_SLACK = 1.6;
const VIEW_MAX_W = 140;
const VIEW_MAX_H = 100;
/** People sent per client at most: the nearest ones; crowds further out show as stand counts. */
const VIEW_PEOPLE_LIMIT = 60;
const TICK_MS = 100;
const COUNTS_MS = 1000;
const RECONNECT_SECONDS = 30;

interface ClientState {
  person: Person;
  view: ViewMsg;
  /** Per person in view: the position last sent to this client (decimetres), as x * 65536 + y. */
  known: Map<number, number>;
  bucket: TokenBucket;
  lastMoveAt: number;
  malformed: number;
  /** People to drop before re-entering them with a new name. */
  renamed?: number[];
}

export class FloorRoom extends Room {
  private model!: FloorModel;
  private floorId = '';
  private grid!: PeopleGrid;
  private readonly states = new Map<string, ClientState>();
  private nextId = 1;
  private lastCounts = '';
  private readonly scratch: Person[] = [];
  private readonly seen = new Set<number>();
  private readonly kicked = new Set<string>();
  private unregister: () => void = () => {};

  override onCreate(options: unknown): void {
    const parsed = JoinOptions.safeParse(options);
    const level = parsed.success ? presenceSettings().levels()?.get(parsed.data.floorId) : undefined;
    if (!parsed.success || !level) throw new Error('unknown floor');
    this.floorId = level.id;
    this.model = buildFloorModel(level);
    this.grid = new PeopleGrid(level.size.width, level.size.height);
    this.maxClients = presenceSettings().capacity;
    // Our own bucket below decides about floods (it can tell a burst from abuse); Colyseus'
    // counter is only a last line of defence.
    this.maxMessagesPerSecond = 1000;
    this.autoDispose = true;
    void this.setMetadata({ floorId: level.id });
    this.clock.setInterval(() => this.tick(), TICK_MS);
    this.clock.setInterval(() => void this.publishCounts(), COUNTS_MS);

    for (const type of Object.values(CLIENT_MSG)) {
      this.onMessage(type, (client: Client, payload: unknown) => this.receive(client, type, payload));
    }
    // Anything else a client sends is dropped with a warning, never thrown.
    this.onMessage('*', (client: Client, type: unknown) => this.reject(client, `unknown message "${String(type)}"`));
    this.unregister = registerFloorRoom(this, this.floorId);
  }

  /** Live floor layout changes (organisers' edits) keep everyone where they are. */
  updateLevel(): void {
    const level = presenceSettings().levels()?.get(this.floorId);
    if (level && level !== this.model.level) this.model = buildFloorModel(level);
  }

  override onJoin(client: Client, options: unknown): void {
    const opts = JoinOptions.safeParse(options);
    const o = opts.success ? opts.data : { floorId: this.floorId };
    const id = this.nextId++;
    const name = (o.name !== undefined ? cleanName(o.name) : null) ?? `Гость ${1000 + (id % 9000)}`;
    const colour = o.colour ?? id % AVATAR_COLOURS.length;
    const start = o.x !== undefined && o.y !== undefined && this.walkable(o.x, o.y) ? { x: o.x, y: o.y } : this.spawnPoint(id);
    const person: Person = { id, sessionId: client.sessionId, name, colour, x: start.x, y: start.y, version: 1, standId: null, cell: 0 };
    person.standId = this.standAt(person.x, person.y);
    this.grid.add(person);
    const now = Date.now();
    this.states.set(client.sessionId, {
      person,
      view: { x: person.x - 50, y: person.y - 35, w: 100, h: 70 },
      known: new Map(),
      bucket: new TokenBucket(25, 50, now),
      lastMoveAt: now,
      malformed: 0,
    });
    this.welcome(client);
  }

  override async onDrop(client: Client, code?: number): Promise<void> {
    // A client we disconnected on purpose does not get its seat back, and neither does a
    // closed tab (1001 "going away"): only a broken link (1006 and the like) waits.
    if (this.kicked.delete(client.sessionId) || code === 1001) return;
    // The avatar stays while the client reconnects, so nobody sees it vanish and reappear.
    await this.allowReconnection(client, RECONNECT_SECONDS);
  }

  private kick(client: Client, code: number, reason: string): void {
    console.warn(`[presence] ${this.floorId}/${client.sessionId}: disconnected, ${reason}`);
    this.kicked.add(client.sessionId);
    client.leave(code, reason);
  }

  override onReconnect(client: Client): void {
    const st = this.states.get(client.sessionId);
    if (!st) return;
    st.known.clear(); // resend everyone near: the client may have missed patches
    this.welcome(client);
  }

  override onLeave(client: Client): void {
    const st = this.states.get(client.sessionId);
    if (!st) return;
    this.grid.remove(st.person);
    this.states.delete(client.sessionId);
  }

  override async onDispose(): Promise<void> {
    this.unregister();
    await Promise.all([
      this.presence.hdel(`floorcounts:${this.floorId}`, this.roomId),
      this.presence.hdel('floortotals', this.roomId),
    ]);
  }

  private welcome(client: Client): void {
    const p = this.states.get(client.sessionId)!.person;
    const w: Welcome = { id: p.id, x: p.x, y: p.y, name: p.name, colour: p.colour, roomId: this.roomId, capacity: this.maxClients };
    client.send(SERVER_MSG.welcome, w);
    if (this.lastCounts) client.send(SERVER_MSG.counts, JSON.parse(this.lastCounts) as Counts);
  }

  private reject(client: Client, why: string): void {
    const st = this.states.get(client.sessionId);
    if (!st) return;
    st.malformed++;
    console.warn(`[presence] ${this.floorId}/${client.sessionId}: dropped ${why}`);
    client.send(SERVER_MSG.warning, { message: why });
    if (st.malformed > 50) this.kick(client, 4005, 'too many malformed messages');
  }

  private receive(client: Client, type: (typeof CLIENT_MSG)[keyof typeof CLIENT_MSG], payload: unknown): unknown {
    const st = this.states.get(client.sessionId);
    if (!st) return undefined;
    const now = Date.now();
    if (!st.bucket.take(now)) {
      if (st.bucket.refused > 200) this.kick(client, 4004, 'flooding');
      return undefined;
    }
    const parsed = CLIENT_SCHEMAS[type].safeParse(payload);
    if (!parsed.success) {
      this.reject(client, `malformed "${type}": ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return undefined;
    }
    const msg = parsed.data;
    switch (type) {
      case CLIENT_MSG.move:
        this.move(client, st, msg as { x: number; y: number }, now);
        return undefined;
      case CLIENT_MSG.view: {
        const v = msg as ViewMsg;
        const w = Math.min(v.w, VIEW_MAX_W);
        const h = Math.min(v.h, VIEW_MAX_H);
        st.view = { x: v.x + (v.w - w) / 2, y: v.y + (v.h - h) / 2, w, h };
        return undefined;
      }
      case CLIENT_MSG.profile: {
        const m = msg as { name: string; colour: number };
        const name = cleanName(m.name);
        if (!name) {
          this.reject(client, 'this name cannot be used');
          return undefined;
        }
        st.person.name = name;
        st.person.colour = m.colour;
        // Everyone who sees this person gets them again as a fresh entry (new name).
        for (const other of this.states.values()) {
          if (other.known.delete(st.person.id)) (other.renamed ??= []).push(st.person.id);
        }
        return undefined;
      }
      case CLIENT_MSG.who:
        return this.who((msg as { q: string }).q);
    }
  }

  private move(client: Client, st: ClientState, m: { x: number; y: number }, now: number): void {
    const p = st.person;
    const elapsed = Math.max(0.05, (now - st.lastMoveAt) / 1000);
    const allowed = WALK_SPEED * SPEED_SLACK * Math.min(elapsed, 2) + 1;
    if (!this.walkable(m.x, m.y) || dist(p, m) > allowed) {
      client.send(SERVER_MSG.correct, { x: p.x, y: p.y });
      return;
    }
    p.x = m.x;
    p.y = m.y;
    p.version++;
    p.standId = this.standAt(m.x, m.y);
    st.lastMoveAt = now;
    this.grid.moved(p);
  }

  private walkable(x: number, y: number): boolean {
    const { size, stands } = this.model.level;
    if (x < 0 || y < 0 || x > size.width || y > size.height) return false;
    // Inside a stand's walls (with a little slack for the body) is not a place to stand.
    for (const i of this.model.grid.query({ x: x - 0.01, y: y - 0.01, w: 0.02, h: 0.02 })) {
      const s = stands[i]!;
      const r = BODY_RADIUS * 0.5;
      if (x > s.x + r && x < s.x + s.w - r && y > s.y + r && y < s.y + s.h - r) return false;
    }
    return true;
  }

  private standAt(x: number, y: number): string | null {
    let best: string | null = null;
    let bestD = AT_STAND;
    for (const i of this.model.grid.query({ x: x - AT_STAND - 3, y: y - AT_STAND - 3, w: 2 * AT_STAND + 6, h: 2 * AT_STAND + 6 })) {
      const s = this.model.level.stands[i]!;
      const d = dist(doorstep(s), { x, y });
      if (d <= bestD) {
        bestD = d;
        best = s.id;
      }
    }
    return best;
  }

  private spawnPoint(id: number): { x: number; y: number } {
    const level = this.model.level;
    const e = level.landmarks.find((l) => l.kind === 'entrance') ?? level.landmarks[0];
    const base = e ?? { x: level.size.width / 2, y: level.size.height / 2 };
    // Spread arrivals a little so a crowd at the door is not one dot.
    const a = (id * 2.399) % (2 * Math.PI);
    const r = 0.8 + (id % 5) * 0.5;
    const p = { x: base.x + Math.cos(a) * r, y: base.y + Math.sin(a) * r };
    return this.walkable(p.x, p.y) && p.y <= level.size.height ? p : { x: base.x, y: base.y };
  }

  /** Sends each client what changed among the people near its view since last tick. */
  private tick(): void {
    const naive = presenceSettings().naive;
    const { width, height } = this.model.level.size;
    for (const client of this.clients) {
      const st = this.states.get(client.sessionId);
      if (!st) continue;
      const v = naive ? { x: 0, y: 0, w: width, h: height } : st.view;
      const near = this.grid.query(v.x - 4, v.y - 4, v.w + 8, v.h + 8, naive ? Infinity : VIEW_PEOPLE_LIMIT, this.scratch);
      const delta: PeopleDelta = {};
      if (st.renamed) {
        delta.leave = st.renamed;
        st.renamed = undefined;
      }
      this.seen.clear();
      for (const p of near) {
        if (p === st.person) continue;
        this.seen.add(p.id);
        const known = st.known.get(p.id);
        const x = toDm(p.x);
        const y = toDm(p.y);
        const packed = x * 65536 + y;
        if (known === undefined) (delta.enter ??= []).push(p.id, x, y, p.colour, p.name);
        else if (known !== packed) {
          // Relative moves are small numbers: msgpack sends most of them in one byte each.
          (delta.move ??= []).push(p.id, x - Math.floor(known / 65536), y - (known % 65536));
        } else continue;
        st.known.set(p.id, packed);
      }
      for (const id of st.known.keys()) {
        if (!this.seen.has(id)) {
          (delta.leave ??= []).push(id);
          st.known.delete(id);
        }
      }
      if (delta.enter || delta.move || delta.leave) client.send(SERVER_MSG.people, delta);
    }
  }

  /** Stand counts summed over every instance of this floor, and totals per floor. */
  private async publishCounts(): Promise<void> {
    const stands: Record<string, number> = {};
    for (const st of this.states.values()) {
      const id = st.person.standId;
      if (id) stands[id] = (stands[id] ?? 0) + 1;
    }
    await this.presence.hset(`floorcounts:${this.floorId}`, this.roomId, JSON.stringify(stands));
    await this.presence.hset('floortotals', this.roomId, JSON.stringify({ floor: this.floorId, n: this.states.size }));
    const all = await this.presence.hgetall(`floorcounts:${this.floorId}`);
    const totals = await this.presence.hgetall('floortotals');
    const counts: Counts = { stands: {}, floors: {}, instances: Object.keys(all).length };
    for (const json of Object.values(all)) {
      for (const [id, n] of Object.entries(JSON.parse(json) as Record<string, number>)) counts.stands[id] = (counts.stands[id] ?? 0) + n;
    }
    for (const json of Object.values(totals)) {
      const t = JSON.parse(json) as { floor: string; n: number };
      counts.floors[t.floor] = (counts.floors[t.floor] ?? 0) + t.n;
    }
    // Stands whose staff are online (stand chat rooms keep this in presence).
    const staff = await staffedStands(this.presence, new Set(this.model.level.stands.map((st) => st.id)));
    if (staff.length > 0) counts.staff = staff;
    const text = JSON.stringify(counts);
    if (text === this.lastCounts) return;
    this.lastCounts = text;
    this.broadcast(SERVER_MSG.counts, counts);
  }

  private who(q: string): WhoEntry[] {
    const needle = q.trim().toLowerCase();
    const out: WhoEntry[] = [];
    for (const st of this.states.values()) {
      const p = st.person;
      if (needle && !p.name.toLowerCase().includes(needle)) continue;
      out.push({ id: p.id, name: p.name, colour: p.colour, x: p.x, y: p.y });
      if (out.length >= 50) break;
    }
    return out;
  }
}
