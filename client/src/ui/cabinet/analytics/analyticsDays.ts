// The days the chart shows: a gap-free run of UTC days (days without visitors count as zero),
// at least two weeks so a young stand's chart is not one fat bar, at most the last 60 days.
import type { DayStats } from '../../../../../shared/analytics.ts';

export const METRICS = ['visits', 'uniqueVisitors', 'videoPlays', 'downloads', 'leads'] as const;
export type Metric = (typeof METRICS)[number];

const DAY_MS = 24 * 3600_000;
const MIN_DAYS = 14;
const MAX_DAYS = 60;

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string): number => Date.parse(`${day}T00:00:00Z`);

export function chartDays(days: readonly DayStats[], now: number): DayStats[] {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const known = days.map((d) => msOf(d.day)).filter((ms) => !Number.isNaN(ms));
  const end = Math.max(msOf(dayOf(now)), ...known);
  const first = known.length > 0 ? Math.min(...known) : end;
  const start = Math.max(Math.min(first, end - (MIN_DAYS - 1) * DAY_MS), end - (MAX_DAYS - 1) * DAY_MS);
  const out: DayStats[] = [];
  for (let ms = start; ms <= end; ms += DAY_MS) {
    const day = dayOf(ms);
    out.push(byDay.get(day) ?? { day, visits: 0, uniqueVisitors: 0, videoPlays: 0, downloads: 0, leads: 0 });
  }
  return out;
}

/** A round top for the y axis: 1, 2, 5, 10, 20, 50... at or above the largest value. */
export function niceMax(max: number): number {
  if (max <= 4) return Math.max(1, Math.ceil(max));
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}
