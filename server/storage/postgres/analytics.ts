// Stand analytics in PostgreSQL: a row of counters per exhibitor and day, and the day's visitor
// keys beside it. Counting is one statement (a key joins the day once, the counter goes up),
// so it is atomic without a transaction and concurrent counts from several processes add up.
import type { DayRecord, StandCounter } from '../../../shared/analytics.ts';
import type { AnalyticsStore } from '../storage.ts';
import { type Db, noNul } from './db.ts';

/** Counter → column; the only names put into SQL, from this fixed list. */
const COLUMN: Record<StandCounter, string> = { visits: 'visits', videoPlays: 'video_plays', downloads: 'downloads', leads: 'leads' };

interface DayRow {
  day: string;
  visits: number;
  video_plays: number;
  downloads: number;
  leads: number;
  visitors: string[];
}

export function pgAnalytics(db: Db): AnalyticsStore {
  return {
    async countStandEvent(exhibitorId, day, counter, visitorKey) {
      if (!Object.hasOwn(COLUMN, counter)) throw new Error(`unknown counter "${counter}"`);
      const column = COLUMN[counter];
      await db.query(
        `WITH seen AS (
           INSERT INTO stand_day_visitors (exhibitor_id, day, visitor_key)
           SELECT $1, $2, $3 WHERE $3::text IS NOT NULL
           ON CONFLICT DO NOTHING
         )
         INSERT INTO stand_days (exhibitor_id, day, ${column}) VALUES ($1, $2, 1)
         ON CONFLICT (exhibitor_id, day) DO UPDATE SET ${column} = stand_days.${column} + 1`,
        [noNul(exhibitorId), noNul(day), noNul(visitorKey) ?? null],
      );
    },
    async standDays(exhibitorId) {
      const { rows } = await db.query<DayRow>(
        `SELECT d.day, d.visits, d.video_plays, d.downloads, d.leads,
                coalesce((SELECT array_agg(v.visitor_key ORDER BY v.seq) FROM stand_day_visitors v
                          WHERE v.exhibitor_id = d.exhibitor_id AND v.day = d.day), '{}') AS visitors
         FROM stand_days d WHERE d.exhibitor_id = $1`,
        [exhibitorId],
      );
      const out: Record<string, DayRecord> = {};
      for (const r of rows) {
        // Days come from the store; a computed key defines an own property even for "__proto__".
        Object.defineProperty(out, r.day, {
          value: { visits: r.visits, videoPlays: r.video_plays, downloads: r.downloads, leads: r.leads, visitors: r.visitors },
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    },
  };
}
