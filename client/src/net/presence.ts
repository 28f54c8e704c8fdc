// The only place the client talks to the floor rooms. Joins the room of the floor on screen,
// sends our own avatar's moves (at most ten a second, only when moving) and the camera's
// view, and feeds other visitors to the engine and counts to the store. Joining, resuming a
// dropped seat and rejoining after a restart are the RoomConnection's; this file only says
// what the floor room needs. The server chooses where the avatar appears.
import type { Client } from '@colyseus/sdk';
import { afterFirstDraw } from './afterFirstDraw.ts';
import type { Vec } from '../../../shared/geometry.ts';
import { receiveAnnouncement } from './announcementsApi.ts';
import { CLIENT_MSG, type JoinOptions, PROTOCOL_VERSION, ROOMS, SERVER_MSG, type WhoEntry } from '../../../shared/protocol.ts';
import type { HallApi } from '../engine/hallApi.ts';
import type { ConnectionStatus } from '../store/presenceSlice.ts';
import { useStore } from '../store/index.ts';
import type { PresenceHandle } from './presenceHandle.ts';
import { reloadLevel } from './api.ts';
import { type ConnectionState, RoomConnection } from './roomConnection.ts';
import type { FloorProtocol } from './typedRoom.ts';

const MOVE_INTERVAL_MS = 100;
const VIEW_INTERVAL_MS = 250;
const REJOIN_DELAYS = [500, 1000, 2000, 4000, 8000, 15000];

/** The badge's words for the connection's state (the reload notice covers "outdated"). */
function badgeOf(state: ConnectionState): ConnectionStatus {
  return state === 'outdated' ? 'offline' : state;
}

export class PresenceConnection implements PresenceHandle {
  private readonly conn: RoomConnection<FloorProtocol, JoinOptions>;
  private floorId = '';
  /** The portal the next join arrives through (once; a rejoin puts us back where we were). */
  private portal: string | undefined;
  private lastSent: Vec | null = null;
  private lastSentAt = 0;
  private moveTimer: ReturnType<typeof setTimeout> | null = null;
  private viewTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingView: { x: number; y: number; w: number; h: number } | null = null;
  private readonly disposers: (() => void)[] = [];

  constructor(private readonly hall: HallApi) {
    // The SDK is its own chunk, fetched once the floor is drawn: the first picture and the
    // first hover do not wait for it on a slow link.
    let client: Promise<Client> | null = null;
    this.conn = new RoomConnection({
      room: ROOMS.floor,
      client: () =>
        (client ??= afterFirstDraw()
          .then(() => import('./colyseusSdk.ts'))
          .then((m) => new m.Client(location.origin))
          .catch((e: unknown) => {
            // A failed chunk download is tried again on the next rejoin.
            client = null;
            throw e;
          })),
      rejoinDelays: REJOIN_DELAYS,
      offlineAfter: REJOIN_DELAYS.length,
      options: () => {
        const portal = this.portal;
        this.portal = undefined;
        const profile = useStore.getState().profile;
        return { floorId: this.floorId, name: profile?.name, colour: profile?.colour, ...(portal ? { portal } : {}), protocol: PROTOCOL_VERSION };
      },
      onJoined: () => this.flushView(),
      // Everyone near is sent again on a resumed or fresh seat: start from nobody.
      onResumed: () => this.hall.clearPeople(),
      onLost: () => this.hall.clearPeople(),
    });
    this.listen();
    // Closing the tab is a goodbye, not a dropped link: leave at once, no reconnection seat.
    // A page restored from the back/forward cache joins again.
    const goodbye = () => this.conn.pause();
    const back = (e: PageTransitionEvent) => {
      if (e.persisted && this.floorId) this.conn.restart();
    };
    window.addEventListener('pagehide', goodbye);
    window.addEventListener('pageshow', back);
    this.disposers.push(
      this.conn.subscribe((state) => useStore.getState().setConnection(badgeOf(state))),
      hall.onSelfMove(() => this.queueMove()),
      hall.onCamera((v) => this.queueView(v)),
      () => window.removeEventListener('pagehide', goodbye),
      () => window.removeEventListener('pageshow', back),
    );
  }

  private listen(): void {
    const c = this.conn;
    c.on(SERVER_MSG.welcome, (w) => {
      this.hall.placeSelf({ x: w.x, y: w.y });
      this.lastSent = { x: w.x, y: w.y };
      // A name chosen while the join was on its way has not reached the server yet.
      const chosen = useStore.getState().profile;
      if (chosen?.name && (chosen.name !== w.name || chosen.colour !== w.colour)) {
        c.send(CLIENT_MSG.profile, { name: chosen.name, colour: chosen.colour });
        useStore.getState().setShownName(chosen.name);
      } else useStore.getState().setShownName(w.name);
    });
    c.on(SERVER_MSG.people, (d) => this.hall.applyPeople(d));
    c.on(SERVER_MSG.correct, (p) => {
      this.hall.placeSelf(p);
      this.lastSent = p;
    });
    c.on(SERVER_MSG.counts, (n) => {
      useStore.getState().setCounts(n.stands, n.floors, n.instances);
      // Stands whose staff are online (chat or cabinet inbox open): popups and stand pages.
      useStore.getState().setStaffOnline(n.staff ?? []);
    });
    c.on(SERVER_MSG.warning, (w) => console.warn('[presence]', w.message));
    // An organiser's edit went live: the new layout replaces the cached one and the hall
    // redraws it around the visitor, who stays where they are.
    c.on(SERVER_MSG.levelChanged, (m) => {
      reloadLevel(m.floorId).catch((err: unknown) => console.warn('[presence] layout reload failed', err));
    });
    c.on(SERVER_MSG.levelProblems, (m) => useStore.getState().setLevelProblems(m.problems));
    // Organisers' announcements: shown by ui/live/AnnouncementBar.tsx.
    c.on(SERVER_MSG.announcement, (a) => receiveAnnouncement(a));
  }

  /** Enters a floor's room (leaving the previous one); arriving through a portal, its id. */
  enterFloor(floorId: string, arrival: { portal?: string } = {}): void {
    if (this.floorId === floorId && this.conn.state !== 'offline') return;
    this.floorId = floorId;
    this.portal = arrival.portal;
    this.hall.clearPeople();
    this.conn.restart();
  }

  private queueMove(): void {
    if (this.moveTimer) return;
    const wait = Math.max(0, MOVE_INTERVAL_MS - (performance.now() - this.lastSentAt));
    this.moveTimer = setTimeout(() => {
      this.moveTimer = null;
      const at = this.hall.avatarPosition();
      if (this.lastSent && Math.hypot(at.x - this.lastSent.x, at.y - this.lastSent.y) < 0.05) return;
      if (!this.conn.send(CLIENT_MSG.move, { x: Math.round(at.x * 100) / 100, y: Math.round(at.y * 100) / 100 })) return;
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
    if (v) this.conn.send(CLIENT_MSG.view, { x: v.x, y: v.y, w: v.w, h: v.h });
  }

  setProfile(name: string, colour: number): void {
    this.conn.send(CLIENT_MSG.profile, { name, colour });
  }

  /** People on the floor whose names match (the whole floor, not only the view). */
  async who(q: string): Promise<WhoEntry[]> {
    if (!this.conn.live) return [];
    return this.conn.request(CLIENT_MSG.who, { q }, 4000);
  }

  dispose(): void {
    for (const d of this.disposers.splice(0)) d();
    if (this.moveTimer) clearTimeout(this.moveTimer);
    if (this.viewTimer) clearTimeout(this.viewTimer);
    this.conn.dispose();
  }
}
