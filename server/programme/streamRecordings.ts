// Recordings the stream hall made: an event broadcast from one of our stages has a recording
// once its playlist is closed (server/stream), whether or not its programme file names one.
// This folds that availability into the views' states through the same pure rule
// (shared/programme/state.ts) the file-promised recordings use, so every page agrees.
import type { FairClock } from '../../shared/programme/clock.ts';
import type { ProgrammeEvent } from '../../shared/programme/schema.ts';
import { type RecordingAvailability, eventState, nextStateChange, recordingOf } from '../../shared/programme/state.ts';
import { isoAtOffset, offsetMinutesOf } from '../../shared/programme/time.ts';
import type { EventView } from '../../shared/programme/views.ts';

/** The real time (epoch ms) an event's stream recording was closed; null without one. */
export type StreamRecordings = (eventId: string) => { endedAt: number } | null;

/** The earlier of the file's promised recording and the stream's finished one, on the fair clock. */
export function availabilityOf(event: ProgrammeEvent, recordings: StreamRecordings, clock: FairClock): RecordingAvailability | null {
  const promised = recordingOf(event);
  const stream = recordings(event.id);
  if (!stream) return promised;
  const readyAt = stream.endedAt + clock.offsetMs;
  return promised && promised.readyAt <= readyAt ? promised : { readyAt };
}

/** The view with its state recomputed when the stream hall has a recording of the event. */
export function withStreamRecording<V extends EventView>(view: V, recordings: StreamRecordings, clock: FairClock, now: number): V {
  if (!recordings(view.id)) return view;
  const recording = availabilityOf(view, recordings, clock);
  const offset = offsetMinutesOf(view.start) ?? 0;
  const change = nextStateChange(view, now, recording);
  const { stateChangesAt: _dropped, ...rest } = view;
  return {
    ...rest,
    // The recording plays from the stage it was broadcast on, unless the file names another.
    ...(!view.recording && view.source?.kind === 'stage' ? { recording: { media: view.source, delayMinutes: 0 } } : {}),
    state: eventState(view, now, recording),
    ...(recording ? { recordingReadyAt: isoAtOffset(recording.readyAt, offset) } : {}),
    ...(change !== null ? { stateChangesAt: isoAtOffset(change, offset) } : {}),
  } as V;
}
