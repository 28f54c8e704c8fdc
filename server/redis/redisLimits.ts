// Rate limits shared by every process: a fixed window per limiter and key is one Redis
// counter that INCR counts and PEXPIRE ends, set together in one script so a window can never
// be left without its expiry. The same rules as the in-memory WindowLimiter: at most `limit`
// hits per window, the window starting at the first hit.
import type { Redis } from 'ioredis';
import type { Limits, SharedWindowLimiter } from '../limits.ts';

const HIT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

/** The count and the time left of a window, read together. */
const PEEK = `return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1])}`;

export class RedisWindowLimiter implements SharedWindowLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  private key(key: string): string {
    return `expo:limit:${this.name}:${key}`;
  }

  async blockedFor(key: string): Promise<number> {
    const [count, ttl] = (await this.redis.eval(PEEK, 1, this.key(key))) as [number, number];
    return count >= this.limit && ttl > 0 ? ttl : 0;
  }

  async hit(key: string): Promise<void> {
    await this.redis.eval(HIT, 1, this.key(key), String(this.windowMs));
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }
}

export function redisLimits(redis: Redis): Limits {
  return {
    window: (limit, windowMs, name) => new RedisWindowLimiter(redis, name, limit, windowMs),
  };
}
