// Fixed-window counters per key (an IP, or IP + e-mail): at most `limit` hits per window. Used
// for login failures and visitors' lead forms; in memory, since one process serves the fair
// (a shared store such as Redis replaces it when the server scales out).
import type { Response } from 'express';

interface Window {
  count: number;
  resetAt: number;
}

export class WindowLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  blockedFor(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) return 0;
    return w.count >= this.limit ? w.resetAt - now : 0;
  }

  /** Counts one hit; the window starts at the first hit. */
  hit(key: string, now = Date.now()): void {
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      this.sweep(now);
      this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
    } else {
      w.count++;
    }
  }

  clear(key: string): void {
    this.windows.delete(key);
  }

  /** Forgets finished windows once the map grows, so a flood of keys cannot grow it forever. */
  private sweep(now: number): void {
    if (this.windows.size < 10_000) return;
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }
}

/** Answers 429 with Retry-After (whole seconds) and a readable error. */
export function tooMany(res: Response, waitMs: number, what: string): void {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  res
    .status(429)
    .set('Retry-After', String(seconds))
    .json({ error: `too many ${what}; try again in ${seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`}` });
}
