// Where the rooms report to the organisers' console, and where announcements reach rooms other
// than the floors. Rooms call fairHooks() (set by server/organiser/organiser.ts at start, reset
// at close), so a room never imports the console. Each hook must be cheap: it runs on every
// join and leave of 250 000 visitors.
import type { Announcement } from '../../shared/organiser.ts';

export interface FairHooks {
  /** A visitor's connection joined a floor room (FloorRoom.onJoin). */
  visitorJoined(floorId: string, visitorId: string): void;
  /** That connection left (FloorRoom.onLeave). */
  visitorLeft(floorId: string): void;
  /** Announcements showing now on this floor (sent to a client as it joins or rejoins). */
  announcementsFor(floorId: string): Announcement[];
  /**
   * HOOK for the programme rooms (not built yet): viewers per event now. The stream hall's
   * rooms should report joins and leaves here; until then the console shows no event viewers.
   */
  eventViewersNow(): Record<string, number>;
  /**
   * HOOK for the programme rooms: deliver an announcement to the viewers of one event. Until
   * those rooms exist, event announcements reach viewers on their next page load only
   * (GET /api/announcements/current?event=...).
   */
  deliverToEventViewers(announcement: Announcement): void;
}

const NONE: FairHooks = {
  visitorJoined() {},
  visitorLeft() {},
  announcementsFor: () => [],
  eventViewersNow: () => ({}),
  deliverToEventViewers() {},
};

let current: FairHooks = NONE;

export function fairHooks(): FairHooks {
  return current;
}

/** Installs the hooks; the returned function restores the no-op ones. */
export function setFairHooks(hooks: Partial<FairHooks>): () => void {
  const installed = { ...NONE, ...hooks };
  current = installed;
  return () => {
    if (current === installed) current = NONE;
  };
}
