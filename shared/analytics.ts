// Stand analytics: what visitors do at a stand, counted per exhibitor and day, and how the
// stored days become the cabinet's table (every day from the first event to today).
import { z } from 'zod';

export const StandEventKind = z.enum(['visit', 'video', 'download']);
export type StandEventKind = z.infer<typeof StandEventKind>;

/** A visitor's anonymous, browser-remembered id; counts unique visitors, nothing more. */
export const VisitorId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const StandEvent = z.strictObject({
  kind: StandEventKind,
  /**
   * Ignored: the server counts the signed visitor-id cookie. Still accepted so that pages
   * loaded before the change are not refused.
   */
  visitorId: VisitorId.optional(),
  standId: z.string().max(64).optional(),
  /** For downloads and plays: which material or video. */
  item: z.string().max(64).optional(),
});
export type StandEvent = z.infer<typeof StandEvent>;

export const DayStats = z.object({
  /** YYYY-MM-DD in UTC. */
  day: z.string(),
  visits: z.number().int(),
  uniqueVisitors: z.number().int(),
  videoPlays: z.number().int(),
  downloads: z.number().int(),
  leads: z.number().int(),
});
export type DayStats = z.infer<typeof DayStats>;

export const StandAnalytics = z.object({
  exhibitorId: z.string(),
  days: z.array(DayStats),
  totals: DayStats.omit({ day: true }),
});
export type StandAnalytics = z.infer<typeof StandAnalytics>;

/** A counter of a stand's day. */
export type StandCounter = 'visits' | 'videoPlays' | 'downloads' | 'leads';

export const COUNTER_OF: Record<StandEventKind, StandCounter> = { visit: 'visits', video: 'videoPlays', download: 'downloads' };

/** One stored day of a stand: counters and the (hashed) visitors seen that day. */
export const DayRecord = z.object({
  visits: z.number().int(),
  videoPlays: z.number().int(),
  downloads: z.number().int(),
  leads: z.number().int(),
  visitors: z.array(z.string()),
});
export type DayRecord = z.infer<typeof DayRecord>;

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" in UTC. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function emptyDay(): DayRecord {
  return { visits: 0, videoPlays: 0, downloads: 0, leads: 0, visitors: [] };
}

/** Every day from the first recorded one to `today` (inclusive), zeros where nothing happened. */
export function fillDays(exhibitorId: string, days: Readonly<Record<string, DayRecord>>, today: Date): StandAnalytics {
  const keys = Object.keys(days).sort();
  const out: DayStats[] = [];
  const unique = new Set<string>();
  const first = keys[0];
  if (first !== undefined) {
    const last = Math.max(Date.parse(utcDay(today)), Date.parse(keys[keys.length - 1]!));
    for (let t = Date.parse(first); t <= last; t += DAY_MS) {
      const day = utcDay(new Date(t));
      const d = (Object.hasOwn(days, day) ? days[day] : undefined) ?? emptyDay();
      for (const v of d.visitors) unique.add(v);
      out.push({ day, visits: d.visits, uniqueVisitors: d.visitors.length, videoPlays: d.videoPlays, downloads: d.downloads, leads: d.leads });
    }
  }
  const sum = (k: StandCounter) => out.reduce((n, d) => n + d[k], 0);
  return {
    exhibitorId,
    days: out,
    // Unique over the whole period: a visitor who came on two days counts once.
    totals: { visits: sum('visits'), uniqueVisitors: unique.size, videoPlays: sum('videoPlays'), downloads: sum('downloads'), leads: sum('leads') },
  };
}
