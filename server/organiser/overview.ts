// The fair at a glance, assembled from the counters (server/organiser/fairCounters.ts): no
// visitor is scanned. Visitors now and event viewers come from `live`: summed across processes
// (fairShares.ts, eventRooms.ts) when the fair runs on several. The one list read from the chat store, unanswered questions, costs a
// query per stand with messages and is cached for a few seconds.
import type { EventDuty, FairOverview } from '../../shared/organiser.ts';
import type { Storage } from '../storage/storage.ts';
import type { FairCounters } from './fairCounters.ts';
import type { VisitorsNow } from './fairShares.ts';

export interface LiveCounts {
  visitorsNow(): Promise<VisitorsNow>;
  /** Event id → distinct visitors on its page now. */
  eventViewers(): Promise<Record<string, number>>;
  /** Moderators on duty and questions waiting, per event with an open Q&A room. */
  eventDuty(): Promise<EventDuty[]>;
}

const UNANSWERED_CACHE_MS = 15_000;
const TOP = 10;

export class OverviewService {
  private unansweredCache: { at: number; minutes: number; list: FairOverview['unanswered'] } | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly counters: FairCounters,
    private readonly live: LiveCounts,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Threads whose newest message is a visitor's, older than `minutes`: per stand. */
  private async unanswered(minutes: number): Promise<FairOverview['unanswered']> {
    const now = this.now();
    const c = this.unansweredCache;
    if (c && c.minutes === minutes && now - c.at < UNANSWERED_CACHE_MS) return c.list;
    const cutoff = now - minutes * 60_000;
    const list: FairOverview['unanswered'] = [];
    for (const standId of await this.storage.chatStandIds()) {
      const heads = await this.storage.chatThreadHeads(standId);
      const count = heads.filter((h) => h.last.author.kind === 'visitor' && !h.last.deleted && h.last.at < cutoff).length;
      if (count > 0) list.push({ standId, count });
    }
    list.sort((a, b) => b.count - a.count || a.standId.localeCompare(b.standId));
    this.unansweredCache = { at: now, minutes, list };
    return list;
  }

  async overview(unansweredMinutes: number): Promise<FairOverview> {
    const { days, stands, mailFailures, moderationToday } = await this.counters.days();
    const [now, eventViewersNow, duty] = await Promise.all([this.live.visitorsNow(), this.live.eventViewers(), this.live.eventDuty()]);
    const topStands = [...stands.entries()]
      .map(([exhibitorId, s]) => ({ exhibitorId, ...s }))
      .sort((a, b) => b.visits - a.visits || b.leads - a.leads || a.exhibitorId.localeCompare(b.exhibitorId))
      .slice(0, TOP);
    // Organisers read company names, not ids (a handful of lookups: only the top ones).
    const named = await Promise.all(topStands.map(async (s) => ({ ...s, name: (await this.storage.getExhibitor(s.exhibitorId))?.name ?? s.exhibitorId })));
    return {
      at: new Date(this.now()).toISOString(),
      visitorsNow: now.floors,
      totalNow: now.total,
      eventViewersNow,
      days,
      topStands: named,
      unanswered: await this.unanswered(unansweredMinutes),
      unansweredMinutes,
      mailFailures,
      moderation: { events: duty, today: moderationToday },
    };
  }
}
