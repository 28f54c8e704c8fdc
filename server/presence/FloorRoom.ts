// One floor's live presence. The server is authoritative: a client only proposes moves of
// its own avatar, which are checked by the shared move rule (shared/movement.ts, the same
// check the client engine runs), and the server chooses where a visitor appears. Visitors
// are known by their signed visitor-id cookie. Each client receives only the people near its
// viewport (a grid query per tick, diffed against what it already knows), plus counts for
// the whole floor.
import { type AuthContext, type Client, Room, ServerError } from '@colyseus/core';
import { arrivalPoint, spreadArrival } from '../../shared/arrival.ts';
import { dist } from '../../shared/geometry.ts';
import { type FloorModel, buildFloorModel } from '../../shared/level/model.ts';
import { doorstep } from '../../shared/level/stand.ts';
import { canStandAt, checkMove } from '../../shared/movement.ts';
import { addEnter, addLeave, addMove, isEmptyDelta, packDm, unpackDm } from '../../shared/peopleDelta.ts';
import {
  AVATAR_COLOURS,
  CLIENT_MSG,
  CLIENT_SCHEMAS,
  type Counts,
  type FloorClientMessages,
  type FloorReplies,
  type FloorServerMessages,
  JOIN_ERRORS,
  JoinOptions,
  type MoveMsg,
  type PeopleDelta,
  SERVER_MSG,
  type ViewMsg,
  type Welcome,
  type WhoEntry,
  cleanName,
  toDm,
} from '../../shared/protocol.ts';
import { staffedStands } from '../chat/staffOnline.ts';
import { TypedRoom, refuseOutdated } from '../rooms/typedRoom.ts';
import { TokenBucket } from '../tokenBucket.ts';
import { guestNameOf } from '../visitors/visitorId.ts';
import { type Person, PeopleGrid } from './peopleGrid.ts';
import { readFresh, writeStamped } from './expiringHash.ts';
import { fairHooks } from '../organiser/fairHooks.ts';
import { registerFloorRoom } from './roomRegistry.ts';
import { holdSeat, lastPosition, releaseSeats, rememberPosition, seatClosed, seatCount, seatOpened } from './seats.ts';
import { presenceSettings } from './settings.ts';
import { ThrottledLog } from './throttledLog.ts';

export interface FloorProtocol {
  client: FloorClientMessages;
  replies: FloorReplies;
  server: FloorServerMessages;
}

/** What onAuth learnt about a joining client. */
interface FloorAuth {
  visitorId: string;
}

/** A visitor within this distance of a stand's doorstep counts as being at the stand. */
const AT_STAND = 4;
const VIEW_MAX_W = 140;
const VIEW_MAX_H = 100;
/** People sent per client at most: the nearest ones; crowds further out show as stand counts. */
const VIEW_PEOPLE_LIMIT = 60;
const TICK_MS = 100;
const COUNTS_MS = 1000;
/** A room's counts not rewritten for this long belong to a process that died: not summed. */
const COUNTS_TTL_MS = 5 * COUNTS_MS;
/**
 * A dropped link keeps its avatar this long for the SDK to reconnect (others would otherwise
 * see it vanish and reappear). Longer outages end in a fresh join at the visitor's last
 * position, and a fresh join by the same visitor drops the held seat at once.
 */
const RECONNECT_SECONDS = 5;

interface ClientState {
  person: Person;
  visitorId: string;
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
  /** Clients being disconnected: whatever they still have queued is dropped unread. */
  private readonly kicked = new Set<string>();
  private readonly log = new ThrottledLog();
  private io!: TypedRoom<FloorProtocol>;
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

    this.io = new TypedRoom<FloorProtocol>(this, CLIENT_SCHEMAS, {
      admit: (client) => ({ pass: this.admit(client) }),
      invalid: (client, _type, why) => this.reject(client, why),
    });
    this.io.onTyped(CLIENT_MSG.move, (client, m) => this.move(client, m));
    this.io.onTyped(CLIENT_MSG.view, (client, v) => this.view(client, v));
    this.io.onTyped(CLIENT_MSG.profile, (client, m) => this.profile(client, m.name, m.colour));
    this.io.onTyped(CLIENT_MSG.who, (_client, m) => this.who(m.q));
    this.unregister = registerFloorRoom(this, this.floorId);
  }

  /** Sends a message to everyone in this room (organisers' layout edits). */
  tell<K extends keyof FloorServerMessages & string>(type: K, payload: FloorServerMessages[K]): void {
    this.io.broadcast(type, payload);
  }

  override onAuth(_client: Client, options: unknown, context: AuthContext): FloorAuth {
    refuseOutdated(options);
    const visitorId = presenceSettings().visitorOf(context.headers.get('cookie'));
    if (!visitorId) throw new ServerError(JOIN_ERRORS.visitorRequired.code, JOIN_ERRORS.visitorRequired.message);
    return { visitorId };
  }

  /** Live floor layout changes (organisers' edits) keep everyone where they are. */
  updateLevel(): void {
    const level = presenceSettings().levels()?.get(this.floorId);
    if (level && level !== this.model.level) this.model = buildFloorModel(level);
  }

  override onJoin(client: Client, options: unknown, auth: FloorAuth): void {
    const opts = JoinOptions.safeParse(options);
    const o = opts.success ? opts.data : { floorId: this.floorId };
    // The same visitor joining afresh (their link dropped, the page rejoined): the seat held
    // for the old link goes now, so nobody sees a ghost of them.
    releaseSeats(auth.visitorId);
    const id = this.nextId++;
    const name = (o.name !== undefined ? cleanName(o.name) : null) ?? guestNameOf(auth.visitorId);
    const colour = o.colour ?? id % AVATAR_COLOURS.length;
    const start = this.spawnPoint(auth.visitorId, o.portal, id);
    const person: Person = { id, sessionId: client.sessionId, name, colour, x: start.x, y: start.y, version: 1, standId: null, cell: 0 };
    person.standId = this.standAt(person.x, person.y);
    this.grid.add(person);
    const now = Date.now();
    this.states.set(client.sessionId, {
      person,
      visitorId: auth.visitorId,
      view: { x: person.x - 50, y: person.y - 35, w: 100, h: 70 },
      known: new Map(),
      bucket: new TokenBucket(25, 50, now),
      lastMoveAt: now,
      malformed: 0,
    });
    seatOpened(auth.visitorId);
    fairHooks().visitorJoined(this.floorId, auth.visitorId);
    this.welcome(client);
  }

  override onDrop(client: Client, code?: number): void {
    const st = this.states.get(client.sessionId);
    if (st) rememberPosition(st.visitorId, this.floorId, st.person);
    // A client we disconnected on purpose does not get its seat back, and neither does a
    // closed tab (1001 "going away"): only a broken link (1006 and the like) waits.
    if (this.kicked.has(client.sessionId) || code === 1001 || !st) return;
    // The visitor already has a newer seat (the server noticed this drop late): nothing to keep.
    if (seatCount(st.visitorId) > 1) return;
    // The avatar stays while the client reconnects, so nobody sees it vanish and reappear;
    // Colyseus calls onLeave when the wait ends without a reconnection (or is cancelled).
    const seat = this.allowReconnection(client, RECONNECT_SECONDS);
    const release = holdSeat(st.visitorId, () => seat.reject(false));
    seat.then(release, release);
  }

  private kick(client: Client, code: number, reason: string): void {
    if (this.kicked.has(client.sessionId)) return;
    console.warn(`[presence] ${this.floorId}/${client.sessionId}: disconnected, ${reason}`);
    this.kicked.add(client.sessionId);
    client.leave(code, reason);
  }

  /** Whether a message of this client is read at all: not once it is being disconnected. */
  private admit(client: Client): boolean {
    const st = this.states.get(client.sessionId);
    if (!st || this.kicked.has(client.sessionId)) return false;
    if (st.bucket.take(Date.now())) return true;
    if (st.bucket.refused > 200) this.kick(client, 4004, 'flooding');
    return false;
  }

  override onReconnect(client: Client): void {
    const st = this.states.get(client.sessionId);
    if (!st) return;
    st.known.clear(); // resend everyone near: the client may have missed patches
    this.welcome(client);
  }

  override onLeave(client: Client): void {
    this.kicked.delete(client.sessionId);
    this.log.close(client.sessionId, (n) => `[presence] ${this.floorId}/${client.sessionId}: ${n} more dropped messages were not logged`);
    const st = this.states.get(client.sessionId);
    if (!st) return;
    rememberPosition(st.visitorId, this.floorId, st.person);
    seatClosed(st.visitorId);
    fairHooks().visitorLeft(this.floorId);
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
    this.io.sendTo(client, SERVER_MSG.welcome, w);
    if (this.lastCounts) this.io.sendTo(client, SERVER_MSG.counts, JSON.parse(this.lastCounts) as Counts);
    // Organisers' announcements showing now reach a visitor who joins (or rejoins) late.
    for (const a of fairHooks().announcementsFor(this.floorId)) this.io.sendTo(client, SERVER_MSG.announcement, a);
  }

  private reject(client: Client, why: string): undefined {
    const st = this.states.get(client.sessionId);
    if (!st) return undefined;
    st.malformed++;
    this.log.warn(client.sessionId, `[presence] ${this.floorId}/${client.sessionId}: dropped ${why}`);
    this.io.sendTo(client, SERVER_MSG.warning, { message: why });
    if (st.malformed > 50) this.kick(client, 4005, 'too many malformed messages');
    return undefined;
  }

  private view(client: Client, v: ViewMsg): void {
    const st = this.states.get(client.sessionId);
    if (!st) return;
    const w = Math.min(v.w, VIEW_MAX_W);
    const h = Math.min(v.h, VIEW_MAX_H);
    st.view = { x: v.x + (v.w - w) / 2, y: v.y + (v.h - h) / 2, w, h };
  }

  private profile(client: Client, raw: string, colour: number): void {
    const st = this.states.get(client.sessionId);
    if (!st) return;
    const name = cleanName(raw);
    if (!name) {
      this.reject(client, 'this name cannot be used');
      return;
    }
    st.person.name = name;
    st.person.colour = colour;
    // Everyone who sees this person gets them again as a fresh entry (new name).
    for (const other of this.states.values()) {
      if (other.known.delete(st.person.id)) (other.renamed ??= []).push(st.person.id);
    }
  }

  private move(client: Client, m: MoveMsg): void {
    const st = this.states.get(client.sessionId);
    if (!st) return;
    const p = st.person;
    const now = Date.now();
    if (!checkMove(this.model.level, this.model.grid, p, m, (now - st.lastMoveAt) / 1000).ok) {
      this.io.sendTo(client, SERVER_MSG.correct, { x: p.x, y: p.y });
      return;
    }
    p.x = m.x;
    p.y = m.y;
    p.version++;
    p.standId = this.standAt(m.x, m.y);
    st.lastMoveAt = now;
    this.grid.moved(p);
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

  /**
   * Where a joining visitor appears: through the portal they name (if this floor has it),
   * else where they stood on this floor a little while ago, else at the floor's arrival point.
   */
  private spawnPoint(visitorId: string, portal: string | undefined, n: number): { x: number; y: number } {
    const { level, grid } = this.model;
    const arrival = arrivalPoint(level, portal);
    const canStand = (p: { x: number; y: number }) => canStandAt(level, grid, p);
    if (arrival.portal) return arrival.at;
    const back = lastPosition(visitorId, this.floorId);
    if (back && canStand(back)) return back;
    return spreadArrival(arrival.at, n, canStand);
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
        for (const id of st.renamed) addLeave(delta, id);
        st.renamed = undefined;
      }
      this.seen.clear();
      for (const p of near) {
        if (p === st.person) continue;
        this.seen.add(p.id);
        const known = st.known.get(p.id);
        const x = toDm(p.x);
        const y = toDm(p.y);
        const packed = packDm(x, y);
        if (known === undefined) addEnter(delta, p.id, x, y, p.colour, p.name);
        else if (known !== packed) {
          // Relative moves are small numbers: msgpack sends most of them in one byte each.
          const was = unpackDm(known);
          addMove(delta, p.id, x - was.xDm, y - was.yDm);
        } else continue;
        st.known.set(p.id, packed);
      }
      for (const id of st.known.keys()) {
        if (!this.seen.has(id)) {
          addLeave(delta, id);
          st.known.delete(id);
        }
      }
      if (!isEmptyDelta(delta)) this.io.sendTo(client, SERVER_MSG.people, delta);
    }
  }

  /**
   * Stand counts summed over every instance of this floor (in any process), and totals per
   * floor; each instance's share expires unless rewritten (expiringHash.ts).
   */
  private async publishCounts(): Promise<void> {
    const stands: Record<string, number> = {};
    for (const st of this.states.values()) {
      const id = st.person.standId;
      if (id) stands[id] = (stands[id] ?? 0) + 1;
    }
    await writeStamped(this.presence, `floorcounts:${this.floorId}`, this.roomId, { stands });
    await writeStamped(this.presence, 'floortotals', this.roomId, { floor: this.floorId, n: this.states.size });
    const all = await readFresh<{ stands: Record<string, number> }>(this.presence, `floorcounts:${this.floorId}`, COUNTS_TTL_MS);
    const totals = await readFresh<{ floor: string; n: number }>(this.presence, 'floortotals', COUNTS_TTL_MS);
    const counts: Counts = { stands: {}, floors: {}, instances: all.length };
    for (const share of all) {
      for (const [id, n] of Object.entries(share.stands)) counts.stands[id] = (counts.stands[id] ?? 0) + n;
    }
    for (const t of totals) counts.floors[t.floor] = (counts.floors[t.floor] ?? 0) + t.n;
    // Stands whose staff are online (stand chat rooms keep this in presence).
    const staff = await staffedStands(this.presence, new Set(this.model.level.stands.map((st) => st.id)));
    if (staff.length > 0) counts.staff = staff;
    const text = JSON.stringify(counts);
    if (text === this.lastCounts) return;
    this.lastCounts = text;
    this.io.broadcast(SERVER_MSG.counts, counts);
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
