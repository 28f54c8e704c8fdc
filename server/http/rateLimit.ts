// Fixed-window counters per key (an IP, or IP + e-mail): at most `limit` hits per window, used
// for password changes and visitors' lead forms; in memory, since one process serves the fair
// (a shared store such as Redis replaces it when the server scales out). Also the key a client
// address is limited under (addressKey).
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

/**
 * The key a client address is limited under: IPv4 as is (also when IPv4-mapped), IPv6 by its
 * /64 prefix, since one subscriber is usually given a whole /64 and could rotate through it.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return '?';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
