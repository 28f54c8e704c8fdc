// Export of our programme as schedule JSON that validates against the C3VOC schema
// (tests/fixtures/schedule/schema.json): clusters become rooms, tags tracks, speakers
// persons, events are grouped by the local date they are written with. What the format has
// no place for (ids, formats, stages, moderators, English texts, media) travels under
// `conference.meta["virtual-expo"]`, so importing an export gives the same programme.
import type { Cluster, Programme, ProgrammeEvent, Speaker } from './schema.ts';
import { EXPO_META_KEY, type ExpoMeta } from './scheduleJson.ts';
import { formatHhMm, localParts, offsetMinutesOf, formatOffset } from './time.ts';
import { uuid5 } from './uuid.ts';

export interface ExportOptions {
  /** Absolute base of links and photos; default the programme's url or "https://expo.example.org/". */
  baseUrl?: string;
  /**
   * How events' "start" is written. The schema in voc/schedule says date-time; frab and
   * pretalx write "HH:MM" (their readers expect that). Default: what the schema says.
   */
  start?: 'date-time' | 'hh:mm';
  generator?: { name: string; version: string };
}

const guidOf = (kind: string, id: string) => uuid5(`virtual-expo:${kind}:${id}`);

/** A positive 31-bit integer id from an event id, stable across exports. */
function intIdOf(id: string, used: Set<number>): number {
  let n = (parseInt(guidOf('event-int', id).slice(0, 8), 16) % 2_000_000_000) + 1;
  while (used.has(n)) n++;
  used.add(n);
  return n;
}

const slugPart = (s: string) => s.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|[-_]+$/g, '');

export function exportSchedule(p: Programme, opts: ExportOptions = {}): Record<string, unknown> {
  const base = (opts.baseUrl ?? p.meta.url ?? 'https://expo.example.org/').replace(/\/?$/, '/');
  const acronym = p.meta.acronym ?? 'virtual_expo';
  const absolute = (pathOrUrl: string) => (/^https:\/\//.test(pathOrUrl) ? pathOrUrl : `${base}assets/${pathOrUrl}`);

  // Rooms: one per cluster, named by its Russian title (made unique when two share one).
  const roomName = new Map<string, string>();
  const names = new Set<string>();
  for (const c of p.clusters) {
    let name = c.title.ru;
    if (names.has(name)) name = `${name} (${c.id})`;
    names.add(name);
    roomName.set(c.id, name);
  }
  const speakerById = new Map(p.speakers.map((s) => [s.id, s]));
  const personOf = (s: Speaker) => ({
    guid: guidOf('person', s.id),
    name: s.name.ru,
    ...(s.bio ? { biography: s.bio.ru } : {}),
    ...(s.photo ? { avatar: absolute(s.photo) } : {}),
  });

  const byDay = new Map<string, ProgrammeEvent[]>();
  for (const e of p.events) {
    const { date } = localParts(e.start);
    let list = byDay.get(date);
    if (!list) byDay.set(date, (list = []));
    list.push(e);
  }
  const dates = [...byDay.keys()].sort();
  const used = new Set<number>();
  const expoEvents: ExpoMeta['events'] = {};

  const days = dates.map((date, i) => {
    const list = byDay.get(date)!;
    const offset = formatOffset(offsetMinutesOf(list[0]!.start) ?? 0);
    const rooms: Record<string, unknown[]> = {};
    for (const c of p.clusters) {
      const inRoom = list.filter((e) => e.cluster === c.id);
      if (inRoom.length > 0) rooms[roomName.get(c.id)!] = inRoom.map((e) => eventOf(e));
    }
    return { index: i + 1, date, day_start: `${date}T00:00:00${offset}`, day_end: `${date}T23:59:00${offset}`, rooms };
  });

  function eventOf(e: ProgrammeEvent) {
    const guid = guidOf('event', e.id);
    const people = [...(e.moderator ? [e.moderator] : []), ...e.speakers].flatMap((id) => speakerById.get(id) ?? []);
    expoEvents[guid] = {
      id: e.id,
      format: e.format,
      stage: e.stage,
      tags: e.tags,
      ...(e.long ? { long: true } : {}),
      moderated: !!e.moderator,
      title: e.title,
      ...(e.description ? { description: e.description } : {}),
      ...(e.source ? { source: e.source } : {}),
      ...(e.recording ? { recording: e.recording } : {}),
    };
    return {
      id: intIdOf(e.id, used),
      guid,
      date: e.start,
      start: opts.start === 'hh:mm' ? localParts(e.start).time : e.start,
      duration: formatHhMm(e.duration),
      room: roomName.get(e.cluster) ?? e.cluster,
      slug: `${slugPart(acronym)}-${slugPart(e.id)}`,
      url: `${base}programme/${encodeURIComponent(e.id)}`,
      title: e.title.ru,
      subtitle: '',
      track: e.tags[0] ?? null,
      type: e.format,
      language: e.language,
      abstract: e.description?.ru ?? null,
      description: null,
      persons: people.map(personOf),
      links: [],
      attachments: [],
    };
  }

  const tracks = [...new Set(p.events.flatMap((e) => e.tags))].sort().map((name) => ({ name }));
  const meta: ExpoMeta = {
    version: 1,
    title: p.meta.title,
    ...(p.meta.acronym ? { acronym: p.meta.acronym } : {}),
    ...(p.meta.url ? { url: p.meta.url } : {}),
    rooms: Object.fromEntries(p.clusters.map((c: Cluster) => [roomName.get(c.id)!, c])),
    events: {},
    persons: p.speakers.map((s) => ({ guid: guidOf('person', s.id), speaker: s })),
  };
  const conference = {
    acronym,
    title: p.meta.title.ru,
    start: dates[0] ?? '1970-01-01',
    end: dates[dates.length - 1] ?? '1970-01-01',
    daysCount: dates.length,
    timeslot_duration: '00:05',
    time_zone_name: p.meta.timeZone,
    url: p.meta.url ?? base,
    tracks,
    rooms: p.clusters.map((c) => ({
      name: roomName.get(c.id)!,
      guid: guidOf('room', c.id),
      description: c.description?.ru ?? null,
    })),
    days,
    meta: { [EXPO_META_KEY]: meta },
  };
  meta.events = expoEvents;
  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: opts.generator ?? { name: 'virtual-expo', version: '1' },
    schedule: { version: `${p.events.length} events`, base_url: base, conference },
  };
}
