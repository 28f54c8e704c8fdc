// What the learning-track and stage-two endpoints answer, and their paths (kept beside the
// features rather than in shared/api.ts so the programme's other work does not collide with
// them). A track's items are references; the answer resolves each to what a page shows — a
// title, a time, a state, a link — with pure functions of the programme, the stands and now.
import { CATEGORY_TITLES } from '../categories.ts';
import { viewUrl } from '../routes.ts';
import { type Webinar, type WebinarStatus, webinarStatus } from '../standContent.ts';
import type { Text } from './schema.ts';
import type { EventState } from './state.ts';
import type { BesideWebinar, StandSource } from './related.ts';
import { type Track, type TrackItem, refKey, trackProgress } from './tracks.ts';
import type { EventView } from './views.ts';

export const TRACKS_API = {
  /** GET: the visitor's tracks; POST: build a new one. */
  tracks: '/api/programme/tracks',
  /** GET: anyone with the link (read-only unless it is yours); PUT, DELETE: the owner only. */
  track: '/api/programme/tracks/:trackId',
  /** POST: "make it mine" — a copy owned by the caller, nothing ticked. */
  copy: '/api/programme/tracks/:trackId/copy',
  /** Stage two: every webinar on the topics of programme events, with the events it fits. */
  beside: '/api/programme/beside',
  /** Stage two: the webinars on one event's topics. */
  eventBeside: '/api/programme/events/:eventId/beside',
  /** Stage two: the programme events on a stand's topics. */
  standEvents: '/api/programme/stands/:exhibitorId/events',
} as const;

/** The public page of a track (the share link). */
export const trackPagePath = (id: string): string => `/programme/tracks/${encodeURIComponent(id)}`;

/** Where a stand's page is, or undefined when the exhibitor is on no floor. */
export const standHref = (place: StandSource['place']): string | undefined =>
  place ? viewUrl({ kind: 'stand', floorId: place.floorId, standId: place.standId }) : undefined;

export type TrackEntryKind = 'recording' | 'event' | 'webinar' | 'stand' | 'missing';

/** One item of a track as a page shows it. */
export interface TrackEntry {
  key: string;
  item: TrackItem;
  /** "recording" for an event whose recording is ready; "missing" when the thing is gone. */
  kind: TrackEntryKind;
  title: Text;
  /** Who or where: the cluster, the exhibitor, the stand's category. */
  by?: Text;
  start?: string;
  end?: string;
  state?: EventState | WebinarStatus;
  /** Our page for it: the event page or the stand. */
  href?: string;
  /** Outside: the webinar's platform or its recording. */
  link?: string;
}

export interface TrackPageView {
  track: Track;
  /** The caller owns it (may edit); others see it read-only and may copy it. */
  mine: boolean;
  entries: TrackEntry[];
  progress: { done: number; total: number };
  /** For the owner: what the builder would add next (not in the track yet). */
  suggestions: TrackEntry[];
}

export interface TrackSummary {
  id: string;
  title: string;
  level: Track['level'];
  progress: { done: number; total: number };
  updatedAt: number;
}

export interface BesideView {
  webinars: (BesideWebinar & { events: string[] })[];
}

export interface EventBesideView {
  webinars: BesideWebinar[];
}

export interface StandEventsView {
  events: EventView[];
}

/** What resolution needs: the programme's events (in their state now) and the stands. */
export interface TrackWorld {
  event(id: string): (EventView & { clusterTitle?: Text }) | undefined;
  stand(exhibitorId: string): StandSource | undefined;
  /** The fair clock's now, for webinars (events carry their state already). */
  now: number;
}

function webinarEntry(item: TrackItem, w: Webinar, stand: StandSource, now: number): TrackEntry {
  const status = webinarStatus(w, now);
  const href = standHref(stand.place);
  const link = status === 'recorded' ? w.recording : status === 'past' ? undefined : w.link;
  return {
    key: refKey(item),
    item,
    kind: 'webinar',
    title: { ru: w.title },
    by: { ru: stand.name },
    start: w.start,
    end: new Date(Date.parse(w.start) + w.durationMin * 60_000).toISOString(),
    state: status,
    ...(href ? { href } : {}),
    ...(link ? { link } : {}),
  };
}

export function resolveEntry(item: TrackItem, world: TrackWorld): TrackEntry {
  const missing: TrackEntry = { key: refKey(item), item, kind: 'missing', title: { ru: refKey(item) } };
  switch (item.kind) {
    case 'event': {
      const e = world.event(item.eventId);
      if (!e) return missing;
      return {
        key: refKey(item),
        item,
        kind: e.state === 'recording-ready' ? 'recording' : 'event',
        title: e.title,
        ...(e.clusterTitle ? { by: e.clusterTitle } : {}),
        start: e.start,
        end: e.end,
        state: e.state,
        href: `/programme/${encodeURIComponent(e.id)}`,
      };
    }
    case 'webinar': {
      const st = world.stand(item.exhibitorId);
      const w = st?.webinars.find((x) => x.id === item.webinarId);
      return st && w ? webinarEntry(item, w, st, world.now) : missing;
    }
    case 'stand': {
      const st = world.stand(item.exhibitorId);
      if (!st) return missing;
      const href = standHref(st.place);
      return { key: refKey(item), item, kind: 'stand', title: { ru: st.name }, by: CATEGORY_TITLES[st.category], ...(href ? { href } : {}) };
    }
  }
}

export function trackPageView(track: Track, mine: boolean, world: TrackWorld, suggestions: readonly TrackItem[]): TrackPageView {
  const have = new Set(track.items.map(refKey));
  return {
    track,
    mine,
    entries: track.items.map((i) => resolveEntry(i, world)),
    progress: trackProgress(track.items),
    suggestions: mine ? suggestions.filter((s) => !have.has(refKey(s))).map((s) => resolveEntry(s, world)) : [],
  };
}

export function trackSummary(track: Track): TrackSummary {
  return { id: track.id, title: track.title, level: track.level, progress: trackProgress(track.items), updatedAt: track.updatedAt };
}
