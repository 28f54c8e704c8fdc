// The only place the client talks to the Colyseus server. Joins the room of the floor on
// screen, sends our own avatar's moves (at most ten a second, only when moving) and the
// camera's view, and feeds other visitors to the engine and counts to the store.
// Connection state is visible; a drop reconnects to the same session by itself, and a
// server restart ends in a fresh join at the last known position.
import { Client, type Room } from '@colyseus/sdk';
import type { Vec } from '../../../shared/geometry.ts';
import {
  CLIENT_MSG,
  type Counts,
  type LevelChanged,
  type LevelProblems,
  type PeopleDelta,
  PROTOCOL_VERSION,
  ROOMS,
  SERVER_MSG,
  type Welcome,
  type WhoEntry,
} from '../../../shared/protocol.ts';
import type { HallApi } from '../engine/hallApi.ts';
import { useStore } from '../store/index.ts';
import type { PresenceHandle } from './presenceHandle.ts';
import { reloadLevel } from './api.ts';

const MOVE_INTERVAL_MS = 100;
const VIEW_INTERVAL_MS = 250;
const REJOIN_DELAYS = [500, 1000, 2000, 4000, 8000, 15000];

export class PresenceConnection implements PresenceHandle {
  private readonly client = new Client(location.origin);
  private room: Room | null = null;
  private floorId: string | null = null;
  private lastSent: Vec | null = null;
  private lastSentAt = 0;
  private moveTimer: ReturnType<typeof setTimeout> | null = null;
  private viewTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingView: { x: number; y: number; w: number; h: number } | null = null;
  private rejoinAttempt = 0;
  private generation = 0;
  private readonly disposers: (() => void)[] = [];

  constructor(private readonly hall: HallApi) {
    // Closing the tab is a goodbye, not a dropped link: leave at once, no reconnection seat.
    const goodbye = () => void this.room?.leave(true).catch(() => {});
    window.addEventListener('pagehide', goodbye);
    this.disposers.push(
      hall.onSelfMove(() => this.queueMove()),
      hall.onCamera((v) => this.queueView(v)),
      () => window.removeEventListener('pagehide', goodbye),
    );
  }

  /** Enters a floor's room (leaving the previous one), appearing at `at`. */
  async enterFloor(floorId: string, at: Vec): Promise<void> {
    if (this.floorId === floorId && this.room) return;
    this.floorId = floorId;
    const gen = ++this.generation;
    const old = this.room;
    this.room = null;
    this.hall.clearPeople();
    if (old) void old.leave(true).catch(() => {});
    await this.join(gen, at);
  }

  private async join(gen: number, at: Vec): Promise<void> {
    const store = useStore.getState();
    store.setConnection(this.rejoinAttempt > 0 ? 'reconnecting' : 'connecting');
    const profile = store.profile;
    try {
      const room = await this.client.joinOrCreate(ROOMS.floor, {
        floorId: this.floorId,
        name: profile?.name,
        colour: profile?.colour,
        x: at.x,
        y: at.y,
        protocol: PROTOCOL_VERSION,
      });
      if (gen !== this.generation) {
        void room.leave(true).catch(() => {});
        return;
      }
      this.bind(room, gen);
      this.rejoinAttempt = 0;
      useStore.getState().setConnection('live');
    } catch {
      if (gen !== this.generation) return;
      this.scheduleRejoin(gen);
    }
  }

  private bind(room: Room, gen: number): void {
    this.room = room;
    room.reconnection.maxRetries = 8;
    room.onMessage(SERVER_MSG.welcome, (w: Welcome) => {
      this.hall.placeSelf({ x: w.x, y: w.y });
      this.lastSent = { x: w.x, y: w.y };
      // A name chosen while the join was on its way has not reached the server yet.
      const chosen = useStore.getState().profile;
      if (chosen?.name && (chosen.name !== w.name || chosen.colour !== w.colour)) {
        room.send(CLIENT_MSG.profile, { name: chosen.name, colour: chosen.colour });
        useStore.getState().setShownName(chosen.name);
      } else useStore.getState().setShownName(w.name);
    });
    room.onMessage(SERVER_MSG.people, (d: PeopleDelta) => this.hall.applyPeople(d));
    room.onMessage(SERVER_MSG.correct, (p: Vec) => {
      this.hall.placeSelf(p);
      this.lastSent = p;
    });
    room.onMessage(SERVER_MSG.counts, (c: Counts) => {
      useStore.getState().setCounts(c.stands, c.floors, c.instances);
      // Stands whose staff are online (chat or cabinet inbox open): popups and stand pages.
      useStore.getState().setStaffOnline(c.staff ?? []);
    });
    room.onMessage(SERVER_MSG.warning, (w: { message: string }) => console.warn('[presence]', w.message));
    // An organiser's edit went live: the new layout replaces the cached one and the hall
    // redraws it around the visitor, who stays where they are.
    room.onMessage(SERVER_MSG.levelChanged, (m: LevelChanged) => {
      reloadLevel(m.floorId).catch((err: unknown) => console.warn('[presence] layout reload failed', err));
    });
    room.onMessage(SERVER_MSG.levelProblems, (m: LevelProblems) => useStore.getState().setLevelProblems(m.problems));
    room.onDrop(() => {
      if (gen === this.generation) useStore.getState().setConnection('reconnecting');
    });
    room.onReconnect(() => {
      if (gen !== this.generation) return;
      this.hall.clearPeople();
      useStore.getState().setConnection('live');
    });
    room.onLeave(() => {
      if (gen !== this.generation || this.room !== room) return;
      // Not a leave we asked for: the server went away. Join afresh where we stand.
      this.room = null;
      this.hall.clearPeople();
      this.scheduleRejoin(gen);
    });
    if (this.pendingView) this.flushView();
  }

  private scheduleRejoin(gen: number): void {
    const delay = REJOIN_DELAYS[Math.min(this.rejoinAttempt, REJOIN_DELAYS.length - 1)]!;
    this.rejoinAttempt++;
    useStore.getState().setConnection(navigator.onLine === false || this.rejoinAttempt > REJOIN_DELAYS.length ? 'offline' : 'reconnecting');
    setTimeout(() => {
      if (gen === this.generation) void this.join(gen, this.hall.avatarPosition());
    }, delay);
  }

  private queueMove(): void {
    if (this.moveTimer) return;
    const wait = Math.max(0, MOVE_INTERVAL_MS - (performance.now() - this.lastSentAt));
    this.moveTimer = setTimeout(() => {
      this.moveTimer = null;
      const at = this.hall.avatarPosition();
      if (this.lastSent && Math.hypot(at.x - this.lastSent.x, at.y - this.lastSent.y) < 0.05) return;
      this.room?.send(CLIENT_MSG.move, { x: Math.round(at.x * 100) / 100, y: Math.round(at.y * 100) / 100 });
      this.lastSent = at;
      this.lastSentAt = performance.now();
    }, wait);
  }

  private queueView(v: { x: number; y: number; w: number; h: number }): void {
    this.pendingView = v;
    if (this.viewTimer) return;
    this.viewTimer = setTimeout(() => {
      this.viewTimer = null;
      this.flushView();
    }, VIEW_INTERVAL_MS);
  }

  private flushView(): void {
    const v = this.pendingView;
    if (!v || !this.room) return;
    this.room.send(CLIENT_MSG.view, { x: v.x, y: v.y, w: v.w, h: v.h });
  }

  setProfile(name: string, colour: number): void {
    this.room?.send(CLIENT_MSG.profile, { name, colour });
  }

  /** People on the floor whose names match (the whole floor, not only the view). */
  async who(q: string): Promise<WhoEntry[]> {
    if (!this.room) return [];
    return this.room.request<{ q: string }, WhoEntry[]>(CLIENT_MSG.who, { q }, { timeout: 4000 });
  }

  dispose(): void {
    this.generation++;
    for (const d of this.disposers.splice(0)) d();
    if (this.moveTimer) clearTimeout(this.moveTimer);
    if (this.viewTimer) clearTimeout(this.viewTimer);
    void this.room?.leave(true).catch(() => {});
    this.room = null;
  }
}
