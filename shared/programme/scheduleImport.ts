// Import of a schedule-JSON export (pretalx, frab, C3VOC) as our programme files: rooms
// become clusters, tracks become tags, persons become speakers, and each event keeps the
// offset it was written with, so the conference's time zone is kept. All or nothing: the
// result is validated exactly as the server validates programme files, and every problem
// points at the line and column of the input file; with any problem, no files are returned.
import { type JsonPath, locateProblems } from '../level/validate.ts';
import { CLUSTERS_FILE, EVENTS_DIR, PROGRAMME_FILE, SPEAKERS_FILE } from './files.ts';
import { type Cluster, type Format, PROGRAMME_VERSION, type Programme, type ProgrammeEvent, type ProgrammeMeta, type Speaker } from './schema.ts';
import { EXPO_META_KEY, ExpoMeta, type ScheduleEvent, ScheduleFile, type SchedulePerson } from './scheduleJson.ts';
import { slugify, uniqueIds } from './slug.ts';
import { instantOf, isoAtOffset, offsetMinutesOf, parseHhMm } from './time.ts';
import { type ProgrammeProblem, type ProgrammeSource, validateProgramme } from './validate.ts';

export interface ImportInput {
  /** The file name shown in problems, e.g. "democon.json". */
  file: string;
  data: unknown;
  text?: string;
}

export interface ImportResult {
  /** The programme files to write, by path inside the programme folder; empty on any problem. */
  files: { path: string; data: unknown }[];
  programme: Programme | null;
  problems: ProgrammeProblem[];
  /** Counts of what was read, for the organiser's summary line. */
  counts: { days: number; rooms: number; events: number; persons: number };
}

const FORMAT_WORDS: [RegExp, Format][] = [
  [/keynote/i, 'keynote'],
  [/panel/i, 'panel'],
  [/workshop|hands-on|tutorial/i, 'workshop'],
  [/master/i, 'masterclass'],
  [/discussion|meeting|meetup|bof/i, 'discussion'],
  [/round\s*table/i, 'roundtable'],
  [/interview/i, 'interview'],
  [/talk|lecture|lightning|vortrag/i, 'lecture'],
  [/presentation|demo/i, 'presentation'],
];

export function formatOfType(type: string | null | undefined): Format {
  const t = type ?? '';
  for (const [re, format] of FORMAT_WORDS) if (re.test(t)) return format;
  return 'other';
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** "2019-08-21T11:00:00+02:00" as we write instants (seconds, explicit offset). */
function normaliseInstant(iso: string): string | null {
  const ms = instantOf(iso);
  const offset = offsetMinutesOf(iso);
  if (Number.isNaN(ms) || offset === null || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso)) return null;
  return isoAtOffset(ms, offset);
}

/** The event's start: its `date`, else the day's date with `start` at the day's offset. */
function startOf(e: ScheduleEvent, dayDate: string, dayStart: string | null | undefined): string | null {
  if (e.date) return normaliseInstant(e.date);
  const asInstant = normaliseInstant(e.start);
  if (asInstant) return asInstant;
  const minutes = parseHhMm(e.start);
  if (minutes === null) return null;
  const offset = (dayStart ? offsetMinutesOf(dayStart) : null) ?? 0;
  const midnight = Date.parse(`${dayDate}T00:00:00Z`) - offset * 60_000;
  return Number.isNaN(midnight) ? null : isoAtOffset(midnight + minutes * 60_000, offset);
}

const text = (s: string | null | undefined) => (s && s.trim() ? { ru: s.trim() } : undefined);

export function importSchedule(input: ImportInput): ImportResult {
  const counts = { days: 0, rooms: 0, events: 0, persons: 0 };
  const fail = (problems: ProgrammeProblem[]): ImportResult => ({
    files: [],
    programme: null,
    problems: locateProblems(problems, [{ file: input.file, data: input.data, text: input.text }]) as ProgrammeProblem[],
    counts,
  });
  const parsed = ScheduleFile.safeParse(input.data);
  if (!parsed.success) {
    const hub = (input.data as { schedule?: { events?: unknown } } | null)?.schedule?.events !== undefined;
    return fail(
      parsed.error.issues.map((issue) => ({
        file: input.file,
        path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message:
          issue.message +
          (hub ? ' (this looks like a "schedule 2" hub export with a top-level events list; export schedule.json version 1 from pretalx or frab)' : ''),
      })),
    );
  }
  const conf = parsed.data.schedule.conference;
  const problems: ProgrammeProblem[] = [];
  const confPath: JsonPath = ['schedule', 'conference'];

  let expo: ExpoMeta | null = null;
  if (conf.meta?.[EXPO_META_KEY] !== undefined) {
    const m = ExpoMeta.safeParse(conf.meta[EXPO_META_KEY]);
    if (m.success) expo = m.data;
    else {
      for (const issue of m.error.issues) {
        const rest = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        problems.push({ file: input.file, path: [...confPath, 'meta', EXPO_META_KEY, ...rest], message: issue.message });
      }
      return fail(problems);
    }
  }

  const timeZone = conf.time_zone_name?.trim() || 'UTC';
  const acronym = conf.acronym ? conf.acronym.toLowerCase().replace(/[^a-z0-9_]+/g, '_') : undefined;
  const meta: ProgrammeMeta = {
    version: PROGRAMME_VERSION,
    title: expo?.title ?? { ru: conf.title.trim() || 'Imported programme' },
    timeZone,
    ...(expo ? (expo.acronym ? { acronym: expo.acronym } : {}) : acronym && /^[a-z0-9_]{4,}$/.test(acronym) ? { acronym } : {}),
    ...(expo?.url ? { url: expo.url } : {}),
  };

  // Rooms → clusters, in the order the conference lists them, then as the days name them.
  const clusterIds = uniqueIds();
  const clusters: Cluster[] = [];
  const clusterOfRoom = new Map<string, string>();
  const addRoom = (name: string, description?: unknown) => {
    if (clusterOfRoom.has(name)) return;
    const fromExpo = expo?.rooms[name];
    const cluster: Cluster = fromExpo ?? {
      id: clusterIds(name, `room-${clusters.length + 1}`),
      title: { ru: name.trim() || `Room ${clusters.length + 1}` },
      ...(typeof description === 'string' && description.trim() ? { description: { ru: description.trim() } } : {}),
    };
    if (fromExpo) clusterIds(fromExpo.id, fromExpo.id);
    clusterOfRoom.set(name, cluster.id);
    clusters.push(cluster);
  };
  for (const room of conf.rooms ?? []) addRoom(room.name, room.description);
  for (const day of conf.days) for (const name of Object.keys(day.rooms)) addRoom(name);
  counts.rooms = clusters.length;

  // Persons → speakers, one per guid / code / id / name across the whole file.
  const speakerIds = uniqueIds();
  const speakers: Speaker[] = [];
  const speakerOfKey = new Map<string, string>();
  const expoPersons = new Map((expo?.persons ?? []).map((p) => [p.guid, p.speaker]));
  for (const p of expo?.persons ?? []) {
    speakerIds(p.speaker.id, p.speaker.id);
    speakerOfKey.set(`guid:${p.guid}`, p.speaker.id);
    speakers.push(p.speaker);
  }
  const personKey = (p: SchedulePerson) =>
    p.guid ? `guid:${p.guid}` : p.code ? `code:${p.code}` : p.id !== undefined ? `id:${p.id}` : `name:${(p.name ?? p.public_name ?? '').trim()}`;
  const speakerOf = (p: SchedulePerson): string => {
    const key = personKey(p);
    const known = speakerOfKey.get(key);
    if (known) return known;
    const name = (p.name ?? p.public_name ?? '').trim();
    const fromExpo = p.guid ? expoPersons.get(p.guid) : undefined;
    const speaker: Speaker = fromExpo ?? {
      id: speakerIds(name, `person-${speakers.length + 1}`),
      name: { ru: name },
      ...(p.avatar && /^https:\/\/\S+$/.test(p.avatar) ? { photo: p.avatar } : {}),
      ...(text(p.biography) ? { bio: text(p.biography)! } : {}),
    };
    speakerOfKey.set(key, speaker.id);
    speakers.push(speaker);
    return speaker.id;
  };

  const eventIds = uniqueIds();
  for (const e of Object.values(expo?.events ?? {})) eventIds(e.id, e.id);
  const events: ProgrammeEvent[] = [];
  /** Where each imported event came from, to point problems found later at the input. */
  const origin: JsonPath[] = [];
  conf.days.forEach((day, di) => {
    counts.days++;
    for (const [room, list] of Object.entries(day.rooms)) {
      list.forEach((e, ei) => {
        counts.events++;
        const at: JsonPath = [...confPath, 'days', di, 'rooms', room, ei];
        const start = startOf(e, day.date, day.day_start);
        const minutes = parseHhMm(e.duration);
        if (!start) {
          problems.push({
            file: input.file,
            path: [...at, e.date ? 'date' : 'start'],
            message: `"${e.date ?? e.start}" is not a start time (expected "date": "2019-08-21T11:00:00+02:00" or "start": "HH:MM")`,
          });
        }
        if (minutes === null || minutes <= 0) {
          problems.push({ file: input.file, path: [...at, 'duration'], message: `"${e.duration}" is not a duration (expected "HH:MM", more than 00:00)` });
        }
        if (!start || minutes === null || minutes <= 0) return;
        const persons = e.persons.map(speakerOf);
        const unique = [...new Set(persons)];
        const mine = e.guid ? expo?.events[e.guid] : undefined;
        const duration = Math.round(minutes);
        const title = mine?.title ?? {
          ru: [e.title.trim(), e.subtitle?.trim()].filter(Boolean).join(' — ') || `Event ${counts.events}`,
        };
        const description = mine ? mine.description : text(e.abstract) ?? text(e.description);
        const fallbackId = e.id !== undefined ? `e-${String(e.id)}` : `event-${counts.events}`;
        events.push({
          id: mine?.id ?? eventIds(e.id !== undefined ? `e-${String(e.id)}` : (e.slug ?? e.guid ?? ''), fallbackId),
          title,
          ...(description ? { description } : {}),
          start,
          duration,
          ...((mine?.long ?? duration > 60) ? { long: true } : {}),
          format: mine?.format ?? formatOfType(e.type),
          language: e.language && LANGUAGE.test(e.language.trim().toLowerCase()) ? e.language.trim().toLowerCase() : 'und',
          cluster: clusterOfRoom.get(room) ?? slugify(room),
          stage: mine?.stage ?? 'main',
          tags: mine?.tags ?? (e.track?.trim() ? [e.track.trim()] : []),
          ...(mine?.moderated && unique[0] ? { moderator: unique[0] } : {}),
          speakers: mine?.moderated ? unique.slice(1) : unique,
          ...(mine?.source ? { source: mine.source } : {}),
          ...(mine?.recording ? { recording: mine.recording } : {}),
        });
        origin.push(at);
      });
    }
  });
  counts.persons = speakers.length;
  if (problems.length > 0) return fail(problems);

  const eventsFile = `${EVENTS_DIR}/${slugify(meta.acronym ?? conf.title) || 'imported'}.json`;
  const files = [
    { path: PROGRAMME_FILE, data: meta },
    { path: CLUSTERS_FILE, data: { clusters } },
    { path: SPEAKERS_FILE, data: { speakers } },
    { path: eventsFile, data: { events } },
  ];
  const kinds = { [PROGRAMME_FILE]: 'meta', [CLUSTERS_FILE]: 'clusters', [SPEAKERS_FILE]: 'speakers' } as const;
  const sources: ProgrammeSource[] = files.map((f) => ({
    file: f.path,
    kind: kinds[f.path as keyof typeof kinds] ?? 'events',
    data: f.data,
  }));
  const checked = validateProgramme(sources, { displayDir: '.' });
  // Problems of the converted programme, pointed back at the input.
  const FIELD: Record<string, string> = { start: 'date', duration: 'duration', cluster: 'room', speakers: 'persons', moderator: 'persons', tags: 'track', title: 'title' };
  const mapped = checked.problems.map((p): ProgrammeProblem => {
    if (p.file === eventsFile && p.path[0] === 'events' && typeof p.path[1] === 'number') {
      const at = origin[p.path[1]]!;
      const field = typeof p.path[2] === 'string' ? FIELD[p.path[2]] : undefined;
      return { ...p, file: input.file, path: field ? [...at, field, ...p.path.slice(3)] : at };
    }
    return { ...p, file: input.file, path: confPath };
  });
  if (!checked.programme) return fail(mapped);
  return {
    files,
    programme: checked.programme,
    problems: locateProblems(mapped, [{ file: input.file, data: input.data, text: input.text }]) as ProgrammeProblem[],
    counts,
  };
}
