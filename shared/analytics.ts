// Stand analytics: what visitors do at a stand, counted per exhibitor and day.
import { z } from 'zod';

export const StandEventKind = z.enum(['visit', 'video', 'download']);
export type StandEventKind = z.infer<typeof StandEventKind>;

/** A visitor's anonymous, browser-remembered id; counts unique visitors, nothing more. */
export const VisitorId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const StandEvent = z.strictObject({
  kind: StandEventKind,
  visitorId: VisitorId,
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
