// The schedule as the client filters it: every event indexed once (instants, recording,
// search text), then filtering is a plain pass over arrays, cheap enough to run on every
// keystroke for a few thousand events. States always come from shared/programme/state.ts at
// the fair clock's "now", never from the answer's own `state` (that was "now" at fetch time).
import type { Cluster, Format, Stage } from '../../../shared/programme/schema.ts';
import { type EventState, type RecordingAvailability, eventState, nextStateChange, recordingOf } from '../../../shared/programme/state.ts';
import { windowOf } from '../../../shared/programme/time.ts';
import type { EventView, ProgrammeView, SpeakerSummary } from '../../../shared/programme/views.ts';
import type { Lang } from '../../../shared/text.ts';
import type { ScheduleQuery } from './query.ts';
import { dayKeyOf } from './zones.ts';

/** Text in the interface language, Russian where English is missing. */
export function txt(text: { ru: string; en?: string | undefined } | undefined, lang: Lang): string {
  if (!text) return '';
  return lang === 'en' ? (text.en ?? text.ru) : text.ru;
}

export interface IndexedEvent {
  /** Position in the index: keys[i] is its day key. */
  i: number;
  e: EventView;
  start: number;
  end: number;
  recording: RecordingAvailability | null;
  /** Lower-cased title, speakers, cluster and tags in both languages, "ё" as "е". */
  hay: string;
}

export interface ProgrammeIndex {
  view: ProgrammeView;
  events: IndexedEvent[];
  byId: Map<string, IndexedEvent>;
  clusters: Map<string, Cluster>;
  speakers: Map<string, SpeakerSummary>;
  tags: string[];
  languages: string[];
  formats: Format[];
}

export const normalise = (s: string): string => s.toLowerCase().replace(/ё/g, 'е');

export function buildIndex(view: ProgrammeView): ProgrammeIndex {
  const clusters = new Map(view.clusters.map((c) => [c.id, c]));
  const speakers = new Map(view.speakers.map((s) => [s.id, s]));
  const tags = new Set<string>();
  const languages = new Set<string>();
  const formats = new Set<Format>();
  const events = view.events.map((e, i): IndexedEvent => {
    const { start, end } = windowOf(e);
    e.tags.forEach((t) => tags.add(t));
    languages.add(e.language);
    formats.add(e.format);
    const people = [e.moderator, ...e.speakers].flatMap((id) => {
      const s = id ? speakers.get(id) : undefined;
      return s ? [s.name.ru, s.name.en ?? ''] : [];
    });
    const c = clusters.get(e.cluster);
    const hay = normalise([e.title.ru, e.title.en ?? '', c?.title.ru ?? '', c?.title.en ?? '', ...e.tags, ...people].join(' \u0001 '));
    return { i, e, start, end, recording: recordingOf(e), hay };
  });
  return {
    view,
    events,
    byId: new Map(events.map((ie) => [ie.e.id, ie])),
    clusters,
    speakers,
    tags: [...tags].sort((a, b) => a.localeCompare(b, 'ru')),
    languages: [...languages].sort(),
    formats: [...formats],
  };
}

export function stateAt(ie: Pick<IndexedEvent, 'e' | 'recording'>, now: number): EventState {
  return eventState(ie.e, now, ie.recording);
}

/** The earliest instant after `now` at which any of these events changes state; null if none. */
export function nextChangeOf(events: readonly IndexedEvent[], now: number): number | null {
  let next: number | null = null;
  for (const ie of events) {
    const at = nextStateChange(ie.e, now, ie.recording);
    if (at !== null && (next === null || at < next)) next = at;
  }
  return next;
}

/** Each event's day key in the zone, in index order. */
export function dayKeysIn(index: ProgrammeIndex, timeZone: string): string[] {
  return index.events.map((ie) => dayKeyOf(ie.start, timeZone));
}

/** The days that have events (of the stage, if one is chosen), in order. */
export function daysOf(index: ProgrammeIndex, keys: readonly string[], stage: Stage | null): string[] {
  const set = new Set<string>();
  for (const ie of index.events) if (!stage || ie.e.stage === stage) set.add(keys[ie.i]!);
  return [...set].sort();
}

/** The day to show when the address names none: today's, else the next one, else the last. */
export function defaultDay(days: readonly string[], todayKey: string): string | null {
  return days.find((d) => d >= todayKey) ?? days[days.length - 1] ?? null;
}

/** The day the schedule shows: the address's (if it has events, or "all"), else the default. */
export function pickDay(asked: string | null, days: readonly string[], todayKey: string): string {
  if (asked === 'all' || (asked !== null && days.includes(asked))) return asked;
  return defaultDay(days, todayKey) ?? 'all';
}

/** Everything but the day: the filters that apply inside a day. */
export function matches(ie: IndexedEvent, q: ScheduleQuery, tokens: readonly string[], now: number): boolean {
  const e = ie.e;
  if (q.stage && e.stage !== q.stage) return false;
  if (q.cluster && e.cluster !== q.cluster) return false;
  if (q.format && e.format !== q.format) return false;
  if (q.lang && e.language !== q.lang) return false;
  if (q.tag && !e.tags.includes(q.tag)) return false;
  if (q.live && !(now >= ie.start && now < ie.end)) return false;
  for (const t of tokens) if (!ie.hay.includes(t)) return false;
  return true;
}

export const searchTokens = (q: string): string[] => normalise(q).split(/\s+/).filter(Boolean);

/** The events shown for the query on `day` ("all": every day), by start. */
export function filterEvents(index: ProgrammeIndex, keys: readonly string[], q: ScheduleQuery, day: string, now: number): IndexedEvent[] {
  const tokens = searchTokens(q.q);
  const out: IndexedEvent[] = [];
  for (const ie of index.events) {
    if (day !== 'all' && keys[ie.i] !== day) continue;
    if (matches(ie, q, tokens, now)) out.push(ie);
  }
  return out;
}

/** Groups events (already by start) by their day key, keeping order. */
export function groupByDay(events: readonly IndexedEvent[], keys: readonly string[]): [string, IndexedEvent[]][] {
  const groups = new Map<string, IndexedEvent[]>();
  for (const ie of events) {
    const k = keys[ie.i]!;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(ie);
  }
  return [...groups];
}

/** The library: every event whose recording is ready at `now`, newest first. */
export function libraryEvents(index: ProgrammeIndex, q: string, cluster: string | null, now: number): IndexedEvent[] {
  const tokens = searchTokens(q);
  return index.events
    .filter((ie) => stateAt(ie, now) === 'recording-ready' && (!cluster || ie.e.cluster === cluster) && tokens.every((t) => ie.hay.includes(t)))
    .reverse();
}

/** One event outside the schedule's index (an event page, a speaker page): no search text. */
export function asIndexed(e: EventView, i = 0): IndexedEvent {
  const { start, end } = windowOf(e);
  return { i, e, start, end, recording: recordingOf(e), hay: '' };
}
