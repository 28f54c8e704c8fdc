// The login throttle's rules on a made-up clock: the per-address bucket across e-mails, the
// stranger lock, the owner's backoff and its cap, what a success and a cancelled attempt give
// back; and the hash gate's bound and queue.
import { describe, expect, it } from 'vitest';
import { HashGate, HashGateFull } from '../../server/auth/hashGate.ts';
import { type Attempt, LoginThrottle, type Refusal, isRefusal } from '../../server/auth/loginThrottle.ts';
import { addressKey } from '../../server/http/rateLimit.ts';

const T0 = 1_700_000_000_000;

function started(r: Refusal | Attempt): Attempt {
  if (isRefusal(r)) throw new Error(`refused: ${r.what} ${r.waitMs} ms`);
  return r;
}

describe('LoginThrottle', () => {
  it('limits one address across e-mails, refills, and gives a success its token back', () => {
    const t = new LoginThrottle({ addressBurst: 3, addressPerMinute: 6 });
    for (let i = 0; i < 3; i++) started(t.attempt(`r${i}@x`, '1.1.1.1', T0));
    const refused = t.attempt('r9@x', '1.1.1.1', T0) as Refusal;
    expect(refused).toEqual({ waitMs: 10_000, what: 'logins from this address' });
    // Another address is not affected; the bucket refills at 6 a minute.
    started(t.attempt('r9@x', '2.2.2.2', T0));
    started(t.attempt('r9@x', '1.1.1.1', T0 + 10_000));
    // A success costs nothing: the owner of a NAT'd office logs in as often as needed.
    const u = new LoginThrottle({ addressBurst: 1 });
    for (let i = 0; i < 5; i++) started(u.attempt(`staff${i}@x`, '3.3.3.3', T0)).succeeded(T0);
  });

  it('locks a stranger address out of an e-mail after 5 failures for 15 minutes', () => {
    const t = new LoginThrottle();
    for (let i = 0; i < 5; i++) started(t.attempt('owner@x', '6.6.6.6', T0 + i));
    expect(t.attempt('owner@x', '6.6.6.6', T0 + 10)).toEqual({ waitMs: 15 * 60_000 - 10, what: 'failed logins' });
    started(t.attempt('owner@x', '7.7.7.7', T0 + 10)).succeeded(T0 + 10);
    started(t.attempt('owner@x', '6.6.6.6', T0 + 15 * 60_000));
  });

  it("backs off on the owner's address (1, 2, 4 … s, capped) instead of locking", () => {
    const t = new LoginThrottle({ ownerFreeFailures: 3, ownerMaxBackoffMs: 8_000 });
    started(t.attempt('me@x', '5.5.5.5', T0)).succeeded(T0);
    let now = T0;
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = t.attempt('me@x', '5.5.5.5', now);
      if (isRefusal(r)) {
        waits.push(r.waitMs);
        now += r.waitMs;
        i--;
      }
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000, 8000, 8000]);
    started(t.attempt('me@x', '5.5.5.5', now + 8000)).succeeded(now + 8000);
    // Cleared: three free tries again.
    for (let i = 0; i < 3; i++) started(t.attempt('me@x', '5.5.5.5', now + 9000));
  });

  it('a cancelled attempt (server busy) does not count', () => {
    const t = new LoginThrottle({ addressBurst: 1, strangerFailures: 1 });
    started(t.attempt('a@x', '8.8.8.8', T0)).cancelled(T0);
    started(t.attempt('a@x', '8.8.8.8', T0));
    expect(isRefusal(t.attempt('a@x', '8.8.8.8', T0))).toBe(true);
  });
});

describe('HashGate', () => {
  it('runs at most `concurrency` at once, queues a few, refuses the rest at once', async () => {
    const gate = new HashGate({ concurrency: 1, queue: 2 });
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const work = () =>
      gate.run(async () => {
        peak = Math.max(peak, ++running);
        await new Promise<void>((r) => releases.push(r));
        running--;
      });
    const accepted = [work(), work(), work()];
    await expect(work()).rejects.toBeInstanceOf(HashGateFull);
    expect(gate.load()).toEqual({ running: 1, waiting: 2 });
    while (releases.length || gate.load().running) {
      await new Promise((r) => setTimeout(r, 1));
      releases.shift()?.();
    }
    await Promise.all(accepted);
    expect(peak).toBe(1);
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });
});

describe('addressKey', () => {
  it('keys IPv4 as is and IPv6 by /64', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb::2'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
  });
});
