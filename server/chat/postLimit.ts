// How often one person may post in a stand chat: a token bucket per visitor (all their
// tabs together) or staff account, which says how long to wait instead of just refusing.

export class PostLimit {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** 0 when a message may go now (and takes its token); else milliseconds until it may. */
  take(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }

  /** Full again: nothing to remember about this person. */
  idle(now: number): boolean {
    return this.tokens + ((now - this.last) / 1000) * this.perSecond >= this.burst;
  }
}

/** Visitors: a burst of 5, then one message every 3 seconds. */
export const VISITOR_POSTS = { perSecond: 1 / 3, burst: 5 };
/** Staff answer many people at once: a burst of 20, then two a second. */
export const STAFF_POSTS = { perSecond: 2, burst: 20 };
