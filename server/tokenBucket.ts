// Per-client token bucket: a steady allowance with a short burst. Floor rooms drop messages
// over it (and disconnect a client far over it: flooding); stand chats tell the sender how
// long to wait instead.

export class TokenBucket {
  private tokens: number;
  private last: number;
  /** Messages refused since the bucket was last full. */
  refused = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  take(now: number): boolean {
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      if (this.tokens >= this.burst - 1) this.refused = 0;
      return true;
    }
    this.refused++;
    return false;
  }

  /** 0 when a message may go now (and takes its token); else milliseconds until it may. */
  wait(now: number): number {
    if (this.take(now)) return 0;
    return Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }

  /** Full again: nothing to remember about this client. */
  idle(now: number): boolean {
    return this.tokens + ((now - this.last) / 1000) * this.perSecond >= this.burst;
  }
}
