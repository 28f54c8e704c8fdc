// Reactions of one event: each visitor may send one per REACTION_EVERY_MS; the room sums them
// and sends one aggregate per tick, so 5 000 watchers clapping cost one broadcast a second,
// not 5 000 fan-outs. Memory only: reactions are ephemeral.
import { REACTION_EVERY_MS, type QaReactionsMsg, type Reaction } from '../../shared/qa.ts';

export class ReactionCounter {
  private counts: Partial<Record<Reaction, number>> = {};
  private any = false;
  private readonly last = new Map<string, number>();

  /** Counts a visitor's reaction; otherwise how many ms until they may react again. */
  add(ref: string, emoji: Reaction, now: number): number {
    const prev = this.last.get(ref);
    if (prev !== undefined && now - prev < REACTION_EVERY_MS) return REACTION_EVERY_MS - (now - prev);
    this.last.set(ref, now);
    this.counts[emoji] = (this.counts[emoji] ?? 0) + 1;
    this.any = true;
    return 0;
  }

  /** The tick's aggregate (null when nobody reacted), and a fresh count for the next tick. */
  flush(now: number): QaReactionsMsg | null {
    // Forget visitors who may react again anyway, so the map stays as small as the crowd.
    if (this.last.size > 1000) for (const [ref, at] of this.last) if (now - at >= REACTION_EVERY_MS) this.last.delete(ref);
    if (!this.any) return null;
    const msg = { counts: this.counts };
    this.counts = {};
    this.any = false;
    return msg;
  }
}
