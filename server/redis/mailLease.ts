// Who sends a lead's materials e-mail when several processes run: the one holding the lead's
// lease (SET NX PX). Holders renew it while the job lives (retries may wait minutes); a
// finished job marks the lead done for a while, so a process that read the lead as "queued"
// a moment before cannot send it again; a crashed holder's lease runs out and the next
// process to resume queued mail takes the lead over.
import type { Redis } from 'ioredis';
import type { MailLease } from '../mail/types.ts';

const LEASE_MS = 60_000;
/** Longer than any resume pass takes to read the leads and hand them over. */
const DONE_MS = 60 * 60_000;

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
const FINISH = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2]) return 1 end
return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export function redisMailLease(redis: Redis, holder: string): MailLease {
  const key = (leadId: string) => `expo:mail:${leadId}`;
  const held = new Set<string>();
  const timer = setInterval(() => {
    for (const id of held) void redis.eval(RENEW, 1, key(id), holder, String(LEASE_MS)).catch(() => {});
  }, LEASE_MS / 3);
  timer.unref();
  return {
    async acquire(leadId) {
      const ok = (await redis.set(key(leadId), holder, 'PX', LEASE_MS, 'NX')) === 'OK';
      if (ok) held.add(leadId);
      return ok;
    },
    async finish(leadId) {
      held.delete(leadId);
      await redis.eval(FINISH, 1, key(leadId), holder, String(DONE_MS));
    },
    async release(leadId) {
      held.delete(leadId);
      await redis.eval(RELEASE, 1, key(leadId), holder);
    },
    close() {
      clearInterval(timer);
    },
  };
}
