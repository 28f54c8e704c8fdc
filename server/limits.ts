// Where rate limiters come from: in memory per process by default; the composition root
// (backends.ts) decides, and with REDIS_URL a shared store (server/redis/redisLimits.ts)
// counts for every process, so a visitor's allowance is the same whichever process answers.
import { WindowLimiter } from './http/rateLimit.ts';

/** What callers use of a window limiter; a shared store answers asynchronously, so await both. */
export interface SharedWindowLimiter {
  /** Milliseconds until `key` may try again; 0 when it may now. */
  blockedFor(key: string): number | Promise<number>;
  /** Counts one hit; the window starts at the first hit. */
  hit(key: string): void | Promise<void>;
}

export interface Limits {
  /** At most `limit` hits per key in a window of `windowMs`; `name` keeps limiters apart in a shared store. */
  window(limit: number, windowMs: number, name: string): SharedWindowLimiter;
}

export const memoryLimits: Limits = {
  window: (limit, windowMs) => new WindowLimiter(limit, windowMs),
};
