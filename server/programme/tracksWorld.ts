// What learning tracks and stage two read: the programme's events in their state at the fair
// clock, and every stand's category and webinars with where it stands. Stand data is read
// through the storage interfaces at most every `standsTtlMs` (300 interiors per read), and the
// topic joins are prepared once per programme revision and stand read, so a page view costs a
// lookup, not a join over the whole fair. Events and webinars are both timed by the fair clock
// (the sample's webinars are seeded onto it, server/fairStart.ts), so "beside" means the same day.
import type { DirectoryEntry } from '../../shared/api.ts';
import type { FairClock } from '../../shared/programme/clock.ts';
import {
  type BesideSource,
  type RelatedEvent,
  type StandSource,
  prepareEvents,
  prepareWebinars,
  webinarsBeside,
} from '../../shared/programme/related.ts';
import type { Text } from '../../shared/programme/schema.ts';
import type { TrackEventSource, TrackSources } from '../../shared/programme/tracks.ts';
import type { TrackWorld } from '../../shared/programme/tracksView.ts';
import { type EventView, eventView } from '../../shared/programme/views.ts';
import type { ContentStore, ExhibitorStore } from '../storage/storage.ts';
import type { ProgrammeStore } from './programmeStore.ts';
import { type StreamRecordings, withStreamRecording } from './streamRecordings.ts';

export interface TracksWorldDeps {
  storage: ExhibitorStore & ContentStore;
  programme: ProgrammeStore;
  clock: FairClock;
  /** Where every exhibitor stands (the floors' directory). */
  directory: () => DirectoryEntry[];
  recordings?: StreamRecordings;
  /** How long a read of the stands serves (default 30 s): exhibitors' edits show within it. */
  standsTtlMs?: number;
}

interface StandsRead {
  at: number;
  stands: StandSource[];
  byId: Map<string, StandSource>;
  webinars: BesideSource[];
}

export interface TracksWorldSource {
  /** The fair clock. */
  now(): number;
  /** Events with their state now, the topics prepared. */
  events(): { views: EventView[]; related: RelatedEvent[]; byId: Map<string, EventView & { clusterTitle?: Text }> };
  stands(): Promise<StandsRead>;
  /** The builder's inputs now. */
  sources(): Promise<TrackSources>;
  world(): Promise<TrackWorld>;
  /** Stage two for the schedule, recomputed at most once a minute (its order follows the clock). */
  beside(): Promise<ReturnType<typeof webinarsBeside>>;
}

export function tracksWorld(deps: TracksWorldDeps): TracksWorldSource {
  const ttl = deps.standsTtlMs ?? 30_000;
  const recordings = deps.recordings ?? (() => null);
  let standsRead: StandsRead | null = null;
  let reading: Promise<StandsRead> | null = null;
  let prepared: { revision: number; related: RelatedEvent[] } | null = null;
  let besideCache: { at: number; revision: number; read: StandsRead; value: ReturnType<typeof webinarsBeside> } | null = null;

  const now = () => deps.clock.now();

  async function readStands(): Promise<StandsRead> {
    const places = new Map<string, { floorId: string; standId: string }>();
    for (const d of deps.directory()) if (!places.has(d.exhibitor)) places.set(d.exhibitor, { floorId: d.floor, standId: d.stand });
    const exhibitors = await deps.storage.listExhibitors();
    const contents = await Promise.all(exhibitors.map((e) => deps.storage.getContent(e.id)));
    const stands = exhibitors.map((e, i): StandSource => {
      const place = places.get(e.id);
      return { exhibitorId: e.id, name: e.name, category: e.category, webinars: contents[i]!.webinars, ...(place ? { place } : {}) };
    });
    return { at: Date.now(), stands, byId: new Map(stands.map((s) => [s.exhibitorId, s])), webinars: prepareWebinars(stands) };
  }

  async function stands(): Promise<StandsRead> {
    if (standsRead && Date.now() - standsRead.at < ttl) return standsRead;
    // One read at a time: a burst of requests shares it.
    reading ??= readStands()
      .then((r) => (standsRead = r))
      .finally(() => {
        reading = null;
      });
    return reading;
  }

  function events() {
    const p = deps.programme.programme;
    const at = now();
    if (!p) return { views: [], related: [], byId: new Map() };
    if (prepared?.revision !== deps.programme.revision) prepared = { revision: deps.programme.revision, related: prepareEvents(p.events, p.clusters) };
    const clusters = new Map(p.clusters.map((c) => [c.id, c.title]));
    const views = p.events.map((e) => withStreamRecording(eventView(e, at), recordings, deps.clock, at));
    const byId = new Map(views.map((v) => [v.id, { ...v, ...(clusters.has(v.cluster) ? { clusterTitle: clusters.get(v.cluster)! } : {}) }]));
    return { views, related: prepared.related, byId };
  }

  return {
    now,
    events,
    stands,
    async sources() {
      const ev = events();
      const topics = new Map(ev.related.map((r) => [r.id, r.topics]));
      const list: TrackEventSource[] = ev.views.map((v) => ({ event: v, state: v.state, topics: topics.get(v.id) ?? [] }));
      const st = await stands();
      return { events: list, webinars: st.webinars, stands: st.stands };
    },
    async world() {
      const ev = events();
      const st = await stands();
      return { event: (id) => ev.byId.get(id), stand: (id) => st.byId.get(id), now: now() };
    },
    async beside() {
      const st = await stands();
      const revision = deps.programme.revision;
      if (besideCache && besideCache.read === st && besideCache.revision === revision && Date.now() - besideCache.at < 60_000) return besideCache.value;
      const value = webinarsBeside(events().related, st.webinars, now());
      besideCache = { at: Date.now(), revision, read: st, value };
      return value;
    },
  };
}
