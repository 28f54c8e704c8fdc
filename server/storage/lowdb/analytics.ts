// Stand analytics in analytics.json: per exhibitor and UTC day, counters plus the set of
// visitors seen that day (as short salted hashes of their anonymous browser ids, enough to
// count uniques and nothing else). Reads fill every day from the first event to today.
import { createHash } from 'node:crypto';
import type { DayStats, StandAnalytics, StandEvent } from '../../../shared/analytics.ts';
import type { AnalyticsStore } from '../storage.ts';
import { openJsonFile } from './jsonFile.ts';

interface DayRecord {
  visits: number;
  videoPlays: number;
  downloads: number;
  leads: number;
  visitors: string[];
}

interface AnalyticsFile {
  schema: 1;
  /** exhibitorId → "YYYY-MM-DD" → counters. */
  days: Record<string, Record<string, DayRecord>>;
}

const DAY_MS = 86_400_000;

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function visitorKey(exhibitorId: string, visitorId: string): string {
  return createHash('sha256').update(`${exhibitorId}\n${visitorId}`).digest('base64url').slice(0, 16);
}

function emptyDay(): DayRecord {
  return { visits: 0, videoPlays: 0, downloads: 0, leads: 0, visitors: [] };
}

/** Every day from the first recorded one to `today` (inclusive), zeros where nothing happened. */
export function fillDays(exhibitorId: string, days: Record<string, DayRecord>, today: Date): StandAnalytics {
  const keys = Object.keys(days).sort();
  const out: DayStats[] = [];
  const unique = new Set<string>();
  const first = keys[0];
  if (first !== undefined) {
    const last = Math.max(Date.parse(utcDay(today)), Date.parse(keys[keys.length - 1]!));
    for (let t = Date.parse(first); t <= last; t += DAY_MS) {
      const day = utcDay(new Date(t));
      const d = days[day] ?? emptyDay();
      for (const v of d.visitors) unique.add(v);
      out.push({ day, visits: d.visits, uniqueVisitors: d.visitors.length, videoPlays: d.videoPlays, downloads: d.downloads, leads: d.leads });
    }
  }
  const sum = (k: 'visits' | 'videoPlays' | 'downloads' | 'leads') => out.reduce((n, d) => n + d[k], 0);
  return {
    exhibitorId,
    days: out,
    // Unique over the whole period: a visitor who came on two days counts once.
    totals: { visits: sum('visits'), uniqueVisitors: unique.size, videoPlays: sum('videoPlays'), downloads: sum('downloads'), leads: sum('leads') },
  };
}

export async function openAnalytics(file: string, now: () => Date = () => new Date()): Promise<AnalyticsStore> {
  const db = await openJsonFile<AnalyticsFile>(file, { schema: 1, days: {} });

  function dayOf(exhibitorId: string, at: Date): DayRecord {
    const ex = (db.data.days[exhibitorId] ??= {});
    return (ex[utcDay(at)] ??= emptyDay());
  }

  return {
    async recordEvent(exhibitorId, event: StandEvent, at) {
      await db.update(() => {
        const d = dayOf(exhibitorId, at);
        switch (event.kind) {
          case 'visit': {
            d.visits++;
            const key = visitorKey(exhibitorId, event.visitorId);
            if (!d.visitors.includes(key)) d.visitors.push(key);
            break;
          }
          case 'video':
            d.videoPlays++;
            break;
          case 'download':
            d.downloads++;
            break;
        }
      });
    },
    async recordLead(exhibitorId, at) {
      await db.update(() => {
        dayOf(exhibitorId, at).leads++;
      });
    },
    async analytics(exhibitorId) {
      return fillDays(exhibitorId, db.data.days[exhibitorId] ?? {}, now());
    },
  };
}
