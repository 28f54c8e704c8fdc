// Where rate limiters come from: in memory per process by default; the composition root
// (backends.ts) decides, so a shared store (Redis) can replace them when the fair scales out.
import { WindowLimiter } from './http/rateLimit.ts';

export interface Limits {
  /** At most `limit` hits per key in a window of `windowMs`. */
  window(limit: number, windowMs: number): WindowLimiter;
}

export const memoryLimits: Limits = {
  window: (limit, windowMs) => new WindowLimiter(limit, windowMs),
};
