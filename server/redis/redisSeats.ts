// The matchmaking guard's seat reservations (matchmaking/perAddress.ts SharedSeats) in Redis,
// so that a seat reserved through one process and opened on another (the room's) stops
// counting at once, and an address's pending joins are capped across processes. Per address
// (hashed, never kept as it is) a sorted set of its reserved session ids scored by expiry; per
// session id the address's hash, so the process that sees the socket can find the set.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { SharedSeats } from '../matchmaking/perAddress.ts';

/** KEYS[1] the session's key, KEYS[2] the address's set; ARGV now, expiresAt, sessionId, address hash. */
const RESERVE = `redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
redis.call('SET', KEYS[1], ARGV[4], 'PXAT', ARGV[2])
local last = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
redis.call('PEXPIREAT', KEYS[2], last[2])
return 0`;

export function redisSeats(redis: Redis): SharedSeats {
  const hashed = (address: string) => createHash('sha256').update(address).digest('base64url');
  const seat = (sessionId: string) => `expo:seat:${sessionId}`;
  const pending = (hash: string) => `expo:seats:${hash}`;
  return {
    async reserve(sessionId, address, expiresAt) {
      const hash = hashed(address);
      await redis.eval(RESERVE, 2, seat(sessionId), pending(hash), String(Date.now()), String(Math.ceil(expiresAt)), sessionId, hash);
    },
    async claim(sessionId) {
      const hash = await redis.get(seat(sessionId));
      if (hash === null) return;
      await redis.multi().zrem(pending(hash), sessionId).del(seat(sessionId)).exec();
    },
    async pending(address, now) {
      return redis.zcount(pending(hashed(address)), `(${now}`, '+inf');
    },
  };
}
