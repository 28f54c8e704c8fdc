// Per-address counts the matchmaking guard enforces: open WebSockets, and joins not yet used
// by a socket (requests in flight plus seat reservations a socket has not claimed). A seat
// reservation unclaimed for longer than Colyseus keeps it is forgotten. With several processes
// (SharedSeats, Redis from backends.ts) reservations are counted in the shared store: a seat
// reserved through one process and claimed by a socket on another (the room's) stops counting
// at once on both, and an address's pending joins are capped across all processes. Sockets and
// requests in flight stay per process (each is held by one).
export interface PerAddressLimits {
  maxSockets: number;
  maxPendingJoins: number;
  /** How long an unclaimed seat reservation counts (Colyseus keeps one 15 s by default). */
  reservationMs?: number;
}

/** Seat reservations several processes share (server/redis/redisSeats.ts). */
export interface SharedSeats {
  reserve(sessionId: string, address: string, expiresAt: number): Promise<void>;
  claim(sessionId: string): Promise<void>;
  /** Reservations of `address` neither claimed nor expired at `now`. */
  pending(address: string, now: number): Promise<number>;
}

interface Reservation {
  address: string;
  expiresAt: number;
}

export class PerAddressCounts {
  private readonly sockets = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();
  /** sessionId → who asked for it; a socket's ?sessionId= claims it. */
  private readonly reservations = new Map<string, Reservation>();
  private readonly reservationMs: number;

  constructor(
    readonly limits: PerAddressLimits,
    private readonly now: () => number = Date.now,
    private readonly seats?: SharedSeats,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {
    this.reservationMs = limits.reservationMs ?? 20_000;
  }

  /** A shared store that fails is logged, and this process's own counts answer meanwhile. */
  private failed(e: unknown): void {
    this.log(`[matchmaking] shared seat counts unavailable: ${e instanceof Error ? e.message : String(e)}`);
  }

  /** Counts a socket if the address is below its cap; the returned function uncounts it once. */
  openSocket(address: string): (() => void) | null {
    const n = this.sockets.get(address) ?? 0;
    if (n >= this.limits.maxSockets) return null;
    this.sockets.set(address, n + 1);
    return once(() => decrement(this.sockets, address));
  }

  /**
   * Counts a join in flight if the address has room; the returned function ends it once.
   * Answers at once without shared seats, after asking the shared store with them.
   */
  startJoin(address: string): (() => void) | null | Promise<(() => void) | null> {
    if (this.seats) return this.startSharedJoin(this.seats, address);
    if (this.pendingJoins(address) >= this.limits.maxPendingJoins) return null;
    this.inFlight.set(address, (this.inFlight.get(address) ?? 0) + 1);
    return once(() => decrement(this.inFlight, address));
  }

  private async startSharedJoin(seats: SharedSeats, address: string): Promise<(() => void) | null> {
    // Counted first, so joins from one address racing through this process all see each other.
    this.inFlight.set(address, (this.inFlight.get(address) ?? 0) + 1);
    const done = once(() => decrement(this.inFlight, address));
    let reserved: number;
    try {
      reserved = await seats.pending(address, this.now());
    } catch (e) {
      this.failed(e);
      reserved = this.localReservations(address);
    }
    if ((this.inFlight.get(address) ?? 0) + reserved > this.limits.maxPendingJoins) {
      done();
      return null;
    }
    return done;
  }

  /** A join answered with a seat: it stays pending until a socket claims it or it expires. */
  async reserved(address: string, sessionId: string): Promise<void> {
    this.sweep();
    const expiresAt = this.now() + this.reservationMs;
    this.reservations.set(sessionId, { address, expiresAt });
    // Awaited by the matchmaker before it answers, so the socket's claim (on any process) finds it.
    if (this.seats) await this.seats.reserve(sessionId, address, expiresAt).catch((e: unknown) => this.failed(e));
  }

  claim(sessionId: string | null): void {
    if (!sessionId) return;
    this.reservations.delete(sessionId);
    if (this.seats) void this.seats.claim(sessionId).catch((e: unknown) => this.failed(e));
  }

  private localReservations(address: string): number {
    this.sweep();
    let n = 0;
    for (const r of this.reservations.values()) if (r.address === address) n++;
    return n;
  }

  pendingJoins(address: string): number {
    this.sweep();
    let n = this.inFlight.get(address) ?? 0;
    for (const r of this.reservations.values()) if (r.address === address) n++;
    return n;
  }

  openSockets(address: string): number {
    return this.sockets.get(address) ?? 0;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, r] of this.reservations) if (r.expiresAt <= now) this.reservations.delete(id);
  }
}

function decrement(map: Map<string, number>, key: string): void {
  const n = (map.get(key) ?? 0) - 1;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
