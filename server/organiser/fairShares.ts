// "Visitors now" across processes: each process's FairCounters count only its own floor rooms,
// so with REDIS_URL every process writes its share (per floor and total) into one presence
// hash, a field per process, stamped (presence/expiringHash.ts), and the console sums the
// fresh shares: a killed process drops out within SHARE_TTL_MS. Without Redis the presence is
// local and the only share is this process's own, read live (never a write behind).
import { randomUUID } from 'node:crypto';
import type { Presence } from '@colyseus/core';
import { readFresh, writeStamped } from '../presence/expiringHash.ts';

export const SHARE_WRITE_MS = 2000;
export const SHARE_TTL_MS = 8000;
const KEY = 'fair-now';

export interface VisitorsNow {
  floors: Record<string, number>;
  total: number;
}

interface Share extends VisitorsNow {
  pid: string;
}

export class FairShares {
  private readonly pid = randomUUID();
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly presence: Presence,
    /** This process's own count, live. */
    private readonly own: () => VisitorsNow,
    opts: { writeMs?: number; log?: (line: string) => void } = {},
  ) {
    const every = opts.writeMs ?? SHARE_WRITE_MS;
    if (every > 0) {
      this.timer = setInterval(() => void this.write().catch((e: unknown) => opts.log?.(`[organiser] visitors-now share not written: ${String(e)}`)), every);
      this.timer.unref();
    }
  }

  /** Writes this process's share now (the timer does it every SHARE_WRITE_MS). */
  write(): Promise<void> {
    const share: Share = { pid: this.pid, ...this.own() };
    return writeStamped(this.presence, KEY, this.pid, share);
  }

  /** This process's live count plus the other processes' fresh shares. */
  async visitorsNow(): Promise<VisitorsNow> {
    const mine = this.own();
    const floors = { ...mine.floors };
    let total = mine.total;
    for (const s of await readFresh<Share>(this.presence, KEY, SHARE_TTL_MS)) {
      if (s.pid === this.pid || typeof s.total !== 'number' || !s.floors || typeof s.floors !== 'object') continue;
      total += s.total;
      for (const [floor, n] of Object.entries(s.floors)) if (typeof n === 'number') floors[floor] = (floors[floor] ?? 0) + n;
    }
    return { floors, total };
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.presence.hdel(KEY, this.pid).catch(() => {});
  }
}
