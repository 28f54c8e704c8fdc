// Who may try a password now. Three counters, all in memory (one process serves the fair; a
// shared store such as Redis replaces them when the server scales out):
//   per address, across e-mails   a token bucket; random e-mails from one address run dry fast
//   per e-mail and stranger address   5 failures lock that address out of that e-mail for 15 min
//   per e-mail and owner address  an address that logged in to this e-mail before gets
//                                 exponential backoff (1, 2, 4 … s) instead of a hard lock,
//                                 so strangers' failures elsewhere never lock the owner out
// An attempt counts when it starts (parallel attempts cannot slip past a limit while their
// hashes run); a success gives back its address token and clears its e-mail × address
// counters, and the owner's address skips the address bucket (an attacker behind the same NAT
// cannot lock the owner out with random e-mails). Unknown e-mails are counted like known ones,
// so a 429 never tells which exist.
//
// Several processes: with a shared store (LoginThrottleOptions.store, Redis from backends.ts),
// every counter is in the store (the address allowance, the stranger lock, the owner's known
// addresses and backoff), so spreading guesses over processes gains nothing, and an owner who
// logged in through one process is the owner on all of them.

export interface LoginThrottleOptions {
  /** Attempts per address across e-mails at once (default 10)… */
  addressBurst?: number;
  /** …refilled at this rate (default 4 a minute). Successful logins do not use them up. */
  addressPerMinute?: number;
  /** Failures from a stranger address before it is locked out of that e-mail (default 5). */
  strangerFailures?: number;
  /** How long such a lock lasts, counted from its first failure (default 15 min). */
  strangerWindowMs?: number;
  /** Failures from the owner's address before backoff starts (default 3). */
  ownerFreeFailures?: number;
  /** Longest backoff for the owner's address (default 5 min). */
  ownerMaxBackoffMs?: number;
  /** How long an address stays "the owner's" after a successful login (default 30 days). */
  knownAddressMs?: number;
  /** Shared counters for several processes; without it, this process's memory. */
  store?: LoginThrottleStore;
}

/** The counters several processes share (server/redis/redisLoginStore.ts). */
export interface LoginThrottleStore {
  /** Takes one token of the address's bucket: 0, or the wait in ms (nothing taken). */
  takeAddress(address: string, burst: number, perMinute: number, now: number): Promise<number>;
  refundAddress(address: string, burst: number, perMinute: number, now: number): Promise<void>;
  /** Ms left of a stranger lock on `key` (e-mail|address) with at least `limit` failures; 0 if none. */
  strangerLockedFor(key: string, limit: number): Promise<number>;
  /** Counts a failure; the window starts at the first one. */
  strangerFailed(key: string, windowMs: number): Promise<void>;
  strangerUncount(key: string): Promise<void>;
  strangerClear(key: string): Promise<void>;
  /** When this address last logged in to this e-mail (ms), if within the kept ones. */
  knownAt(email: string, address: string): Promise<number | undefined>;
  /** Remembers a successful login; an e-mail keeps its `keep` most recent addresses for `keepMs`. */
  remember(email: string, address: string, now: number, keep: number, keepMs: number): Promise<void>;
  /** The owner address's failures on `key` (e-mail|address) and when the last was; undefined if none. */
  ownerFailures(key: string): Promise<{ count: number; at: number } | undefined>;
  /** Counts a failure at `now`; the count is forgotten `idleMs` after the last failure. */
  ownerFailed(key: string, now: number, idleMs: number): Promise<void>;
  ownerUncount(key: string): Promise<void>;
  ownerClear(key: string): Promise<void>;
}

export interface Refusal {
  waitMs: number;
  /** "too many …" for the answer. */
  what: string;
}

/** A started attempt; reports once how it ended (a wrong password needs no report). */
export interface Attempt {
  succeeded(now?: number): void;
  cancelled(now?: number): void;
}

export function isRefusal(r: Refusal | Attempt): r is Refusal {
  return 'waitMs' in r;
}

interface Bucket {
  tokens: number;
  last: number;
}

interface Failures {
  count: number;
  /** Stranger: when the window ends. Owner: when the last failure was. */
  at: number;
}

/** Maps are swept above this size, then cut to it oldest first: a flood cannot grow them. */
const MAX_KEYS = 50_000;
const KNOWN_PER_EMAIL = 20;

export class LoginThrottle {
  private readonly o: Required<Omit<LoginThrottleOptions, 'store'>>;
  private readonly store: LoginThrottleStore | undefined;
  private readonly buckets = new Map<string, Bucket>();
  private readonly strangers = new Map<string, Failures>();
  private readonly owners = new Map<string, Failures>();
  /** e-mail → address → last successful login. */
  private readonly known = new Map<string, Map<string, number>>();

  constructor(options: LoginThrottleOptions = {}) {
    this.store = options.store;
    this.o = {
      addressBurst: options.addressBurst ?? 10,
      addressPerMinute: options.addressPerMinute ?? 4,
      strangerFailures: options.strangerFailures ?? 5,
      strangerWindowMs: options.strangerWindowMs ?? 15 * 60_000,
      ownerFreeFailures: options.ownerFreeFailures ?? 3,
      ownerMaxBackoffMs: options.ownerMaxBackoffMs ?? 5 * 60_000,
      knownAddressMs: options.knownAddressMs ?? 30 * 86_400_000,
    };
  }

  /**
   * Starts an attempt: a refusal (wait, nothing counted) or the attempt, counted as a failure
   * until it reports otherwise. The owner's own address does not draw on the address bucket:
   * a flood from the same address (an office NAT) must not lock the owner out; backoff on the
   * e-mail still bounds guessing there.
   */
  attempt(email: string, address: string, now = Date.now()): Refusal | Attempt {
    const key = `${email}|${address}`;
    const owner = this.isOwner(email, address, now);
    if (owner) {
      const wait = this.ownerWait(this.owners.get(key), now);
      if (wait > 0) return { waitMs: wait, what: 'failed logins' };
    } else {
      const f = this.strangers.get(key);
      if (f && f.at > now && f.count >= this.o.strangerFailures) return { waitMs: f.at - now, what: 'failed logins' };
      const b = this.bucket(address, now);
      if (b.tokens < 1) return { waitMs: ((1 - b.tokens) / this.o.addressPerMinute) * 60_000, what: 'logins from this address' };
      b.tokens -= 1;
    }
    const record = owner ? this.live(this.owners, key, now, this.o.strangerWindowMs) : this.live(this.strangers, key, now, 0);
    if (owner) record.at = now;
    else if (record.count === 0) record.at = now + this.o.strangerWindowMs;
    record.count++;
    let settled = false;
    const settle = (): boolean => !settled && (settled = true);
    return {
      // The password was right: the attempt is given back and this address is the owner's.
      succeeded: (at = Date.now()) => {
        if (!settle()) return;
        if (!owner) this.refund(address, at);
        this.strangers.delete(key);
        this.owners.delete(key);
        this.remember(email, address, at);
      },
      // The password was never checked (the server was busy): the attempt does not count.
      cancelled: (at = Date.now()) => {
        if (!settle()) return;
        if (!owner) this.refund(address, at);
        record.count = Math.max(0, record.count - 1);
      },
    };
  }

  /**
   * attempt(), with the address allowance and stranger lock in the shared store when there is
   * one (several processes); the same as attempt() otherwise.
   */
  async check(email: string, address: string, now = Date.now()): Promise<Refusal | Attempt> {
    const store = this.store;
    if (!store) return this.attempt(email, address, now);
    const key = `${email}|${address}`;
    const knownAt = await store.knownAt(email, address);
    if (knownAt !== undefined && now - knownAt < this.o.knownAddressMs) return this.sharedOwnerAttempt(store, email, address, now);
    const locked = await store.strangerLockedFor(key, this.o.strangerFailures);
    if (locked > 0) return { waitMs: locked, what: 'failed logins' };
    const wait = await store.takeAddress(address, this.o.addressBurst, this.o.addressPerMinute, now);
    if (wait > 0) return { waitMs: wait, what: 'logins from this address' };
    await store.strangerFailed(key, this.o.strangerWindowMs);
    let settled = false;
    const settle = (): boolean => !settled && (settled = true);
    const { addressBurst, addressPerMinute } = this.o;
    const quietly = (p: Promise<void>) => void p.catch((e: unknown) => console.error('[login] shared throttle:', e));
    return {
      succeeded: (at = Date.now()) => {
        if (!settle()) return;
        quietly(store.refundAddress(address, addressBurst, addressPerMinute, at));
        quietly(store.strangerClear(key));
        quietly(store.remember(email, address, at, KNOWN_PER_EMAIL, this.o.knownAddressMs));
      },
      cancelled: (at = Date.now()) => {
        if (!settle()) return;
        quietly(store.refundAddress(address, addressBurst, addressPerMinute, at));
        quietly(store.strangerUncount(key));
      },
    };
  }

  /** The owner's address with a shared store: backoff counted in the store, no address bucket. */
  private async sharedOwnerAttempt(store: LoginThrottleStore, email: string, address: string, now: number): Promise<Refusal | Attempt> {
    const key = `${email}|${address}`;
    const wait = this.ownerWait(await store.ownerFailures(key), now);
    if (wait > 0) return { waitMs: wait, what: 'failed logins' };
    await store.ownerFailed(key, now, this.o.strangerWindowMs);
    let settled = false;
    const settle = (): boolean => !settled && (settled = true);
    const quietly = (p: Promise<void>) => void p.catch((e: unknown) => console.error('[login] shared throttle:', e));
    return {
      succeeded: (at = Date.now()) => {
        if (!settle()) return;
        quietly(store.ownerClear(key));
        quietly(store.strangerClear(key));
        quietly(store.remember(email, address, at, KNOWN_PER_EMAIL, this.o.knownAddressMs));
      },
      cancelled: () => {
        if (!settle()) return;
        quietly(store.ownerUncount(key));
      },
    };
  }

  private remember(email: string, address: string, now: number): void {
    let addresses = this.known.get(email);
    if (!addresses) this.known.set(email, (addresses = new Map()));
    addresses.delete(address);
    addresses.set(address, now);
    while (addresses.size > KNOWN_PER_EMAIL) addresses.delete(addresses.keys().next().value!);
    this.bound(this.known);
  }

  private isOwner(email: string, address: string, now: number): boolean {
    const at = this.known.get(email)?.get(address);
    return at !== undefined && now - at < this.o.knownAddressMs;
  }

  /** 0 for the first few failures, then 1 s, 2 s, 4 s … after the last one, capped. */
  private ownerWait(f: Failures | undefined, now: number): number {
    if (!f || f.count < this.o.ownerFreeFailures) return 0;
    const backoff = Math.min(this.o.ownerMaxBackoffMs, 1000 * 2 ** (f.count - this.o.ownerFreeFailures));
    return Math.max(0, f.at + backoff - now);
  }

  /** The record under `key`, fresh if there is none or the old one is over. */
  private live(map: Map<string, Failures>, key: string, now: number, idleMs: number): Failures {
    const f = map.get(key);
    // Strangers: `at` is the window's end. Owners: forgotten after `idleMs` without failures.
    const over = f && (idleMs === 0 ? f.at <= now : now - f.at > idleMs);
    if (f && !over) return f;
    const fresh = { count: 0, at: now };
    map.delete(key);
    map.set(key, fresh);
    this.bound(map, (v) => (idleMs === 0 ? v.at <= now : now - v.at > idleMs));
    return fresh;
  }

  private bucket(address: string, now: number): Bucket {
    let b = this.buckets.get(address);
    if (!b) {
      b = { tokens: this.o.addressBurst, last: now };
      this.buckets.set(address, b);
      this.bound(this.buckets, (v) => v.tokens >= this.o.addressBurst);
    }
    b.tokens = Math.min(this.o.addressBurst, b.tokens + ((now - b.last) / 60_000) * this.o.addressPerMinute);
    b.last = now;
    return b;
  }

  private refund(address: string, now: number): void {
    const b = this.bucket(address, now);
    b.tokens = Math.min(this.o.addressBurst, b.tokens + 1);
  }

  /** Sweeps finished entries once a map is large, then drops the oldest beyond MAX_KEYS. */
  private bound<V>(map: Map<string, V>, finished?: (v: V) => boolean): void {
    if (map.size <= MAX_KEYS) return;
    if (finished) for (const [k, v] of map) if (finished(v)) map.delete(k);
    for (const k of map.keys()) {
      if (map.size <= MAX_KEYS) break;
      map.delete(k);
    }
  }
}
