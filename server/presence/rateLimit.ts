// Per-client token bucket: a steady allowance with a short burst. A client far over its
// allowance is flooding and is disconnected; a little over just has messages dropped.

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

  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      if (this.tokens >= this.burst - 1) this.refused = 0;
      return true;
    }
    this.refused++;
    return false;
  }
}
