// Per-address counts the matchmaking guard enforces: open WebSockets, and joins not yet used
// by a socket (requests in flight plus seat reservations a socket has not claimed). A seat
// reservation unclaimed for longer than Colyseus keeps it is forgotten.
export interface PerAddressLimits {
  maxSockets: number;
  maxPendingJoins: number;
  /** How long an unclaimed seat reservation counts (Colyseus keeps one 15 s by default). */
  reservationMs?: number;
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
  ) {
    this.reservationMs = limits.reservationMs ?? 20_000;
  }

  /** Counts a socket if the address is below its cap; the returned function uncounts it once. */
  openSocket(address: string): (() => void) | null {
    const n = this.sockets.get(address) ?? 0;
    if (n >= this.limits.maxSockets) return null;
    this.sockets.set(address, n + 1);
    return once(() => decrement(this.sockets, address));
  }

  /** Counts a join in flight if the address has room; the returned function ends it once. */
  startJoin(address: string): (() => void) | null {
    if (this.pendingJoins(address) >= this.limits.maxPendingJoins) return null;
    this.inFlight.set(address, (this.inFlight.get(address) ?? 0) + 1);
    return once(() => decrement(this.inFlight, address));
  }

  /** A join answered with a seat: it stays pending until a socket claims it or it expires. */
  reserved(address: string, sessionId: string): void {
    this.sweep();
    this.reservations.set(sessionId, { address, expiresAt: this.now() + this.reservationMs });
  }

  claim(sessionId: string | null): void {
    if (sessionId) this.reservations.delete(sessionId);
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
