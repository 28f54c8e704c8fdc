// The floor rooms running in this process. Colyseus creates and disposes rooms itself; the
// registry lets the server reach them when something outside a room changes (an organiser
// edited a floor file), without going through the matchmaker.
import { type FloorServerMessages, type LevelChanged, type LevelProblems, SERVER_MSG } from '../../shared/protocol.ts';

/** What the registry needs of a floor room. */
export interface LiveFloorRoom {
  updateLevel(): void;
  /** A typed broadcast to the room's visitors. */
  tell<K extends keyof FloorServerMessages & string>(type: K, payload: FloorServerMessages[K]): void;
}

const rooms = new Map<LiveFloorRoom, string>();

/** Called by a room once it knows its floor; returns the matching removal. */
export function registerFloorRoom(room: LiveFloorRoom, floorId: string): () => void {
  rooms.set(room, floorId);
  return () => rooms.delete(room);
}

export function liveFloorRooms(): ReadonlyMap<LiveFloorRoom, string> {
  return rooms;
}

/**
 * Tells the rooms about a reload: rooms of changed floors rebuild their model and tell their
 * visitors to refetch the layout; when the problem list changed, every room hears it.
 */
export function announceLevelChange(
  change: { changed: readonly string[]; problemsChanged: boolean },
  problems: { all(): string[]; of(floorId: string): string[] },
): void {
  const changed = new Set(change.changed);
  const all = change.problemsChanged ? problems.all() : null;
  for (const [room, floorId] of rooms) {
    if (changed.has(floorId)) {
      room.updateLevel();
      const msg: LevelChanged = { floorId, problems: problems.of(floorId) };
      room.tell(SERVER_MSG.levelChanged, msg);
    }
    if (all) {
      const msg: LevelProblems = { problems: all };
      room.tell(SERVER_MSG.levelProblems, msg);
    }
  }
}
