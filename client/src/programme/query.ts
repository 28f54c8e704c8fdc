// The schedule's and the library's filters as a query string, so that every view has an
// address that survives reload and back/forward. Parsing forgives: an unknown or malformed
// value is dropped (the default applies), never an error page.
import { FORMATS, type Format, STAGES, type Stage } from '../../../shared/programme/schema.ts';

export const VIEWS = ['list', 'timeline'] as const;
export type ScheduleLayout = (typeof VIEWS)[number];
/** Times in the visitor's own zone (default) or in the fair's. */
export type ZoneChoice = 'local' | 'fair';

export interface ScheduleQuery {
  view: ScheduleLayout;
  /** "YYYY-MM-DD" in the shown zone, "all", or null: the day of "now" (or the nearest). */
  day: string | null;
  stage: Stage | null;
  cluster: string | null;
  format: Format | null;
  lang: string | null;
  tag: string | null;
  live: boolean;
  q: string;
  tz: ZoneChoice;
}

export const EMPTY_QUERY: ScheduleQuery = {
  view: 'list',
  day: null,
  stage: null,
  cluster: null,
  format: null,
  lang: null,
  tag: null,
  live: false,
  q: '',
  tz: 'local',
};

const DAY = /^(\d{4}-\d{2}-\d{2}|all)$/;
const ID = /^[a-z0-9][a-z0-9-]*$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const MAX_TEXT = 200;

function oneOf<T extends string>(values: readonly T[], v: string | null): T | null {
  return values.find((x) => x === v) ?? null;
}

export function parseScheduleQuery(search: string): ScheduleQuery {
  const p = new URLSearchParams(search);
  const get = (k: string) => p.get(k);
  const match = (k: string, re: RegExp) => {
    const v = get(k);
    return v !== null && re.test(v) ? v : null;
  };
  const tag = get('tag');
  return {
    view: oneOf(VIEWS, get('view')) ?? 'list',
    day: match('day', DAY),
    stage: oneOf(STAGES, get('stage')),
    cluster: match('cluster', ID),
    format: oneOf(FORMATS, get('format')),
    lang: match('lang', LANG),
    tag: tag && tag.length <= MAX_TEXT ? tag : null,
    live: get('live') === '1',
    q: (get('q') ?? '').slice(0, MAX_TEXT),
    tz: get('tz') === 'fair' ? 'fair' : 'local',
  };
}

/** "?view=timeline&day=…" with defaults left out and a fixed key order; "" when all default. */
export function scheduleSearch(q: ScheduleQuery): string {
  const p = new URLSearchParams();
  if (q.view !== 'list') p.set('view', q.view);
  if (q.day) p.set('day', q.day);
  if (q.stage) p.set('stage', q.stage);
  if (q.cluster) p.set('cluster', q.cluster);
  if (q.format) p.set('format', q.format);
  if (q.lang) p.set('lang', q.lang);
  if (q.tag) p.set('tag', q.tag);
  if (q.live) p.set('live', '1');
  if (q.q.trim()) p.set('q', q.q);
  if (q.tz !== 'local') p.set('tz', q.tz);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The library's filters: a search and a cluster. */
export interface LibraryQuery {
  q: string;
  cluster: string | null;
  tz: ZoneChoice;
}

export function parseLibraryQuery(search: string): LibraryQuery {
  const full = parseScheduleQuery(search);
  return { q: full.q, cluster: full.cluster, tz: full.tz };
}

export function librarySearch(q: LibraryQuery): string {
  return scheduleSearch({ ...EMPTY_QUERY, q: q.q, cluster: q.cluster, tz: q.tz });
}
