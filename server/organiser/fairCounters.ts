// The fair at a glance, counted as events arrive (issue 17): visitors now per floor, peak
// concurrency, unique visitors per day, visits and leads per stand, mail failures. Each event
// is a few Map/Set operations in memory; the day's increments go to storage in one write every
// few seconds (addFairCounts), so 250 000 visitors never mean 250 000 writes or a scan.
//
// Unique visitors: a day's set holds a 52-bit hash of each visitor id (a number, ~8 bytes in
// a Set instead of a 40-character string). It lives in memory: after a restart a visitor seen
// earlier that day counts again (documented in README). Visitors now are this process's rooms.
import { utcDay } from '../../shared/analytics.ts';
import { type FairDay, MODERATION_KINDS, type ModerationKind } from '../../shared/organiser.ts';
import type { OrganiserStore } from '../storage/organiserStore.ts';

/** FNV-1a in two 26-bit lanes: a 52-bit number, exact in a double; collisions ~1 in 10^10 at 250 000. */
export function visitorHash(id: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 6) * 0x4000000 + (b >>> 6);
}

function nextMidnight(ms: number): number {
  return (Math.floor(ms / 86_400_000) + 1) * 86_400_000;
}

export interface FairCountersOptions {
  store: Pick<OrganiserStore, 'addFairCounts' | 'fairDays'>;
  /** Milliseconds since the epoch (default Date.now). */
  now?: () => number;
  /** How often the increments are written (default 5 s; 0 = only on flush()). */
  flushMs?: number;
  log?: (line: string) => void;
}

export class FairCounters {
  private readonly floors = new Map<string, number>();
  private total = 0;
  private day: string;
  private seen = new Set<number>();
  /** Increments not written yet, for `day`. */
  private sums = new Map<string, number>();
  private peak = 0;
  /** The peak last written for `day`: an unchanged peak with no sums is not written again. */
  private writtenPeak = 0;
  private readonly timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  /** When the current UTC day ends (ms): checking the day costs one comparison per event. */
  private dayEndsAt = 0;

  constructor(private readonly opts: FairCountersOptions) {
    this.now = opts.now ?? (() => Date.now());
    this.day = utcDay(new Date(this.now()));
    this.dayEndsAt = nextMidnight(this.now());
    const every = opts.flushMs ?? 5000;
    if (every > 0) {
      this.timer = setInterval(() => void this.flush(), every);
      this.timer.unref();
    }
  }

  private add(key: string, n = 1): void {
    this.sums.set(key, (this.sums.get(key) ?? 0) + n);
  }

  /** A new UTC day starts with empty sets; what the old day had waits for its write. */
  private rollDay(): void {
    const now = this.now();
    if (now < this.dayEndsAt) return;
    void this.flush();
    this.day = utcDay(new Date(now));
    this.dayEndsAt = nextMidnight(now);
    this.seen = new Set();
    this.peak = this.total;
    this.writtenPeak = 0;
  }

  visitorJoined(floorId: string, visitorId: string): void {
    this.rollDay();
    this.floors.set(floorId, (this.floors.get(floorId) ?? 0) + 1);
    this.total++;
    if (this.total > this.peak) this.peak = this.total;
    const h = visitorHash(visitorId);
    if (!this.seen.has(h)) {
      this.seen.add(h);
      this.add('visitors');
    }
  }

  visitorLeft(floorId: string): void {
    const n = this.floors.get(floorId) ?? 0;
    if (n <= 1) this.floors.delete(floorId);
    else this.floors.set(floorId, n - 1);
    if (n > 0) this.total--;
  }

  standVisit(exhibitorId: string): void {
    this.rollDay();
    this.add('visits');
    this.add(`visits:${exhibitorId}`);
  }

  lead(exhibitorId: string): void {
    this.rollDay();
    this.add('leads');
    this.add(`leads:${exhibitorId}`);
  }

  /** A chat message or Q&A comment removed, a visitor muted: one increment of today's sum. */
  moderated(kind: ModerationKind): void {
    this.rollDay();
    this.add(kind);
  }

  mailFailed(): void {
    this.rollDay();
    this.add('mailFailures');
  }

  visitorsNow(): { floors: Record<string, number>; total: number } {
    return { floors: Object.fromEntries(this.floors), total: this.total };
  }

  /** Writes the increments so far (one write); concurrent calls queue behind each other. */
  flush(): Promise<void> {
    const day = this.day;
    const sums = Object.fromEntries(this.sums);
    const peak = this.peak;
    this.sums = new Map();
    const write = async () => {
      if (Object.keys(sums).length === 0 && peak <= this.writtenPeak) return;
      try {
        await this.opts.store.addFairCounts(day, sums, { concurrent: peak });
        this.writtenPeak = day === this.day ? peak : 0;
      } catch (e) {
        // Not lost: the increments go back and ride with the next write.
        for (const [k, n] of Object.entries(sums)) this.add(k, n);
        this.opts.log?.(`[organiser] fair counters not written: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    this.writing = this.writing.then(write);
    return this.writing;
  }

  /** The stored days plus what is not written yet. */
  async days(): Promise<{ days: FairDay[]; stands: Map<string, { visits: number; leads: number }>; mailFailures: number; moderationToday: Record<ModerationKind, number> }> {
    const stored = await this.opts.store.fairDays();
    const pending = Object.fromEntries(this.sums);
    const names = new Set([...Object.keys(stored), this.day]);
    const days: FairDay[] = [];
    const stands = new Map<string, { visits: number; leads: number }>();
    let mailFailures = 0;
    const moderationToday = Object.fromEntries(MODERATION_KINDS.map((k) => [k, 0])) as Record<ModerationKind, number>;
    for (const day of [...names].sort()) {
      const d = Object.hasOwn(stored, day) ? stored[day]! : { sums: {}, maxima: {} };
      const sums: Record<string, number> = { ...d.sums };
      if (day === this.day) for (const [k, n] of Object.entries(pending)) sums[k] = (sums[k] ?? 0) + n;
      const peak = Math.max(d.maxima.concurrent ?? 0, day === this.day ? this.peak : 0);
      days.push({ day, uniqueVisitors: sums.visitors ?? 0, peakConcurrent: peak, visits: sums.visits ?? 0, leads: sums.leads ?? 0 });
      mailFailures += sums.mailFailures ?? 0;
      if (day === this.day) for (const k of MODERATION_KINDS) moderationToday[k] = sums[k] ?? 0;
      for (const [k, n] of Object.entries(sums)) {
        const [kind, id] = k.split(':', 2) as [string, string | undefined];
        if (id === undefined || (kind !== 'visits' && kind !== 'leads')) continue;
        const s = stands.get(id) ?? { visits: 0, leads: 0 };
        s[kind] += n;
        stands.set(id, s);
      }
    }
    return { days, stands, mailFailures, moderationToday };
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}
