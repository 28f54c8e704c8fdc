// Stand analytics as the cabinet sees them: what an event counts for, how a visitor becomes an
// anonymous key (a short salted hash per exhibitor: enough to count uniques, useless to link a
// visitor across stands), and the table of days (shared/analytics.ts fillDays).
import { createHash } from 'node:crypto';
import { COUNTER_OF, type StandAnalytics, type StandEventKind, fillDays, utcDay } from '../../shared/analytics.ts';
import type { AnalyticsStore } from '../storage/storage.ts';

export function visitorKey(exhibitorId: string, visitorId: string): string {
  return createHash('sha256').update(`${exhibitorId}\n${visitorId}`).digest('base64url').slice(0, 16);
}

export class StandAnalyticsService {
  constructor(
    private readonly store: AnalyticsStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A visit counts its visitor among the day's uniques; plays and downloads only count. */
  record(exhibitorId: string, event: { kind: StandEventKind; visitorId?: string }, at: Date = this.now()): Promise<void> {
    const key = event.kind === 'visit' && event.visitorId !== undefined ? visitorKey(exhibitorId, event.visitorId) : undefined;
    return this.store.countStandEvent(exhibitorId, utcDay(at), COUNTER_OF[event.kind], key);
  }

  recordLead(exhibitorId: string, at: Date): Promise<void> {
    return this.store.countStandEvent(exhibitorId, utcDay(at), 'leads');
  }

  /** Every day from the stand's first event to today. */
  async of(exhibitorId: string): Promise<StandAnalytics> {
    return fillDays(exhibitorId, await this.store.standDays(exhibitorId), this.now());
  }
}
