// The matchmaking guard's pending joins of two server processes sharing one Redis (the run's
// private server): seats reserved through either process count against the address on both,
// a seat claimed by a socket on the other process (the room's) stops counting at once where it
// was reserved, an unclaimed one stops at its expiry, and the address never reaches Redis as it is.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PerAddressCounts } from '../../server/matchmaking/perAddress.ts';
import { redisSeats } from '../../server/redis/redisSeats.ts';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 2 });
});
afterAll(async () => {
  await redis?.quit();
});

const run = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
const ADDRESS = '203.0.113.50';

/** One process's guard counts on a clock the test moves (from now on, so Redis's own expiry agrees). */
function processes(clock: { now: number }): [PerAddressCounts, PerAddressCounts] {
  const make = () => new PerAddressCounts({ maxSockets: 10, maxPendingJoins: 2, reservationMs: 20_000 }, () => clock.now, redisSeats(redis), () => {});
  return [make(), make()];
}

/** A matchmaking request answered with a seat, as the guard and controller run it. */
async function join(counts: PerAddressCounts, sessionId: string): Promise<boolean> {
  const done = await counts.startJoin(ADDRESS);
  if (!done) return false;
  await counts.reserved(ADDRESS, sessionId);
  done();
  return true;
}

describe('matchmaking seats across processes (Redis)', () => {
  it('caps pending joins across processes, and a claim on the other process frees the seat at once', async () => {
    const clock = { now: Date.now() };
    const [a, b] = processes(clock);
    expect(await join(a, `s1-${run}`)).toBe(true);
    expect(await join(b, `s2-${run}`)).toBe(true);
    // Two seats pending for the address, one through each process: both refuse a third.
    expect(await a.startJoin(ADDRESS)).toBeNull();
    expect(await b.startJoin(ADDRESS)).toBeNull();
    // The socket of s1 opens on b (the room's process): a counts it no longer.
    b.claim(`s1-${run}`);
    await redis.ping();
    expect(await join(a, `s3-${run}`)).toBe(true);
    expect(await b.startJoin(ADDRESS)).toBeNull();
    // Another address is not affected.
    const other = await a.startJoin('198.51.100.9');
    expect(other).not.toBeNull();
  });

  it('forgets an unclaimed seat at its expiry', async () => {
    const clock = { now: Date.now() };
    const [a, b] = processes(clock);
    // The first test's two unclaimed seats are still pending for this address: let them expire.
    clock.now += 25_000;
    expect(await join(a, `t1-${run}`)).toBe(true);
    expect(await join(a, `t2-${run}`)).toBe(true);
    expect(await b.startJoin(ADDRESS)).toBeNull();
    clock.now += 20_001;
    expect(await b.startJoin(ADDRESS)).not.toBeNull();
  });

  it('keeps only a hash of the address in Redis', async () => {
    const keys = [...(await redis.keys('expo:seat:*')), ...(await redis.keys('expo:seats:*'))];
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k).not.toContain(ADDRESS);
    for (const k of keys.filter((x) => x.startsWith('expo:seat:'))) expect(await redis.get(k)).not.toContain(ADDRESS);
  });
});
