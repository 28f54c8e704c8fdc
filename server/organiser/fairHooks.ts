// Where the rooms report to the organisers' console, and where announcements reach rooms other
// than the floors. Rooms call fairHooks() (set by server/organiser/organiser.ts at start, reset
// at close), so a room never imports the console. Each hook must be cheap: it runs on every
// join and leave of 250 000 visitors.
import type { Announcement, ModerationKind } from '../../shared/organiser.ts';

export interface FairHooks {
  /** A visitor's connection joined a floor room (FloorRoom.onJoin). */
  visitorJoined(floorId: string, visitorId: string): void;
  /** That connection left (FloorRoom.onLeave). */
  visitorLeft(floorId: string): void;
  /** A moderator or staff removed a chat message or Q&A comment, or muted a visitor (counted per day). */
  moderated(kind: ModerationKind): void;
  /** Announcements showing now on this floor (sent to a client as it joins or rejoins). */
  announcementsFor(floorId: string): Announcement[];
  /**
   * Viewers per event now. Unused by the console: it reads the Q&A rooms' own presence count
   * (server/qa/viewers.ts via eventRooms.ts), which adds up across processes; kept for rooms
   * that count in-process only.
   */
  eventViewersNow(): Record<string, number>;
  /**
   * Deliver an announcement to the viewers of one event: the console tells the event's Q&A
   * rooms (eventRooms.ts); pages loaded later read GET /api/announcements/current?event=...
   */
  deliverToEventViewers(announcement: Announcement): void;
}

const NONE: FairHooks = {
  visitorJoined() {},
  visitorLeft() {},
  moderated() {},
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
