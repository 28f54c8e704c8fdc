// Stand analytics in analytics.json: per exhibitor and UTC day, counters and the keys of the
// visitors seen that day. What is counted and how keys are made is server/services/analytics.ts.
import { z } from 'zod';
import { DayRecord, emptyDay } from '../../../shared/analytics.ts';
import type { AnalyticsStore } from '../storage.ts';
import type { LowdbContext } from './context.ts';
import { openJsonDoc } from './jsonFile.ts';
import { own, withKey } from './own.ts';

export const AnalyticsFile = z.object({
  schema: z.literal(1),
  /** exhibitorId → "YYYY-MM-DD" → counters. */
  days: z.record(z.string(), z.record(z.string(), DayRecord)),
});
type AnalyticsFile = z.infer<typeof AnalyticsFile>;

export async function openAnalytics(file: string, ctx: LowdbContext): Promise<AnalyticsStore> {
  const db = await openJsonDoc<AnalyticsFile>(file, { schema: AnalyticsFile, empty: { schema: 1, days: {} }, disk: ctx.disk });

  return {
    async countStandEvent(exhibitorId, day, counter, visitorKey) {
      await db.update((cur) => {
        const days = own(cur.days, exhibitorId) ?? {};
        const d = own(days, day) ?? emptyDay();
        const next: DayRecord = {
          ...d,
          [counter]: d[counter] + 1,
          visitors: visitorKey === undefined || d.visitors.includes(visitorKey) ? d.visitors : [...d.visitors, visitorKey],
        };
        return { ...cur, days: withKey(cur.days, exhibitorId, withKey(days, day, next)) };
      });
    },
    async standDays(exhibitorId) {
      return structuredClone(own(db.data.days, exhibitorId) ?? {});
    },
  };
}
