// `npm run programme:sample`: writes the sample business programme — programme/*.json,
// programme/events/<stage>-<day>.json and assets/programme/speakers/<id>.svg — from a fixed
// seed with the project's one generator (shared/random.ts), so rerunning gives identical
// files. Fictional but realistic for an education fair: 20 clusters, the main fair (4 days,
// up to 7 events per cluster a day) and the continuation (9 days, fewer events, more
// discussion), a moderator and 3–4 speakers per event, ~1 000 speakers with portraits.
// Dates hang off FAIR_START; the fair clock (FAIR_CLOCK_START) moves "now" into the fair.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../server/config.ts';
import { CLUSTERS_FILE, EVENTS_DIR, PROGRAMME_FILE, SPEAKERS_FILE } from '../shared/programme/files.ts';
import type { Cluster, Format, MediaSource, ProgrammeEvent, ProgrammeMeta, Speaker, Stage } from '../shared/programme/schema.ts';
import { PROGRAMME_VERSION } from '../shared/programme/schema.ts';
import { formatProblem } from '../shared/level/validate.ts';
import { isoAtOffset } from '../shared/programme/time.ts';
import { validateProgramme } from '../shared/programme/validate.ts';
import { formatProgrammeJson } from './programme-format.ts';
import {
  BIO_SENTENCES, CITIES, CLUSTERS, type ClusterSeed, FEMALE_FIRST, FORMAT_TITLES, MALE_FIRST, ORGANISATIONS, POSITIONS,
  SURNAMES_OV, SURNAMES_SAME, SURNAMES_SKY,
} from './programme-sample-data.ts';
import { portraitSvg } from './programme-sample-portraits.ts';
import { chance, int, mulberry32, pick, shuffle, weighted, type Rng } from './sample/random.ts';
import { slugify } from './sample/translit.ts';

const SEED = 20260414;
/** First day of the main fair, in the fair's time zone (Moscow, +03:00). */
export const FAIR_START = '2026-04-14';
const OFFSET_MIN = 180;
const MAIN_DAYS = 4;
const CONTINUATION_DAYS = 9;
const MIN = 60_000;
/** A demo instant: day 2 of the fair at 12:10, when every kind of state is on the schedule. */
export const DEMO_CLOCK_START = `${FAIR_START.slice(0, 8)}15T12:10:00+03:00`;

const PROGRAMME_DIR = path.join(ROOT, 'programme');
const PORTRAIT_DIR = path.join(ROOT, 'assets', 'programme', 'speakers');
const VIDEOS = ['campus-tour', 'college-workshops', 'kindergarten', 'platform-demo', 'robotics-kit', 'teacher-support'];

const rng: Rng = mulberry32(SEED);
const dayMs = (stageDay: number) => Date.parse(`${FAIR_START}T00:00:00Z`) - OFFSET_MIN * MIN + stageDay * 86_400_000;
const at = (day: number, minutes: number) => isoAtOffset(dayMs(day) + minutes * MIN, OFFSET_MIN);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---- Speakers, made as events need them; a reused speaker is never in two events at once.
const TRANSLIT_CAP = (s: string) => s.split(/([ -])/).map((w) => cap(slugify(w).replace(/-/g, ''))).join('');
const speakers: Speaker[] = [];
const portraits = new Map<string, string>();
const busy = new Map<string, [number, number][]>();
const usedIds = new Set<string>();

function newSpeaker(): Speaker {
  for (;;) {
    const female = chance(rng, 0.55);
    const first = pick(rng, female ? FEMALE_FIRST : MALE_FIRST);
    const kind = weighted(rng, [['ov', 8], ['sky', 2], ['same', 1]] as const);
    const base = kind === 'ov' ? pick(rng, SURNAMES_OV) : kind === 'sky' ? pick(rng, SURNAMES_SKY) : pick(rng, SURNAMES_SAME);
    const surname = !female ? base : kind === 'ov' ? `${base}а` : kind === 'sky' ? `${base.slice(0, -2)}ая` : base;
    let id = slugify(`${surname} ${first}`);
    if (usedIds.has(id)) id = `${id}-${usedIds.size % 97}`;
    if (usedIds.has(id)) continue;
    usedIds.add(id);
    const [posRu] = pick(rng, POSITIONS);
    const org = pick(rng, ORGANISATIONS).replace('{n}', String(int(rng, 2, 1800))).replace('{city}', pick(rng, CITIES));
    const bio = shuffle(rng, BIO_SENTENCES).slice(0, 2).join(' ').replace('{y}', String(int(rng, 5, 30)));
    const s: Speaker = {
      id,
      name: { ru: `${first} ${surname}`, en: `${TRANSLIT_CAP(first)} ${TRANSLIT_CAP(surname)}` },
      photo: `programme/speakers/${id}.svg`,
      affiliation: { ru: `${cap(posRu)}, ${org}` },
      bio: { ru: bio },
    };
    portraits.set(id, portraitSvg(rng, female));
    speakers.push(s);
    return s;
  }
}

function freeAt(id: string, start: number, end: number): boolean {
  return !(busy.get(id) ?? []).some(([a, b]) => start < b && a < end);
}

function people(count: number, start: number, end: number, reuse: number): string[] {
  const out: string[] = [];
  while (out.length < count) {
    let id: string | null = null;
    if (speakers.length > 20 && chance(rng, reuse)) {
      const s = pick(rng, speakers);
      if (!out.includes(s.id) && freeAt(s.id, start, end)) id = s.id;
    }
    id ??= newSpeaker().id;
    out.push(id);
    let list = busy.get(id);
    if (!list) busy.set(id, (list = []));
    list.push([start, end]);
  }
  return out;
}

// ---- Events.
const titles = new Set<string>();
const topicCursor = new Map<string, string[]>();

function titleFor(c: ClusterSeed, format: Format): { title: string; topic: string } {
  for (let tries = 0; ; tries++) {
    let queue = topicCursor.get(c.id);
    if (!queue || queue.length === 0) topicCursor.set(c.id, (queue = shuffle(rng, c.topics)));
    const topic = queue.shift()!;
    const template = pick(rng, FORMAT_TITLES[format] ?? FORMAT_TITLES.lecture!);
    const title = template.replace('{t}', topic).replace('{T}', cap(topic));
    if (!titles.has(title) || tries > 20) {
      titles.add(title);
      return { title, topic };
    }
  }
}

function sourceFor(stage: Stage, ci: number, n: number): MediaSource {
  if (stage === 'main') return n % 5 === 4 ? { kind: 'hls', url: `https://stream.example.org/live/${CLUSTERS[ci]!.id}.m3u8` } : { kind: 'stage', stage: `hall-${(ci % 6) + 1}` };
  return n % 3 === 0 ? { kind: 'embed', url: `https://video.example.org/embed/${CLUSTERS[ci]!.id}` } : { kind: 'stage', stage: 'studio' };
}

const events: { stage: Stage; day: number; event: ProgrammeEvent }[] = [];

function addEvent(stage: Stage, day: number, ci: number, k: number, startMin: number, duration: number, format: Format, long = false) {
  const c = CLUSTERS[ci]!;
  const stageDay = stage === 'main' ? day : MAIN_DAYS + day;
  const start = dayMs(stageDay) + startMin * MIN;
  const end = start + duration * MIN;
  const { title, topic } = titleFor(c, format);
  const count = stage === 'main' ? int(rng, 3, 4) : int(rng, 2, 4);
  const [moderator, ...rest] = people(count + 1, start, end + 15 * MIN, stage === 'main' ? 0.025 : 0.15);
  const international = c.id === 'international';
  const event: ProgrammeEvent = {
    id: `${stage === 'main' ? 'main' : 'cont'}-d${day + 1}-${c.id}-${k}`,
    title: { ru: title },
    description: {
      ru: `${cap(topic)}: эксперты кластера «${c.ru}» делятся опытом, разбирают практические случаи и отвечают на вопросы зрителей.`,
    },
    start: at(stageDay, startMin),
    duration,
    ...(long ? { long: true } : {}),
    format,
    language: international && chance(rng, 0.4) ? 'en' : chance(rng, 0.03) ? 'en' : 'ru',
    cluster: c.id,
    stage,
    tags: shuffle(rng, c.tags).slice(0, int(rng, 1, 2)),
    moderator: moderator!,
    speakers: rest,
    source: sourceFor(stage, ci, k),
    ...(chance(rng, 0.9) ? { recording: { media: { kind: 'file' as const, url: `video/${pick(rng, VIDEOS)}.webm` }, delayMinutes: pick(rng, [0, 10, 30]) } } : {}),
  };
  events.push({ stage, day, event });
}

const MAIN_FORMATS = [['lecture', 4], ['panel', 3], ['discussion', 2], ['workshop', 2], ['masterclass', 1], ['interview', 1], ['presentation', 1], ['roundtable', 1]] as const;
const CONT_FORMATS = [['discussion', 4], ['roundtable', 3], ['interview', 2], ['panel', 2], ['workshop', 1], ['lecture', 1]] as const;

// Main fair: each cluster's events follow each other in its room, 10:00–19:00.
for (let day = 0; day < MAIN_DAYS; day++) {
  CLUSTERS.forEach((_, ci) => {
    // Most clusters hold 1–3 events a day; a few busy days reach the limit of 7.
    const wanted = (ci + day) % 9 === 0 ? 7 : weighted(rng, [[1, 3], [2, 4], [3, 3], [4, 1]] as const);
    let t = 10 * 60 + pick(rng, [0, 0, 30, 60, 90, 120]);
    for (let k = 1; k <= wanted; k++) {
      const plenary = ci === CLUSTERS.findIndex((c) => c.id === 'educational-management') && k === 1;
      const duration = plenary ? 90 : weighted(rng, [[30, 2], [45, 4], [60, 3]] as const);
      if (t + duration > 19 * 60) break;
      addEvent('main', day, ci, k, t, duration, plenary ? 'keynote' : weighted(rng, MAIN_FORMATS), plenary);
      t += duration + (wanted >= 6 ? 15 : pick(rng, [15, 15, 30, 45]));
    }
  });
}
// Continuation: a few discussions a day in some clusters, 11:00–17:00.
for (let day = 0; day < CONTINUATION_DAYS; day++) {
  const todays = shuffle(rng, CLUSTERS.map((_, i) => i)).slice(0, int(rng, 4, 6));
  for (const ci of todays) {
    const n = chance(rng, 0.3) ? 2 : 1;
    let t = 11 * 60 + pick(rng, [0, 60, 120, 180]);
    for (let k = 1; k <= n; k++) {
      const duration = weighted(rng, [[45, 2], [60, 3]] as const);
      addEvent('continuation', day, ci, k, t, duration, weighted(rng, CONT_FORMATS));
      t += duration + 60;
    }
  }
}

// ---- Files.
const meta: ProgrammeMeta = {
  $schema: './schema/programme.schema.json',
  version: PROGRAMME_VERSION,
  title: { ru: 'Деловая программа выставки «Образование-2026»', en: 'Business programme of the Education 2026 fair' },
  timeZone: 'Europe/Moscow',
  acronym: 'expo_2026',
  url: 'https://expo.example.org/',
  // Day 2 of the main fair, midday: the server moves the sample so that this is "now".
  sampleAsOf: '2026-04-15T12:10:00+03:00',
};
const clusters: Cluster[] = CLUSTERS.map((c) => ({
  id: c.id,
  title: { ru: c.ru, en: c.en },
  colour: c.colour,
  ...(c.special ? { special: true } : {}),
}));

const files = new Map<string, unknown>();
files.set(PROGRAMME_FILE, meta);
files.set(CLUSTERS_FILE, { $schema: './schema/clusters.schema.json', clusters });
files.set(SPEAKERS_FILE, { $schema: './schema/speakers.schema.json', speakers });
const byFile = new Map<string, ProgrammeEvent[]>();
for (const { stage, day, event } of events) {
  const name = `${EVENTS_DIR}/${stage}-${day + 1}.json`;
  let list = byFile.get(name);
  if (!list) byFile.set(name, (list = []));
  list.push(event);
}
for (const [name, list] of [...byFile].sort()) {
  list.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : 1));
  files.set(name, { $schema: '../schema/events.schema.json', events: list });
}

// The same checks as the server: a sample that fails them is a bug in this script.
const check = validateProgramme(
  [...files].map(([file, data]) => ({
    file: `programme/${file}`,
    kind: file === PROGRAMME_FILE ? 'meta' : file === CLUSTERS_FILE ? 'clusters' : file === SPEAKERS_FILE ? 'speakers' : 'events',
    data,
  })),
);
if (check.problems.length > 0) {
  for (const p of check.problems.slice(0, 20)) console.error(formatProblem(p));
  throw new Error(`the generated programme has ${check.problems.length} problems`);
}

mkdirSync(path.join(PROGRAMME_DIR, EVENTS_DIR), { recursive: true });
mkdirSync(PORTRAIT_DIR, { recursive: true });
for (const name of readdirSync(path.join(PROGRAMME_DIR, EVENTS_DIR))) {
  if (!files.has(`${EVENTS_DIR}/${name}`)) rmSync(path.join(PROGRAMME_DIR, EVENTS_DIR, name));
}
for (const [file, data] of files) writeFileSync(path.join(PROGRAMME_DIR, file), formatProgrammeJson(data));
for (const name of readdirSync(PORTRAIT_DIR)) if (!portraits.has(name.replace(/\.svg$/, ''))) rmSync(path.join(PORTRAIT_DIR, name));
for (const [id, svg] of portraits) writeFileSync(path.join(PORTRAIT_DIR, `${id}.svg`), svg);

const main = events.filter((e) => e.stage === 'main').length;
console.log(
  `programme/: ${events.length} events (${main} main, ${events.length - main} continuation), ${clusters.length} clusters, ` +
    `${speakers.length} speakers with portraits; demo clock: FAIR_CLOCK_START=${DEMO_CLOCK_START}`,
);
