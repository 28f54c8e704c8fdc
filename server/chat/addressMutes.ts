// A mute holds the muted visitor's client address too, for its duration and on that stand
// only: otherwise a fresh cookie (a new visitor id) would lift it. Addresses stay in memory
// (this process's, or with REDIS_URL Redis's, hashed: server/redis/redisAddressMutes.ts),
// never in the store or the log: the address of a message's author is remembered when it is
// posted (the most recent authors only), and the address mutes expire with the mute. After a
// restart (of the process, or of Redis) only the id mute (stored) remains.
//
// Behind one address (a school, a NAT) everyone on that stand is muted with the one muted;
// moderators choose the duration knowing that.

/** Authors remembered (stand + ref → address): enough for a busy day's recent posters. */
const AUTHORS_MAX = 50_000;

/** What the chat service needs of address mutes; a shared one (Redis) answers asynchronously. */
export interface AddressMuteStore {
  /** Remembers where a visitor's latest message on a stand came from. */
  noteAuthor(standId: string, ref: string, address: string): void | Promise<void>;
  /** Mutes the address the visitor last posted from on this stand, if known. */
  muteAuthor(standId: string, ref: string, until: number, now: number): void | Promise<void>;
  /** Until when an address is muted on a stand, or null. */
  mutedUntil(standId: string, address: string, now: number): number | null | Promise<number | null>;
}

export class AddressMutes implements AddressMuteStore {
  private readonly authors = new Map<string, string>();
  private readonly mutes = new Map<string, number>();

  /** Remembers where a visitor's latest message on a stand came from. */
  noteAuthor(standId: string, ref: string, address: string): void {
    const key = `${standId}\n${ref}`;
    // Re-inserting keeps the map in order of recency, so the oldest go first.
    this.authors.delete(key);
    this.authors.set(key, address);
    if (this.authors.size > AUTHORS_MAX) {
      const oldest = this.authors.keys().next().value;
      if (oldest !== undefined) this.authors.delete(oldest);
    }
  }

  /** Mutes the address the visitor last posted from on this stand, if known. */
  muteAuthor(standId: string, ref: string, until: number, now: number): void {
    const address = this.authors.get(`${standId}\n${ref}`);
    if (address === undefined) return;
    const key = `${standId}\n${address}`;
    this.mutes.set(key, Math.max(until, this.mutes.get(key) ?? 0));
    this.prune(now);
  }

  /** Until when an address is muted on a stand, or null. */
  mutedUntil(standId: string, address: string, now: number): number | null {
    const until = this.mutes.get(`${standId}\n${address}`);
    return until !== undefined && until > now ? until : null;
  }

  private prune(now: number): void {
    for (const [key, until] of this.mutes) if (until <= now) this.mutes.delete(key);
  }
}
