// One reconnecting connection to a Colyseus room, shared by presence, the stand chats and the
// programme Q&A: it joins (joinOrCreate with fresh options each time), lets the SDK resume
// the same seat with its reconnection token after a dropped link, joins afresh with backoff
// when the server has forgotten the seat (a restart), asks for a visitor cookie once when a
// join is refused for lack of one, stops for good when the page's protocol is outdated, and
// is disposed once. React never owns it: components subscribe to its state.
//
// Handlers registered with `on` belong to the connection, not to one room, so they keep
// working across rejoins. Only types are imported from the SDK: the chat loads it lazily.
import type { Client, Room } from '@colyseus/sdk';
import { JOIN_ERRORS } from '../../../shared/protocol.ts';
import { reportOutdated } from './outdated.ts';
import { type ClientProtocol, isOutdatedPage } from './typedRoom.ts';

/** What the UI shows. `outdated` is final: the page must be reloaded. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'outdated';

/** Thrown by `request` while there is no live room. */
export class ConnectionOffline extends Error {
  constructor(room: string) {
    super(`the ${room} connection is not live`);
    this.name = 'ConnectionOffline';
  }
}

export interface RoomConnectionOptions<Options> {
  /** Room name (ROOMS in shared/protocol.ts). */
  room: string;
  /** The SDK client; a promise when the SDK is loaded lazily. */
  client: () => Client | Promise<Client>;
  /** Join options, built again for every join (a fresh ticket, the current name or place). */
  options: () => Options | Promise<Options>;
  /** Delays before each fresh join after a failure; the last one repeats. */
  rejoinDelays?: readonly number[];
  /** Failed joins in a row after which the state says "offline" rather than "reconnecting". */
  offlineAfter?: number;
  /** How often the SDK retries the same seat after a drop, and the uptime it needs first. */
  reconnection?: { maxRetries?: number; minUptime?: number };
  /** Gets this browser its visitor cookie (a refused join for lack of one); default GET /api/health. */
  refreshIdentity?: () => Promise<void>;
  /** A join failed (a refused staff ticket can be dropped here); the connection retries. */
  onJoinFailed?: (err: unknown) => void;
  /** Every room joined, fresh or after a restart (not a resumed seat): send what it must know. */
  onJoined?: (room: Room, firstJoin: boolean) => void;
  /** The SDK resumed the same seat after a drop. */
  onResumed?: (room: Room) => void;
  /** The room is gone (server restart, kicked) and a fresh join follows: forget room-bound state. */
  onLost?: (code: number) => void;
}

const DEFAULT_DELAYS = [500, 1000, 2000, 4000, 8000, 15000, 30000];

type Handler = (payload: never) => void;

/** Refused for want of a signed visitor id (the expo_vid cookie). */
function isVisitorRefusal(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === JOIN_ERRORS.visitorRequired.code;
}

async function healthCheck(): Promise<void> {
  // Any answer of ours sets the cookie; only the request matters.
  await fetch('/api/health', { credentials: 'same-origin', cache: 'no-store' });
}

/** `P` is the room's protocol (typedRoom.ts: FloorProtocol, ChatProtocol): what `send`, `request` and `on` accept. */
export class RoomConnection<P extends ClientProtocol, Options = unknown> {
  private current: Room | null = null;
  private stateNow: ConnectionState = 'connecting';
  private readonly listeners = new Set<(state: ConnectionState) => void>();
  private readonly handlers = new Map<string, Set<Handler>>();
  /** Per room: its bindings of `handlers`, undone when the room goes. */
  private roomUnbind: (() => void)[] = [];
  private generation = 0;
  private attempt = 0;
  private joinedOnce = false;
  private identityAsked = false;
  private disposed = false;
  private started = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly pageDisposers: (() => void)[] = [];

  constructor(private readonly opts: RoomConnectionOptions<Options>) {
    if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
      // Back online while waiting to rejoin: try now rather than at the end of the delay.
      const online = () => {
        if (this.timer && !this.current) this.rejoinNow();
      };
      window.addEventListener('online', online);
      this.pageDisposers.push(() => window.removeEventListener('online', online));
    }
  }

  get state(): ConnectionState {
    return this.stateNow;
  }

  /** The live room, if any (null while connecting, rejoining or disposed). */
  get room(): Room | null {
    return this.current;
  }

  get live(): boolean {
    return this.current !== null && this.stateNow === 'live';
  }

  /** Starts joining (once). */
  start(): this {
    if (this.started || this.stopped) return this;
    this.started = true;
    void this.join(this.generation);
    return this;
  }

  /** Leaves the room on purpose and joins afresh with new options (another floor). */
  restart(): void {
    if (this.stopped) return;
    this.started = true;
    const gen = ++this.generation;
    this.clearTimer();
    this.dropRoom(true);
    this.attempt = 0;
    void this.join(gen);
  }

  /** Leaves on purpose (the tab is closing) and waits: `restart` joins again. */
  pause(): void {
    if (this.stopped) return;
    this.generation++;
    this.clearTimer();
    this.dropRoom(true);
    this.setState('offline');
  }

  /** Calls `listener` with the state now and with every change; returns its dispose. */
  subscribe(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    listener(this.stateNow);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when live (now or later); rejects when offline, outdated, disposed or after `timeoutMs`. */
  whenLive(timeoutMs: number): Promise<Room> {
    if (this.live) return Promise.resolve(this.current!);
    return new Promise<Room>((resolve, reject) => {
      let settled = false;
      const settle = (room: Room | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (room) resolve(room);
        else reject(new ConnectionOffline(this.opts.room));
      };
      const timer = setTimeout(() => {
        settle(null);
        stop();
      }, timeoutMs);
      const stop = this.subscribe((s) => {
        if (s === 'live' && this.current) settle(this.current);
        else if (s === 'offline' || s === 'outdated' || this.disposed) settle(null);
        if (settled) queueMicrotask(() => stop());
      });
    });
  }

  /** Handles a server message in every room this connection joins; returns its dispose. */
  on<K extends keyof P['server'] & string>(type: K, handler: (payload: P['server'][K]) => void): () => void {
    let set = this.handlers.get(type);
    if (!set) {
      set = new Set();
      this.handlers.set(type, set);
      // A type first handled while a room is live is bound to it now.
      if (this.current) this.bindType(this.current, type);
    }
    set.add(handler as Handler);
    return () => set.delete(handler as Handler);
  }

  /** Sends to the live room; false (nothing sent) when there is none. */
  send<K extends keyof P['client'] & string>(type: K, payload: P['client'][K]): boolean {
    if (!this.current) return false;
    this.current.send(type, payload);
    return true;
  }

  /** A request with an answer; throws ConnectionOffline when not live. */
  request<K extends keyof P['client'] & keyof P['replies'] & string>(type: K, payload: P['client'][K], timeoutMs: number): Promise<P['replies'][K]> {
    if (!this.current) return Promise.reject(new ConnectionOffline(this.opts.room));
    return this.current.request<P['client'][K], P['replies'][K]>(type, payload, { timeout: timeoutMs });
  }

  /** Leaves at once (no reconnection seat) and never joins again. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.generation++;
    this.clearTimer();
    this.dropRoom(true);
    for (const d of this.pageDisposers.splice(0)) d();
    this.setState('offline');
    this.listeners.clear();
    this.handlers.clear();
  }

  /** Disposed, or refused as outdated: nothing joins any more. */
  private get stopped(): boolean {
    return this.disposed || this.stateNow === 'outdated';
  }

  // --- lifecycle ------------------------------------------------------------------------

  private async join(gen: number): Promise<void> {
    this.setState(this.attempt > 0 ? 'reconnecting' : 'connecting');
    let room: Room;
    try {
      const client = await this.opts.client();
      const options = await this.opts.options();
      if (gen !== this.generation) return;
      room = await client.joinOrCreate(this.opts.room, options);
    } catch (err) {
      if (gen !== this.generation) return;
      if (isOutdatedPage(err)) return this.outdated();
      if (isVisitorRefusal(err) && !this.identityAsked) {
        // No (valid) visitor cookie yet: any answer of ours sets one, then join at once.
        this.identityAsked = true;
        await (this.opts.refreshIdentity ?? healthCheck)().catch(() => {});
        if (gen === this.generation) void this.join(gen);
        return;
      }
      this.opts.onJoinFailed?.(err);
      this.scheduleRejoin(gen);
      return;
    }
    if (gen !== this.generation) {
      void room.leave(true).catch(() => {});
      return;
    }
    this.bind(room, gen);
    this.attempt = 0;
    this.identityAsked = false;
    const first = !this.joinedOnce;
    this.joinedOnce = true;
    this.setState('live');
    this.opts.onJoined?.(room, first);
  }

  private bind(room: Room, gen: number): void {
    this.current = room;
    room.reconnection.maxRetries = this.opts.reconnection?.maxRetries ?? 8;
    if (this.opts.reconnection?.minUptime !== undefined) room.reconnection.minUptime = this.opts.reconnection.minUptime;
    this.roomUnbind = [];
    for (const type of this.handlers.keys()) this.bindType(room, type);
    room.onDrop(() => {
      if (gen === this.generation && this.current === room) this.setState('reconnecting');
    });
    room.onReconnect(() => {
      if (gen !== this.generation || this.current !== room) return;
      this.setState('live');
      this.opts.onResumed?.(room);
    });
    room.onLeave((code) => {
      // A leave we asked for has already let go of the room.
      if (gen !== this.generation || this.current !== room) return;
      this.dropRoom(false);
      if (isOutdatedPage({ code })) return this.outdated();
      this.opts.onLost?.(code);
      this.scheduleRejoin(gen);
    });
  }

  private bindType(room: Room, type: string): void {
    const off = room.onMessage(type, (payload: unknown) => {
      for (const h of this.handlers.get(type) ?? []) (h as (p: unknown) => void)(payload);
    });
    this.roomUnbind.push(off);
  }

  /** Lets go of the current room; `leave` says goodbye to the server (no seat kept). */
  private dropRoom(leave: boolean): void {
    const room = this.current;
    this.current = null;
    for (const off of this.roomUnbind.splice(0)) off();
    if (room && leave) void room.leave(true).catch(() => {});
  }

  private scheduleRejoin(gen: number): void {
    const delays = this.opts.rejoinDelays ?? DEFAULT_DELAYS;
    const delay = delays[Math.min(this.attempt, delays.length - 1)] ?? 1000;
    this.attempt++;
    const offline = (typeof navigator !== 'undefined' && navigator.onLine === false) || this.attempt > (this.opts.offlineAfter ?? 4);
    this.setState(offline ? 'offline' : 'reconnecting');
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (gen === this.generation) void this.join(gen);
    }, delay);
  }

  private rejoinNow(): void {
    if (this.stopped) return;
    this.clearTimer();
    void this.join(this.generation);
  }

  private outdated(): void {
    this.generation++;
    this.clearTimer();
    this.setState('outdated');
    reportOutdated();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(state: ConnectionState): void {
    if (this.stateNow === state) return;
    this.stateNow = state;
    for (const l of [...this.listeners]) l(state);
  }
}
