// The console's reach into the programme events' Q&A rooms (server/qa/QaRoom.ts), without the
// room knowing the console: rooms are found through the matchmaker's listing (the Redis driver
// lists every process's rooms), announcements are told to them with a remote room call (the
// room's own broadcast, run in whichever process holds it), and viewers are the live count the
// rooms already keep per event in presence (server/qa/viewers.ts, summed across processes).
// Floor rooms of other processes hear announcements the same way (tellFloorRoomsElsewhere).
import { type Presence, matchMaker } from '@colyseus/core';
import type { Announcement, EventDuty } from '../../shared/organiser.ts';
import { ROOMS, SERVER_MSG } from '../../shared/protocol.ts';
import { QA_SERVER_MSG } from '../../shared/qa.ts';
import { viewersReader } from '../qa/viewers.ts';

/** Q&A room ids by event, from the listing (all processes with the Redis driver). */
export async function qaRoomsByEvent(): Promise<Map<string, string[]>> {
  const listed = await matchMaker.query({ name: ROOMS.qa });
  const byEvent = new Map<string, string[]>();
  for (const room of listed) {
    const eventId = (room.metadata as { eventId?: unknown } | undefined)?.eventId;
    if (typeof eventId !== 'string') continue;
    byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), room.roomId]);
  }
  return byEvent;
}

/**
 * Tells an announcement to everyone connected to the event's Q&A rooms (the event page keeps
 * one open), and resolves with how many rooms heard it. A room that went away meanwhile is
 * skipped: its visitors read the announcement on their next page load.
 */
export async function tellEventRooms(eventId: string, a: Announcement, log: (line: string) => void = () => {}): Promise<number> {
  const ids = (await qaRoomsByEvent()).get(eventId) ?? [];
  const told = await Promise.all(
    ids.map((roomId) =>
      matchMaker.remoteRoomCall(roomId, 'broadcast', [QA_SERVER_MSG.announcement, a]).then(
        () => true,
        (e: unknown) => {
          log(`[organiser] announcement ${a.id} not told to Q&A room ${roomId}: ${e instanceof Error ? e.message : String(e)}`);
          return false;
        },
      ),
    ),
  );
  return told.filter(Boolean).length;
}

/** Viewers now of every event with an open Q&A room: distinct visitors, all processes. */
export function eventViewersReader(presence: Presence): () => Promise<Record<string, number>> {
  const viewersOf = viewersReader(presence);
  return async () => {
    const events = [...(await qaRoomsByEvent()).keys()].sort();
    const counts = await Promise.all(events.map((id) => viewersOf(id)));
    const out: Record<string, number> = {};
    events.forEach((id, i) => {
      if (counts[i]! > 0) out[id] = counts[i]!;
    });
    return out;
  };
}

/**
 * The moderation overview of the programme: per event with an open Q&A room, the moderators
 * connected and the questions waiting (each room answers for itself: QaRoom.dutyReport). An
 * event has one room, so one call per live event; a room that does not answer is left out.
 */
export async function eventDuty(log: (line: string) => void = () => {}): Promise<EventDuty[]> {
  const byEvent = await qaRoomsByEvent();
  const out = await Promise.all(
    [...byEvent].map(async ([eventId, ids]) => {
      const reports = await Promise.all(
        ids.map((roomId) =>
          (matchMaker.remoteRoomCall(roomId, 'dutyReport') as Promise<{ moderators: string[]; waiting: number }>).catch((e: unknown) => {
            log(`[organiser] Q&A room ${roomId} gave no duty report: ${e instanceof Error ? e.message : String(e)}`);
            return null;
          }),
        ),
      );
      const got = reports.filter((r) => r !== null);
      if (got.length === 0) return null;
      return { eventId, moderators: [...new Set(got.flatMap((r) => r.moderators))].sort(), waiting: Math.max(...got.map((r) => r.waiting)) };
    }),
  );
  return out.filter((d) => d !== null).sort((a, b) => b.waiting - a.waiting || a.eventId.localeCompare(b.eventId));
}

/**
 * Tells an announcement for every visitor or one floor to the floor rooms of the other
 * processes (this process's own rooms hear it through presence/roomRegistry.ts, at once).
 * Without Redis the listing holds this process's rooms only, so this does nothing.
 */
export async function tellFloorRoomsElsewhere(a: Announcement, log: (line: string) => void = () => {}): Promise<void> {
  if (a.audience.kind === 'event') return;
  const floorId = a.audience.kind === 'floor' ? a.audience.floorId : null;
  const listed = await matchMaker.query({ name: ROOMS.floor });
  const elsewhere = listed.filter((r) => r.processId !== matchMaker.processId && (floorId === null || (r.metadata as { floorId?: unknown } | undefined)?.floorId === floorId));
  await Promise.all(
    elsewhere.map((r) =>
      matchMaker.remoteRoomCall(r.roomId, 'tell', [SERVER_MSG.announcement, a]).catch((e: unknown) => {
        log(`[organiser] announcement ${a.id} not told to floor room ${r.roomId}: ${e instanceof Error ? e.message : String(e)}`);
      }),
    ),
  );
}
