// What the programme API answers: the programme with each event's state at the fair clock's
// "now", built by pure functions so the client can rebuild the same views as the clock moves
// (every state comes from ./state.ts).
import type { Cluster, Programme, ProgrammeEvent, ProgrammeMeta, Speaker } from './schema.ts';
import { type EventState, eventState, nextStateChange, recordingOf } from './state.ts';
import { isoAtOffset, offsetMinutesOf, windowOf } from './time.ts';

export interface ClockView {
  /** Fair time now, ISO in UTC. */
  now: string;
  nowMs: number;
  /** Fair time minus real time. */
  offsetMs: number;
  timeZone: string;
}

export type EventView = ProgrammeEvent & {
  /** End, written at the start's offset. */
  end: string;
  state: EventState;
  /** When the recording is (or will be) ready, at the start's offset; absent without a recording. */
  recordingReadyAt?: string;
  /** When `state` next changes (clients re-render then); absent when it is final. */
  stateChangesAt?: string;
};

export type SpeakerSummary = Pick<Speaker, 'id' | 'name' | 'photo' | 'affiliation'>;

export interface ProgrammeView {
  revision: number;
  clock: ClockView;
  meta: Pick<ProgrammeMeta, 'title' | 'timeZone'>;
  clusters: Cluster[];
  events: EventView[];
  speakers: SpeakerSummary[];
}

export interface EventPageView {
  revision: number;
  clock: ClockView;
  event: EventView;
  cluster: Cluster | null;
  moderator: Speaker | null;
  speakers: Speaker[];
  /** The next events of the same cluster and stage after this one (up to 3). */
  nextInCluster: EventView[];
}

export interface SpeakerPageView {
  revision: number;
  clock: ClockView;
  speaker: Speaker;
  /** Events the speaker moderates or speaks in, by start. */
  events: (EventView & { role: 'moderator' | 'speaker' })[];
}

export function clockView(nowMs: number, offsetMs: number, timeZone: string): ClockView {
  return { now: new Date(nowMs).toISOString(), nowMs, offsetMs, timeZone };
}

export function eventView(event: ProgrammeEvent, now: number): EventView {
  const offset = offsetMinutesOf(event.start) ?? 0;
  const { end } = windowOf(event);
  const recording = recordingOf(event);
  const change = nextStateChange(event, now, recording);
  return {
    ...event,
    end: isoAtOffset(end, offset),
    state: eventState(event, now, recording),
    ...(recording ? { recordingReadyAt: isoAtOffset(recording.readyAt, offset) } : {}),
    ...(change !== null ? { stateChangesAt: isoAtOffset(change, offset) } : {}),
  };
}

export function speakerSummary(s: Speaker): SpeakerSummary {
  return { id: s.id, name: s.name, ...(s.photo ? { photo: s.photo } : {}), ...(s.affiliation ? { affiliation: s.affiliation } : {}) };
}

export function programmeView(p: Programme, revision: number, clock: ClockView): ProgrammeView {
  return {
    revision,
    clock,
    meta: { title: p.meta.title, timeZone: p.meta.timeZone },
    clusters: p.clusters,
    events: p.events.map((e) => eventView(e, clock.nowMs)),
    speakers: p.speakers.map(speakerSummary),
  };
}

export function eventPageView(
  p: Programme,
  event: ProgrammeEvent,
  speaker: (id: string) => Speaker | undefined,
  revision: number,
  clock: ClockView,
): EventPageView {
  const start = windowOf(event).start;
  const next = p.events
    .filter((e) => e.cluster === event.cluster && e.stage === event.stage && e.id !== event.id && windowOf(e).start >= start)
    .slice(0, 3);
  return {
    revision,
    clock,
    event: eventView(event, clock.nowMs),
    cluster: p.clusters.find((c) => c.id === event.cluster) ?? null,
    moderator: (event.moderator && speaker(event.moderator)) || null,
    speakers: event.speakers.flatMap((id) => speaker(id) ?? []),
    nextInCluster: next.map((e) => eventView(e, clock.nowMs)),
  };
}

export function speakerPageView(p: Programme, s: Speaker, revision: number, clock: ClockView): SpeakerPageView {
  const events = p.events.flatMap((e) => {
    const role = e.moderator === s.id ? ('moderator' as const) : e.speakers.includes(s.id) ? ('speaker' as const) : null;
    return role ? [{ ...eventView(e, clock.nowMs), role }] : [];
  });
  return { revision, clock, speaker: s, events };
}
