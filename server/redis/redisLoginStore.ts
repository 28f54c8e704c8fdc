// The login throttle's shared counters (auth/loginThrottle.ts LoginThrottleStore) in Redis:
// the per-address token bucket is a hash {tokens, last} updated by one script (read, refill,
// take, expire when full again), the stranger lock a counter per e-mail and address that
// expires with its window, an e-mail's known (owner) addresses a sorted set scored by the last
// login, cut to the newest few, and the owner's backoff a hash {count, at} per e-mail and
// address that expires when the owner has not failed for a while. Times come from the calling process (clocks of one fair's
// machines agree to well under the second these counters care about).
import type { Redis } from 'ioredis';
import type { LoginThrottleStore } from '../auth/loginThrottle.ts';

/** KEYS[1] bucket; ARGV burst, tokens per ms, now, delta (-1 take, +1 refund). Returns the wait in ms. */
const BUCKET = `local t = redis.call('HMGET', KEYS[1], 'tokens', 'last')
local burst = tonumber(ARGV[1]); local perMs = tonumber(ARGV[2]); local now = tonumber(ARGV[3]); local delta = tonumber(ARGV[4])
local tokens = tonumber(t[1]) or burst
local last = tonumber(t[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - last) * perMs)
local wait = 0
if delta < 0 and tokens < 1 then wait = math.ceil((1 - tokens) / perMs) else tokens = math.min(burst, tokens + delta) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'last', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / perMs) + 1000)
return wait`;

const FAILED = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

const LOCKED = `local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n < tonumber(ARGV[1]) then return 0 end
return math.max(0, redis.call('PTTL', KEYS[1]))`;

const UNCOUNT = `local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

/** KEYS[1] known set; ARGV address, now, keep, keepMs. */
const REMEMBER = `redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[3]) - 1)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 0`;

/** KEYS[1] owner failures; ARGV now, idleMs. */
const OWNER_FAILED = `redis.call('HINCRBY', KEYS[1], 'count', 1)
redis.call('HSET', KEYS[1], 'at', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 0`;

const OWNER_UNCOUNT = `local n = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
if n > 0 then redis.call('HINCRBY', KEYS[1], 'count', -1) end
return 0`;

export function redisLoginStore(redis: Redis): LoginThrottleStore {
  const bucket = (address: string) => `expo:login:address:${address}`;
  const stranger = (key: string) => `expo:login:stranger:${key}`;
  const known = (email: string) => `expo:login:known:${email}`;
  const owner = (key: string) => `expo:login:owner:${key}`;
  const perMs = (perMinute: number) => String(perMinute / 60_000);
  return {
    async takeAddress(address, burst, perMinute, now) {
      return Number(await redis.eval(BUCKET, 1, bucket(address), String(burst), perMs(perMinute), String(now), '-1'));
    },
    async refundAddress(address, burst, perMinute, now) {
      await redis.eval(BUCKET, 1, bucket(address), String(burst), perMs(perMinute), String(now), '1');
    },
    async strangerLockedFor(key, limit) {
      return Number(await redis.eval(LOCKED, 1, stranger(key), String(limit)));
    },
    async strangerFailed(key, windowMs) {
      await redis.eval(FAILED, 1, stranger(key), String(windowMs));
    },
    async strangerUncount(key) {
      await redis.eval(UNCOUNT, 1, stranger(key));
    },
    async strangerClear(key) {
      await redis.del(stranger(key));
    },
    async knownAt(email, address) {
      const score = await redis.zscore(known(email), address);
      return score === null ? undefined : Number(score);
    },
    async remember(email, address, now, keep, keepMs) {
      await redis.eval(REMEMBER, 1, known(email), address, String(now), String(keep), String(keepMs));
    },
    async ownerFailures(key) {
      const [count, at] = await redis.hmget(owner(key), 'count', 'at');
      return count === null || at === null ? undefined : { count: Number(count), at: Number(at) };
    },
    async ownerFailed(key, now, idleMs) {
      await redis.eval(OWNER_FAILED, 1, owner(key), String(now), String(idleMs));
    },
    async ownerUncount(key) {
      await redis.eval(OWNER_UNCOUNT, 1, owner(key));
    },
    async ownerClear(key) {
      await redis.del(owner(key));
    },
  };
}
