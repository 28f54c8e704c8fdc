// Every HTTP call of learning tracks and stage two. Answers are parsed by schemas (the shapes
// of shared/programme/tracksView.ts, checked against those types at compile time) before
// anything trusts them; the visitor is the browser's signed cookie, never a parameter.
import { z } from 'zod';
import { apiPath } from '../../../shared/api.ts';
import { ProgrammeEvent } from '../../../shared/programme/schema.ts';
import { EVENT_STATES } from '../../../shared/programme/state.ts';
import { type NewTrackBody, Track, TrackItem, type TrackEditBody, TrackLevel } from '../../../shared/programme/tracks.ts';
import {
  type BesideView,
  type EventBesideView,
  type StandEventsView,
  TRACKS_API,
  type TrackEntry,
  type TrackPageView,
  type TrackSummary,
} from '../../../shared/programme/tracksView.ts';
import { Webinar } from '../../../shared/standContent.ts';
import { send } from './http.ts';

const Text = z.object({ ru: z.string(), en: z.string().optional() });
const Progress = z.object({ done: z.number().int(), total: z.number().int() });

const Entry: z.ZodType<TrackEntry> = z.object({
  key: z.string(),
  item: TrackItem,
  kind: z.enum(['recording', 'event', 'webinar', 'stand', 'missing']),
  title: Text,
  by: Text.optional(),
  start: z.string().optional(),
  end: z.string().optional(),
  state: z.enum([...EVENT_STATES, 'recorded', 'past']).optional(),
  href: z.string().optional(),
  link: z.string().optional(),
});

const Page: z.ZodType<TrackPageView> = z.object({
  track: Track,
  mine: z.boolean(),
  entries: z.array(Entry),
  progress: Progress,
  suggestions: z.array(Entry),
});

const Summaries: z.ZodType<{ tracks: TrackSummary[] }> = z.object({
  tracks: z.array(z.object({ id: z.string(), title: z.string(), level: TrackLevel, progress: Progress, updatedAt: z.number() })),
});

const Place = z.object({ floorId: z.string(), standId: z.string() });
const BesideWebinarSchema = z.object({
  exhibitorId: z.string(),
  exhibitorName: z.string(),
  place: Place.optional(),
  webinar: Webinar,
  topics: z.array(z.string()),
  score: z.number(),
});
const Beside: z.ZodType<BesideView> = z.object({ webinars: z.array(BesideWebinarSchema.extend({ events: z.array(z.string()) })) });
const EventBeside: z.ZodType<EventBesideView> = z.object({ webinars: z.array(BesideWebinarSchema) });
const StandEvents: z.ZodType<StandEventsView> = z.object({
  events: z.array(
    ProgrammeEvent.extend({ end: z.string(), state: z.enum(EVENT_STATES), recordingReadyAt: z.string().optional(), stateChangesAt: z.string().optional() }),
  ),
});

async function call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  return schema.parse(await res.json());
}

const trackPath = (trackId: string) => apiPath(TRACKS_API.track, { trackId });

export const fetchMyTracks = (): Promise<{ tracks: TrackSummary[] }> => call('GET', TRACKS_API.tracks, Summaries);
export const buildNewTrack = (body: NewTrackBody): Promise<TrackPageView> => call('POST', TRACKS_API.tracks, Page, body);
export const fetchTrack = (trackId: string): Promise<TrackPageView> => call('GET', trackPath(trackId), Page);
export const saveTrack = (trackId: string, body: TrackEditBody): Promise<TrackPageView> => call('PUT', trackPath(trackId), Page, body);
export const copyTrack = (trackId: string): Promise<TrackPageView> => call('POST', apiPath(TRACKS_API.copy, { trackId }), Page);
export async function deleteTrack(trackId: string): Promise<void> {
  await send('DELETE', trackPath(trackId));
}

let besideOnce: Promise<BesideView> | null = null;
/** The schedule's stage-two list: loaded once per page (it changes slowly), again after a failure. */
export function fetchBeside(): Promise<BesideView> {
  besideOnce ??= call('GET', TRACKS_API.beside, Beside).catch((e: unknown) => {
    besideOnce = null;
    throw e;
  });
  return besideOnce;
}
export const fetchEventBeside = (eventId: string): Promise<EventBesideView> => call('GET', apiPath(TRACKS_API.eventBeside, { eventId }), EventBeside);
export const fetchStandEvents = (exhibitorId: string): Promise<StandEventsView> =>
  call('GET', apiPath(TRACKS_API.standEvents, { exhibitorId }), StandEvents);
