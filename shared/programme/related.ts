// Stage two: what of the exhibitors' side belongs beside the programme. Programme events carry
// topics (their tags and their cluster's title); stands carry a category and the titles of
// their webinars and master classes. Neither side shares ids with the other, so the join is by
// words: every text is cut into crude Russian stems (endings dropped), and two topics meet when
// one stem is the other or begins it ("математика" / "математике", "школа" / "школьная").
// A webinar's own title weighs more than its stand's category, so a master class on
// "функциональная грамотность" ranks above every webinar of a school-category stand. Pure:
// the caller passes the events, the stands and the time.
import { CATEGORY_TITLES, type CategoryId } from '../categories.ts';
import type { Webinar } from '../standContent.ts';
import type { Cluster, ProgrammeEvent } from './schema.ts';
import { windowOf } from './time.ts';

/** Case endings cut off a word's end, longest first; a stem keeps at least MIN_STEM letters. */
const ENDINGS = [
  'иями', 'ями', 'ами', 'ости', 'ость', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ией', 'ние', 'ния', 'нию', 'нии',
  'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ый', 'ий', 'ой', 'ей', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ом', 'ем', 'ую', 'юю',
  'а', 'я', 'ы', 'и', 'е', 'у', 'ю', 'о', 'ь', 'й',
];
const MIN_STEM = 3;
/** A prefix match needs this many letters: shorter stems ("мир") only meet themselves. */
const MIN_PREFIX = 4;
/** Words every education topic has, which would join everything with everything. */
const STOP_WORDS = [
  'образование', 'обучение', 'для', 'как', 'что', 'при', 'без', 'это', 'или', 'над', 'под', 'про', 'через', 'всех',
  'новые', 'новое', 'наш', 'ваш', 'опыт', 'практика', 'практики', 'минут', 'начать', 'сами', 'свои', 'своими', 'руками',
];

/** One word's stem: lower case, "ё" as "е", the longest ending that leaves MIN_STEM letters dropped. */
export function stemOf(word: string): string {
  const w = word.toLowerCase().replaceAll('ё', 'е');
  for (const end of ENDINGS) if (w.length - end.length >= MIN_STEM && w.endsWith(end)) return w.slice(0, -end.length);
  return w;
}

const STOP = new Set(STOP_WORDS.map(stemOf));

/** The distinct stems of a text's words, in first-seen order; short and common words left out. */
export function topicsOfText(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < MIN_STEM || /^\d+$/.test(word)) continue;
    const s = stemOf(word);
    if (s.length >= MIN_STEM && !STOP.has(s) && !out.includes(s)) out.push(s);
  }
  return out;
}

/** Two stems name one topic: equal, or the shorter (of at least MIN_PREFIX letters) begins the longer. */
export function sameTopic(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_PREFIX && long.startsWith(short);
}

/** The stems of `want` that meet some stem of `have`. */
export function sharedTopics(want: readonly string[], have: readonly string[]): string[] {
  return want.filter((w) => have.some((h) => sameTopic(w, h)));
}

/** An event's topics: its tags and its cluster's (Russian) title. */
export function topicsOfEvent(event: Pick<ProgrammeEvent, 'tags'>, cluster?: Pick<Cluster, 'title'> | null): string[] {
  return topicsOfText([...event.tags, cluster?.title.ru ?? ''].join(' · '));
}

/** A stand as the join sees it: who, which category, which webinars, and (when placed) where. */
export interface StandSource {
  exhibitorId: string;
  name: string;
  category: CategoryId;
  webinars: readonly Webinar[];
  /** The first floor and stand the exhibitor stands on; absent when not on any floor. */
  place?: { floorId: string; standId: string };
}

export interface RelatedEvent {
  id: string;
  start: string;
  duration: number;
  topics: string[];
}

/** Events prepared once for many joins (their topics computed). */
export function prepareEvents(events: readonly ProgrammeEvent[], clusters: readonly Cluster[]): RelatedEvent[] {
  const byId = new Map(clusters.map((c) => [c.id, c]));
  return events.map((e) => ({ id: e.id, start: e.start, duration: e.duration, topics: topicsOfEvent(e, byId.get(e.cluster)) }));
}

/** One webinar with its stand, prepared for joins. */
export interface BesideSource {
  stand: StandSource;
  webinar: Webinar;
  titleTopics: string[];
  categoryTopics: string[];
}

export function prepareWebinars(stands: readonly StandSource[]): BesideSource[] {
  const categoryTopics = new Map<CategoryId, string[]>();
  const ofCategory = (c: CategoryId) => {
    let t = categoryTopics.get(c);
    if (!t) categoryTopics.set(c, (t = topicsOfText(CATEGORY_TITLES[c].ru)));
    return t;
  };
  return stands.flatMap((stand) =>
    stand.webinars.map((webinar) => ({ stand, webinar, titleTopics: topicsOfText(webinar.title), categoryTopics: ofCategory(stand.category) })),
  );
}

/** How well a webinar fits a list of topics: 2 per topic its title names, 1 per topic only its stand's category names. */
export function besideScore(topics: readonly string[], w: BesideSource): { score: number; topics: string[] } {
  const byTitle = sharedTopics(topics, w.titleTopics);
  const byCategory = sharedTopics(topics, w.categoryTopics).filter((t) => !byTitle.includes(t));
  return { score: 2 * byTitle.length + byCategory.length, topics: [...byTitle, ...byCategory] };
}

/** What the API sends for a webinar beside the programme. */
export interface BesideWebinar {
  exhibitorId: string;
  exhibitorName: string;
  place?: { floorId: string; standId: string };
  webinar: Webinar;
  /** The shared topics (stems), best first. */
  topics: string[];
  score: number;
}

function besideOf(w: BesideSource, match: { score: number; topics: string[] }): BesideWebinar {
  return {
    exhibitorId: w.stand.exhibitorId,
    exhibitorName: w.stand.name,
    ...(w.stand.place ? { place: w.stand.place } : {}),
    webinar: w.webinar,
    topics: match.topics,
    score: match.score,
  };
}

const webinarEnd = (w: Webinar) => Date.parse(w.start) + w.durationMin * 60_000;

/**
 * Order for a visitor at `now`: what can still be joined first (soonest first), then what is
 * over (a recording first, newest first); within that, the better fit first.
 */
function byTimeThenFit(now: number) {
  return (a: BesideWebinar, b: BesideWebinar): number => {
    const aOver = webinarEnd(a.webinar) <= now;
    const bOver = webinarEnd(b.webinar) <= now;
    if (aOver !== bOver) return aOver ? 1 : -1;
    if (aOver && Boolean(a.webinar.recording) !== Boolean(b.webinar.recording)) return a.webinar.recording ? -1 : 1;
    if (a.score !== b.score) return b.score - a.score;
    const dt = Date.parse(a.webinar.start) - Date.parse(b.webinar.start);
    if (dt !== 0) return aOver ? -dt : dt;
    return a.exhibitorId.localeCompare(b.exhibitorId) || a.webinar.id.localeCompare(b.webinar.id);
  };
}

/**
 * Webinars and master classes on the topics (an event's, a learning track's), at most `limit`,
 * those still ahead first, one per title. A webinar that only shares its stand's category
 * counts when nothing better fills the list.
 */
export function webinarsOnTopics(topics: readonly string[], webinars: readonly BesideSource[], now: number, limit: number): BesideWebinar[] {
  if (topics.length === 0) return [];
  const found: BesideWebinar[] = [];
  for (const w of webinars) {
    const m = besideScore(topics, w);
    if (m.score > 0) found.push(besideOf(w, m));
  }
  const strong = found.filter((f) => f.score >= 2);
  const pick = strong.length >= limit ? strong : found;
  // Many stands run the same master class; one of each title (the first in order) is enough.
  const titles = new Set<string>();
  return pick
    .sort(byTimeThenFit(now))
    .filter((f) => !titles.has(f.webinar.title) && Boolean(titles.add(f.webinar.title)))
    .slice(0, limit);
}

/**
 * For the schedule: every webinar whose own title shares a topic with some of `events`, with
 * those events. Only the title joins a webinar to single events: its stand's category alone
 * would tie every webinar of the stand to a whole cluster. Through an index of the events'
 * topics, so the cost grows with the matches, not with webinars × events.
 */
export function webinarsBeside(
  events: readonly RelatedEvent[],
  webinars: readonly BesideSource[],
  now: number,
): (BesideWebinar & { events: string[] })[] {
  const byStem = new Map<string, number[]>();
  events.forEach((e, i) => {
    for (const t of e.topics) {
      const at = byStem.get(t);
      if (at) at.push(i);
      else byStem.set(t, [i]);
    }
  });
  const stems = [...byStem.keys()];
  const meeting = new Map<string, string[]>();
  const meets = (t: string) => {
    let m = meeting.get(t);
    if (!m) meeting.set(t, (m = stems.filter((s) => sameTopic(s, t))));
    return m;
  };
  const out: (BesideWebinar & { events: string[] })[] = [];
  for (const w of webinars) {
    // Per event: which of its topics the title meets, and which only the category does.
    const byTitle = new Map<number, Set<string>>();
    for (const t of w.titleTopics) for (const s of meets(t)) for (const i of byStem.get(s)!) (byTitle.get(i) ?? byTitle.set(i, new Set()).get(i)!).add(s);
    if (byTitle.size === 0) continue;
    const byCategory = new Map<number, Set<string>>();
    for (const t of w.categoryTopics) for (const s of meets(t)) for (const i of byStem.get(s)!) if (byTitle.has(i)) (byCategory.get(i) ?? byCategory.set(i, new Set()).get(i)!).add(s);
    let best = { score: 0, topics: [] as string[] };
    const fits = [...byTitle.keys()].sort((a, b) => a - b);
    for (const i of fits) {
      const title = [...byTitle.get(i)!];
      const category = [...(byCategory.get(i) ?? [])].filter((s) => !byTitle.get(i)!.has(s));
      const score = 2 * title.length + category.length;
      if (score > best.score) best = { score, topics: [...title, ...category] };
    }
    out.push({ ...besideOf(w, best), events: fits.map((i) => events[i]!.id) });
  }
  return out.sort(byTimeThenFit(now));
}

export interface StandEvent {
  id: string;
  score: number;
  topics: string[];
}

/** A stand's topics: its category's title and its webinars' titles. */
export function topicsOfStand(stand: Pick<StandSource, 'category' | 'webinars'>): string[] {
  return topicsOfText([CATEGORY_TITLES[stand.category].ru, ...stand.webinars.map((w) => w.title)].join(' · '));
}

/**
 * Programme events on a stand's topics, at most `limit`: those not over at `now` first, the
 * better fit first (a topic few events share, like "чтение", counts more than one most share,
 * like "школа"), then by time (soonest first; the ended ones newest first).
 */
export function eventsForStand(stand: Pick<StandSource, 'category' | 'webinars'>, events: readonly RelatedEvent[], now: number, limit: number): StandEvent[] {
  const topics = topicsOfStand(stand);
  const matched = events.map((e) => ({ e, shared: sharedTopics(e.topics, topics) })).filter((m) => m.shared.length > 0);
  // How many events each stand topic reaches: the rarer, the more it says.
  const reach = new Map(topics.map((t) => [t, matched.filter((m) => m.e.topics.some((x) => sameTopic(x, t))).length]));
  const weight = (eventTopic: string) =>
    Math.max(...topics.filter((t) => sameTopic(t, eventTopic)).map((t) => Math.log((events.length + 1) / (reach.get(t) ?? 1))));
  const found = matched.map(({ e, shared }) => {
    const { start, end } = windowOf(e);
    return { id: e.id, score: shared.reduce((n, t) => n + weight(t), 0), topics: shared, start, over: end <= now };
  });
  found.sort((a, b) => {
    if (a.over !== b.over) return a.over ? 1 : -1;
    if (a.score !== b.score) return b.score - a.score;
    return (a.over ? b.start - a.start : a.start - b.start) || a.id.localeCompare(b.id);
  });
  return found.slice(0, limit).map(({ id, score, topics: t }) => ({ id, score, topics: t }));
}
