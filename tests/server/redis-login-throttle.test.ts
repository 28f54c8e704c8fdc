// The login throttle of two server processes sharing one Redis (the run's private server):
// an owner who logged in through one process is the owner on the other too, so its backoff is
// counted across both (guesses spread over processes gain nothing), strangers' failures never
// lock the owner out on either, and a success on one clears the backoff for both.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Attempt, LoginThrottle, type Refusal, isRefusal } from '../../server/auth/loginThrottle.ts';
import { redisLoginStore } from '../../server/redis/redisLoginStore.ts';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(inject('redisUrl'), { lazyConnect: false, maxRetriesPerRequest: 2 });
});
afterAll(async () => {
  await redis?.quit();
});

function started(r: Refusal | Attempt): Attempt {
  if (isRefusal(r)) throw new Error(`refused: ${r.what} ${r.waitMs} ms`);
  return r;
}

/** Settling is fire-and-forget in the throttle; a read of Redis after it sees it (one connection, in order). */
const settled = () => redis.ping();

// Fresh e-mails per run: the Redis server is shared by the whole test run.
const run = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

describe('login throttle across processes (Redis)', () => {
  const options = { ownerFreeFailures: 2, ownerMaxBackoffMs: 8_000, strangerFailures: 3, addressBurst: 10 };
  /** One server process's throttle: its own memory, the shared store. */
  const processA = (addressBurst = options.addressBurst) => new LoginThrottle({ ...options, addressBurst, store: redisLoginStore(redis) });

  it("counts the owner's backoff across processes, and a success on one clears it on both", async () => {
    const a = processA();
    const b = processA();
    const email = `owner-${run}@example.org`;
    const now = Date.now();
    started(await a.check(email, '5.5.5.5', now)).succeeded(now);
    await settled();
    // Two free failures, one on each process; the third attempt (on either) waits 1 s.
    await b.check(email, '5.5.5.5', now + 10);
    await a.check(email, '5.5.5.5', now + 20);
    await settled();
    const refused = (await b.check(email, '5.5.5.5', now + 30)) as Refusal;
    expect(refused).toEqual({ waitMs: 1000 - 10, what: 'failed logins' });
    expect(await a.check(email, '5.5.5.5', now + 30)).toEqual(refused);
    // After the wait one more try; a right password on b clears the backoff for a too.
    started(await b.check(email, '5.5.5.5', now + 1020)).succeeded(now + 1020);
    await settled();
    started(await a.check(email, '5.5.5.5', now + 1030)).cancelled();
  });

  it("never locks the owner out because of strangers, on either process", async () => {
    const a = processA();
    const b = processA();
    const email = `target-${run}@example.org`;
    const now = Date.now();
    started(await a.check(email, '5.5.5.6', now)).succeeded(now);
    await settled();
    // A stranger fails three times, spread over both processes: locked out on both.
    await a.check(email, '6.6.6.6', now + 1);
    await b.check(email, '6.6.6.6', now + 2);
    await a.check(email, '6.6.6.6', now + 3);
    await settled();
    expect(await b.check(email, '6.6.6.6', now + 4)).toMatchObject({ what: 'failed logins' });
    expect(await a.check(email, '6.6.6.6', now + 4)).toMatchObject({ what: 'failed logins' });
    // The owner's address is known on b though it logged in through a: it gets in.
    started(await b.check(email, '5.5.5.6', now + 5)).succeeded(now + 5);
  });

  it("lets the owner's address past its own address bucket on the other process", async () => {
    const a = processA(2);
    const b = processA(2);
    const email = `office-${run}@example.org`;
    const now = Date.now();
    started(await a.check(email, '7.7.7.7', now)).succeeded(now);
    await settled();
    // Someone behind the same office address tries random e-mails until the bucket is dry.
    await a.check(`random1-${run}@example.org`, '7.7.7.7', now + 1);
    await b.check(`random2-${run}@example.org`, '7.7.7.7', now + 2);
    expect(await a.check(`random3-${run}@example.org`, '7.7.7.7', now + 3)).toMatchObject({ what: 'logins from this address' });
    started(await b.check(email, '7.7.7.7', now + 4)).succeeded(now + 4);
  });
});
