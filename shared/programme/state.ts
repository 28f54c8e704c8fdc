// Every state an event shows (upcoming, live, ended, recording ready) comes from this one
// pure function of the event, the fair clock's "now" and the recording's availability, so
// the schedule, the event page, the library and reminders can never disagree.
import type { ProgrammeEvent } from './schema.ts';
import { MINUTE, windowOf } from './time.ts';

export const EVENT_STATES = ['upcoming', 'live', 'ended', 'recording-ready'] as const;
export type EventState = (typeof EVENT_STATES)[number];

/** When the recording can be watched; null when there is (or will be) none. */
export interface RecordingAvailability {
  readyAt: number;
}

/** The recording the event's file promises: published `delayMinutes` after the end. */
export function recordingOf(event: Pick<ProgrammeEvent, 'start' | 'duration' | 'recording'>): RecordingAvailability | null {
  if (!event.recording) return null;
  return { readyAt: windowOf(event).end + event.recording.delayMinutes * MINUTE };
}

/**
 * The state at `now` (epoch ms on the fair clock). Live from the start (inclusive) to the
 * end (exclusive); after the end "ended" until the recording is ready, then "recording-ready".
 */
export function eventState(
  event: Pick<ProgrammeEvent, 'start' | 'duration'>,
  now: number,
  recording: RecordingAvailability | null,
): EventState {
  const { start, end } = windowOf(event);
  if (now < start) return 'upcoming';
  if (now < end) return 'live';
  if (recording && now >= Math.max(recording.readyAt, end)) return 'recording-ready';
  return 'ended';
}

/** The next instant at which `eventState` of this event changes after `now`; null when final. */
export function nextStateChange(
  event: Pick<ProgrammeEvent, 'start' | 'duration'>,
  now: number,
  recording: RecordingAvailability | null,
): number | null {
  const { start, end } = windowOf(event);
  if (now < start) return start;
  if (now < end) return end;
  if (recording && now < Math.max(recording.readyAt, end)) return Math.max(recording.readyAt, end);
  return null;
}
