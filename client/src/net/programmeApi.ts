// Every HTTP call of the programme's visitor pages. Answers are parsed by schemas built from
// the programme's own (shared/programme/schema.ts) before anyone trusts them; the shapes are
// those of shared/programme/views.ts, which the assignments below check at compile time.
import { z } from 'zod';
import { API, apiPath } from '../../../shared/api.ts';
import { Cluster, ProgrammeEvent, Speaker } from '../../../shared/programme/schema.ts';
import { EVENT_STATES } from '../../../shared/programme/state.ts';
import type { ClockView, EventPageView, ProgrammeView, SpeakerPageView } from '../../../shared/programme/views.ts';
import { send } from './http.ts';

const Clock: z.ZodType<ClockView> = z.object({ now: z.string(), nowMs: z.number(), offsetMs: z.number(), timeZone: z.string() });

const EventViewSchema = ProgrammeEvent.extend({
  end: z.string(),
  state: z.enum(EVENT_STATES),
  recordingReadyAt: z.string().optional(),
  stateChangesAt: z.string().optional(),
});

const Programme: z.ZodType<ProgrammeView> = z.object({
  revision: z.number(),
  clock: Clock,
  meta: z.object({ title: ProgrammeEvent.shape.title, timeZone: z.string() }),
  clusters: z.array(Cluster),
  events: z.array(EventViewSchema),
  speakers: z.array(Speaker.pick({ id: true, name: true, photo: true, affiliation: true })),
});

const EventPage: z.ZodType<EventPageView> = z.object({
  revision: z.number(),
  clock: Clock,
  event: EventViewSchema,
  cluster: Cluster.nullable(),
  moderator: Speaker.nullable(),
  speakers: z.array(Speaker),
  nextInCluster: z.array(EventViewSchema),
});

const SpeakerPage: z.ZodType<SpeakerPageView> = z.object({
  revision: z.number(),
  clock: Clock,
  speaker: Speaker,
  events: z.array(EventViewSchema.extend({ role: z.enum(['moderator', 'speaker']) })),
});

async function getJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  const res = await send('GET', path);
  return schema.parse(await res.json());
}

export const fetchProgramme = (): Promise<ProgrammeView> => getJson(API.programme, Programme);
export const fetchEventPage = (eventId: string): Promise<EventPageView> => getJson(apiPath(API.programmeEvent, { eventId }), EventPage);
export const fetchSpeakerPage = (speakerId: string): Promise<SpeakerPageView> =>
  getJson(apiPath(API.programmeSpeaker, { speakerId }), SpeakerPage);

/**
 * Fair time minus this browser's time: the server's clock read at the middle of the round
 * trip, so states flip when the server says they do even if the visitor's clock is off.
 */
export async function fetchClockOffset(): Promise<number> {
  const sent = Date.now();
  const clock = await getJson(API.programmeClock, Clock);
  const back = Date.now();
  return clock.nowMs - (sent + back) / 2;
}

/** The .ics download of one event. */
export const eventIcsUrl = (eventId: string): string => apiPath(API.programmeEventIcs, { eventId });
