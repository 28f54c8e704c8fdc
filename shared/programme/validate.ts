// Validation of the programme files beyond their shape: ids unique across files, references
// to clusters and speakers (with "did you mean"), durations, and clashes: two events in one
// room (cluster and stage) at once, or one person in two events at once. Returns every
// problem at once, as `file:line:col path: sentence` like the floors, so an organiser fixes
// the files in one pass. The server and `npm run programme:check` both call this.
import type { z } from 'zod';
import { type JsonPath, type LevelProblem, locateProblems } from '../level/validate.ts';
import { closest } from '../level/suggest.ts';
import {
  type Cluster,
  ClusterFile,
  EventFile,
  MAX_LONG_MINUTES,
  MAX_MINUTES,
  type Programme,
  type ProgrammeEvent,
  ProgrammeMeta,
  type Speaker,
  SpeakerFile,
} from './schema.ts';
import { windowOf } from './time.ts';

/** /programme/<these> are pages, not events (client/src/programme/paths.ts). */
export const RESERVED_EVENT_IDS: readonly string[] = ['library', 'my', 'tracks'];

/**
 * A problem as the floors print it. A warning (a person in two events at once: sometimes
 * meant, as a moderator opening two sessions) is printed but does not refuse the programme.
 */
export type ProgrammeProblem = LevelProblem & { warning?: true };

export const isBlocking = (p: ProgrammeProblem) => !p.warning;

export type SourceKind = 'meta' | 'clusters' | 'speakers' | 'events';

export interface ProgrammeSource {
  /** File name as the organiser knows it, e.g. "programme/events/main-1.json". */
  file: string;
  kind: SourceKind;
  data: unknown;
  /** The file's text as read, so problems can carry a line and column. */
  text?: string;
}

export interface ProgrammeValidation {
  /** The whole programme when there is no problem at all, else null. */
  programme: Programme | null;
  problems: ProgrammeProblem[];
}

function zodProblems(file: string, error: z.ZodError): ProgrammeProblem[] {
  return error.issues.map((issue) => ({
    file,
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issue.message,
  }));
}

interface Placed {
  event: ProgrammeEvent;
  file: string;
  index: number;
  start: number;
  end: number;
}

const hhmm = (iso: string) => iso.slice(11, 16);
const where = (p: Placed) => `${p.file} events[${p.index}]`;

/** Problems of events that share a room (cluster and stage) and overlap in time. */
function roomClashes(placed: readonly Placed[], clusters: ReadonlyMap<string, Cluster>): ProgrammeProblem[] {
  const problems: ProgrammeProblem[] = [];
  const rooms = new Map<string, Placed[]>();
  for (const p of placed) {
    const key = `${p.event.cluster}\u0000${p.event.stage}`;
    let list = rooms.get(key);
    if (!list) rooms.set(key, (list = []));
    list.push(p);
  }
  for (const list of rooms.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    let last: Placed | null = null;
    for (const p of list) {
      if (last && p.start < last.end) {
        const title = clusters.get(p.event.cluster)?.title.ru ?? p.event.cluster;
        problems.push({
          file: p.file,
          path: ['events', p.index, 'start'],
          message:
            `event "${p.event.id}" (${hhmm(p.event.start)}, ${p.event.duration} min) overlaps "${last.event.id}" ` +
            `(${hhmm(last.event.start)}, ${last.event.duration} min, ${where(last)}) in cluster «${title}» on the ${p.event.stage} stage: ` +
            'one cluster runs one event at a time',
        });
      }
      if (!last || p.end > last.end) last = p;
    }
  }
  return problems;
}

/** Problems of a person who moderates or speaks in two events at once. */
function personClashes(placed: readonly Placed[]): ProgrammeProblem[] {
  const problems: ProgrammeProblem[] = [];
  const byPerson = new Map<string, { p: Placed; path: JsonPath }[]>();
  const add = (id: string, p: Placed, path: JsonPath) => {
    let list = byPerson.get(id);
    if (!list) byPerson.set(id, (list = []));
    list.push({ p, path });
  };
  for (const p of placed) {
    if (p.event.moderator) add(p.event.moderator, p, ['events', p.index, 'moderator']);
    p.event.speakers.forEach((s, k) => add(s, p, ['events', p.index, 'speakers', k]));
  }
  for (const [person, list] of byPerson) {
    list.sort((a, b) => a.p.start - b.p.start || a.p.end - b.p.end);
    let last: (typeof list)[number] | null = null;
    for (const item of list) {
      if (last && last.p !== item.p && item.p.start < last.p.end) {
        problems.push({
          file: item.p.file,
          path: item.path,
          warning: true,
          message:
            `warning: "${person}" is also in "${last.p.event.id}" (${hhmm(last.p.event.start)}, ${where(last.p)}) at the same time: ` +
            'a person can be in one event at a time',
        });
      }
      if (!last || item.p.end > last.p.end) last = item;
    }
  }
  return problems;
}

/** Validates all programme files together; the programme is returned only when nothing is wrong. */
export function validateProgramme(
  sources: readonly ProgrammeSource[],
  opts: { displayDir?: string; readProblems?: readonly ProgrammeProblem[] } = {},
): ProgrammeValidation {
  const displayDir = opts.displayDir ?? 'programme';
  // Files that could not be read or parsed come first; they are not also "missing".
  const problems: ProgrammeProblem[] = [...(opts.readProblems ?? [])];
  const reported = new Set(problems.map((p) => p.file));
  let meta: ProgrammeMeta | null = null;
  const clusters: { c: Cluster; file: string; index: number }[] = [];
  const speakers: { s: Speaker; file: string; index: number }[] = [];
  const placed: Placed[] = [];
  const seen = { meta: 0, clusters: 0, speakers: 0 };

  for (const src of sources) {
    switch (src.kind) {
      case 'meta': {
        seen.meta++;
        const r = ProgrammeMeta.safeParse(src.data);
        if (r.success) {
          // "$schema" is for editors, not part of the programme.
          const { $schema: _, ...rest } = r.data;
          meta = rest;
        }
        else problems.push(...zodProblems(src.file, r.error));
        break;
      }
      case 'clusters': {
        seen.clusters++;
        const r = ClusterFile.safeParse(src.data);
        if (r.success) r.data.clusters.forEach((c, index) => clusters.push({ c, file: src.file, index }));
        else problems.push(...zodProblems(src.file, r.error));
        break;
      }
      case 'speakers': {
        seen.speakers++;
        const r = SpeakerFile.safeParse(src.data);
        if (r.success) r.data.speakers.forEach((s, index) => speakers.push({ s, file: src.file, index }));
        else problems.push(...zodProblems(src.file, r.error));
        break;
      }
      case 'events': {
        const r = EventFile.safeParse(src.data);
        if (!r.success) {
          problems.push(...zodProblems(src.file, r.error));
          break;
        }
        r.data.events.forEach((event, index) => {
          const { start, end } = windowOf(event);
          placed.push({ event, file: src.file, index, start, end });
        });
        break;
      }
    }
  }
  const missing = (kind: string, n: number) => {
    if (n === 0 && !reported.has(`${displayDir}/${kind}`)) problems.push({ file: `${displayDir}/${kind}`, path: [], message: 'is missing: the programme folder needs this file' });
  };
  missing('programme.json', seen.meta);
  missing('clusters.json', seen.clusters);
  missing('speakers.json', seen.speakers);

  const clusterById = new Map<string, Cluster>();
  for (const { c, file, index } of clusters) {
    if (clusterById.has(c.id)) problems.push({ file, path: ['clusters', index, 'id'], message: `duplicate cluster id "${c.id}"` });
    else clusterById.set(c.id, c);
  }
  const speakerById = new Map<string, Speaker>();
  for (const { s, file, index } of speakers) {
    if (speakerById.has(s.id)) problems.push({ file, path: ['speakers', index, 'id'], message: `duplicate speaker id "${s.id}"` });
    else speakerById.set(s.id, s);
  }
  const clusterIds = [...clusterById.keys()];
  const speakerIds = [...speakerById.keys()];
  const hint = (id: string, ids: readonly string[]) => {
    const h = closest(id, ids);
    return h ? ` (did you mean "${h}"?)` : '';
  };

  const eventAt = new Map<string, Placed>();
  for (const p of placed) {
    const { event: e, file, index } = p;
    const at = (...rest: JsonPath): JsonPath => ['events', index, ...rest];
    const first = eventAt.get(e.id);
    if (first) problems.push({ file, path: at('id'), message: `duplicate event id "${e.id}" (already used in ${where(first)})` });
    else eventAt.set(e.id, p);
    if (RESERVED_EVENT_IDS.includes(e.id)) {
      problems.push({ file, path: at('id'), message: `"${e.id}" is the address of a programme page (/programme/${e.id}); choose another event id` });
    }

    if (!clusterById.has(e.cluster)) {
      problems.push({ file, path: at('cluster'), message: `"${e.cluster}" is not a cluster in clusters.json${hint(e.cluster, clusterIds)}` });
    }
    if (e.moderator && !speakerById.has(e.moderator)) {
      problems.push({ file, path: at('moderator'), message: `"${e.moderator}" is not a speaker in speakers.json${hint(e.moderator, speakerIds)}` });
    }
    const listed = new Set<string>();
    e.speakers.forEach((s, k) => {
      if (!speakerById.has(s)) {
        problems.push({ file, path: at('speakers', k), message: `"${s}" is not a speaker in speakers.json${hint(s, speakerIds)}` });
      } else if (listed.has(s)) {
        problems.push({ file, path: at('speakers', k), message: `"${s}" is listed twice` });
      } else if (s === e.moderator) {
        problems.push({ file, path: at('speakers', k), message: `"${s}" is the moderator already; list a person once` });
      }
      listed.add(s);
    });
    if (e.duration > MAX_MINUTES && !e.long) {
      problems.push({
        file,
        path: at('duration'),
        message: `${e.duration} minutes is longer than the ${MAX_MINUTES} an event may last; shorten it or mark it "long": true`,
      });
    } else if (e.duration > MAX_LONG_MINUTES) {
      problems.push({ file, path: at('duration'), message: `${e.duration} minutes is longer than ${MAX_LONG_MINUTES}, even for a long event` });
    }
  }
  problems.push(...roomClashes(placed, clusterById), ...personClashes(placed));

  const located = locateProblems(problems, sources) as ProgrammeProblem[];
  if (located.some(isBlocking) || !meta) return { programme: null, problems: located };
  const events = placed
    .slice()
    .sort((a, b) => a.start - b.start || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0))
    .map((p) => p.event);
  return {
    programme: { meta, clusters: clusters.map((c) => c.c), speakers: speakers.map((s) => s.s), events },
    problems: located,
  };
}
