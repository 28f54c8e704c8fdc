// Learning tracks ("University"): a teacher picks topics and a level, and gets an ordered list
// of what to watch, attend and visit — recordings first (they can be watched today), then the
// programme's upcoming events by time, then exhibitors' webinars, then stands — with a tick per
// item. The schemas are the HTTP bodies and the stored shape; the builder and the edits are
// pure functions of their inputs (the caller passes the time), so the server and the tests
// share them.
import { z } from 'zod';
import { CATEGORY_TITLES } from '../categories.ts';
import type { EventState } from './state.ts';
import type { Format, ProgrammeEvent } from './schema.ts';
import { type BesideSource, type StandSource, sharedTopics, topicsOfStand, topicsOfText, webinarsOnTopics } from './related.ts';

export const TRACK_LEVELS = ['beginner', 'practitioner', 'expert'] as const;
export const TrackLevel = z.enum(TRACK_LEVELS);
export type TrackLevel = z.infer<typeof TrackLevel>;

/** Formats that suit each level best; others still count, a suiting one ranks higher. */
export const LEVEL_FORMATS: Record<TrackLevel, readonly Format[]> = {
  beginner: ['lecture', 'presentation', 'workshop', 'masterclass', 'keynote'],
  practitioner: ['workshop', 'masterclass', 'discussion', 'roundtable', 'panel'],
  expert: ['discussion', 'roundtable', 'panel', 'interview', 'keynote'],
};

/** Random, unguessable: the id is the share link, so knowing it is what lets others read. */
export const TrackId = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'a track id is 16 letters, digits, "-" or "_"');
const RefId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'an id is lowercase latin letters, digits and "-"');

export const MAX_TRACK_ITEMS = 60;
export const MAX_TRACK_TOPICS = 8;
export const MAX_TRACKS_PER_VISITOR = 50;

/** An item names a programme event (a recording once it has one), a webinar or a stand. */
export const TrackRef = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('event'), eventId: RefId }),
  z.strictObject({ kind: z.literal('webinar'), exhibitorId: RefId, webinarId: RefId }),
  z.strictObject({ kind: z.literal('stand'), exhibitorId: RefId }),
]);
export type TrackRef = z.infer<typeof TrackRef>;

export const TrackItem = z.intersection(TrackRef, z.strictObject({ done: z.boolean() }));
export type TrackItem = TrackRef & { done: boolean };

const Title = z.string().trim().min(1, 'a title is required').max(120, 'a title is at most 120 characters');
const Topic = z.string().trim().min(1).max(60, 'a topic is at most 60 characters');

export const TrackTopics = z
  .array(Topic)
  .min(1, 'pick at least one topic')
  .max(MAX_TRACK_TOPICS, `pick at most ${MAX_TRACK_TOPICS} topics`);

/** POST body: build a new track. */
export const NewTrackBody = z.strictObject({
  title: Title.optional(),
  topics: TrackTopics,
  level: TrackLevel,
});
export type NewTrackBody = z.infer<typeof NewTrackBody>;

/** PUT body: the edited track (order, removals, additions and ticks at once). */
export const TrackEditBody = z
  .strictObject({
    title: Title.optional(),
    items: z.array(TrackItem).max(MAX_TRACK_ITEMS, `a track holds at most ${MAX_TRACK_ITEMS} items`),
  })
  .refine((b) => new Set(b.items.map(refKey)).size === b.items.length, { message: 'an item appears twice', path: ['items'] });
export type TrackEditBody = z.infer<typeof TrackEditBody>;

/** A track as stored and sent (the owner's visitor id is stored beside it, never sent). */
export const Track = z.strictObject({
  id: TrackId,
  title: Title,
  topics: z.array(Topic),
  level: TrackLevel,
  items: z.array(TrackItem),
  /** The track this one was copied from ("make it mine"). */
  copiedFrom: TrackId.optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Track = z.infer<typeof Track>;

/** One key per thing a track can hold: items are unique by it. */
export function refKey(ref: TrackRef): string {
  switch (ref.kind) {
    case 'event':
      return `event:${ref.eventId}`;
    case 'webinar':
      return `webinar:${ref.exhibitorId}/${ref.webinarId}`;
    case 'stand':
      return `stand:${ref.exhibitorId}`;
  }
}

/** Only the reference of an item (drops `done` and anything else). */
export function refOf(item: TrackRef): TrackRef {
  switch (item.kind) {
    case 'event':
      return { kind: 'event', eventId: item.eventId };
    case 'webinar':
      return { kind: 'webinar', exhibitorId: item.exhibitorId, webinarId: item.webinarId };
    case 'stand':
      return { kind: 'stand', exhibitorId: item.exhibitorId };
  }
}

// ---- The builder ------------------------------------------------------------------------

export interface TrackEventSource {
  event: Pick<ProgrammeEvent, 'id' | 'start' | 'format'>;
  state: EventState;
  /** shared/programme/related.ts topicsOfEvent. */
  topics: readonly string[];
}

export interface TrackSources {
  events: readonly TrackEventSource[];
  webinars: readonly BesideSource[];
  stands: readonly StandSource[];
}

export interface TrackLimits {
  recordings: number;
  events: number;
  webinars: number;
  stands: number;
}

export const DEFAULT_LIMITS: TrackLimits = { recordings: 5, events: 6, webinars: 4, stands: 3 };

interface Ranked<T> {
  item: T;
  score: number;
  start: number;
  id: string;
}

const byScoreThenTime = <T>(a: Ranked<T>, b: Ranked<T>) => b.score - a.score || a.start - b.start || a.id.localeCompare(b.id);
const byTime = <T>(a: Ranked<T>, b: Ranked<T>) => a.start - b.start || a.id.localeCompare(b.id);

/**
 * The track for these topics and level at `now`, every item unticked: the best-fitting
 * recordings (in programme order), then the best upcoming or live events (by time), then
 * webinars and master classes still ahead or recorded (by time), then the stands on the same
 * topics (best fit first, those whose webinars are in the track ahead).
 */
export function buildTrack(
  topics: readonly string[],
  level: TrackLevel,
  sources: TrackSources,
  now: number,
  limits: TrackLimits = DEFAULT_LIMITS,
): TrackItem[] {
  const want = topicsOfText(topics.join(' · '));
  if (want.length === 0) return [];
  const suits = new Set<Format>(LEVEL_FORMATS[level]);

  const recordings: Ranked<string>[] = [];
  const upcoming: Ranked<string>[] = [];
  for (const s of sources.events) {
    const shared = sharedTopics(want, s.topics).length;
    if (shared === 0) continue;
    // A suiting format is worth one topic more, so it wins among equally topical events.
    const r = { item: s.event.id, score: shared + (suits.has(s.event.format) ? 1 : 0), start: Date.parse(s.event.start), id: s.event.id };
    if (s.state === 'recording-ready') recordings.push(r);
    else if (s.state === 'upcoming' || s.state === 'live') upcoming.push(r);
  }
  const best = <T>(list: Ranked<T>[], n: number) => list.sort(byScoreThenTime).slice(0, n).sort(byTime);

  const webinars = webinarsOnTopics(want, sources.webinars, now, Number.MAX_SAFE_INTEGER)
    .filter((w) => Date.parse(w.webinar.start) + w.webinar.durationMin * 60_000 > now || w.webinar.recording)
    // The best fits (a stable sort keeps what is ahead first among equals), then by time.
    .sort((a, b) => b.score - a.score)
    .slice(0, limits.webinars)
    .sort((a, b) => Date.parse(a.webinar.start) - Date.parse(b.webinar.start) || a.exhibitorId.localeCompare(b.exhibitorId));
  const inTrack = new Set(webinars.map((w) => w.exhibitorId));

  const stands: Ranked<string>[] = [];
  for (const st of sources.stands) {
    const shared = sharedTopics(want, topicsOfStand(st)).length;
    if (shared === 0) continue;
    stands.push({ item: st.exhibitorId, score: shared * 2 + (inTrack.has(st.exhibitorId) ? 1 : 0), start: 0, id: st.exhibitorId });
  }

  return [
    ...best(recordings, limits.recordings).map((r): TrackItem => ({ kind: 'event', eventId: r.item, done: false })),
    ...best(upcoming, limits.events).map((r): TrackItem => ({ kind: 'event', eventId: r.item, done: false })),
    ...webinars.map((w): TrackItem => ({ kind: 'webinar', exhibitorId: w.exhibitorId, webinarId: w.webinar.id, done: false })),
    ...stands
      .sort(byScoreThenTime)
      .slice(0, limits.stands)
      .map((r): TrackItem => ({ kind: 'stand', exhibitorId: r.item, done: false })),
  ];
}

/** A default title: the first topics ("инклюзия, чтение, наставничество…"). */
export function defaultTrackTitle(topics: readonly string[]): string {
  return (topics.slice(0, 3).join(', ') + (topics.length > 3 ? '…' : '')).slice(0, 120);
}

/** Topics a teacher can pick: the programme's tags, the most used first. */
export function topicChoices(events: readonly Pick<ProgrammeEvent, 'tags'>[]): string[] {
  const counts = new Map<string, number>();
  for (const e of events) for (const t of e.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'ru')).map(([t]) => t);
}

/** Category titles a stand's item shows. */
export const categoryTitle = (c: StandSource['category']) => CATEGORY_TITLES[c];

// ---- Edits ------------------------------------------------------------------------------

/** The items with the one at `from` moved by `delta` places (clamped to the list). */
export function moveItem<T>(items: readonly T[], from: number, delta: number): T[] {
  if (from < 0 || from >= items.length) return [...items];
  const to = Math.min(items.length - 1, Math.max(0, from + delta));
  const out = [...items];
  const [moved] = out.splice(from, 1);
  out.splice(to, 0, moved!);
  return out;
}

export function removeItem(items: readonly TrackItem[], key: string): TrackItem[] {
  return items.filter((i) => refKey(i) !== key);
}

/** Appends `ref` unticked; the same items when it is in the track already or the track is full. */
export function addItem(items: readonly TrackItem[], ref: TrackRef): TrackItem[] {
  const key = refKey(ref);
  if (items.length >= MAX_TRACK_ITEMS || items.some((i) => refKey(i) === key)) return [...items];
  return [...items, { ...refOf(ref), done: false }];
}

export function setDone(items: readonly TrackItem[], key: string, done: boolean): TrackItem[] {
  return items.map((i) => (refKey(i) === key ? { ...i, done } : i));
}

export function trackProgress(items: readonly Pick<TrackItem, 'done'>[]): { done: number; total: number } {
  return { done: items.filter((i) => i.done).length, total: items.length };
}

/** "Make it mine": the same items in the same order, none ticked. */
export function copiedItems(items: readonly TrackItem[]): TrackItem[] {
  return items.map((i) => ({ ...refOf(i), done: false }));
}
