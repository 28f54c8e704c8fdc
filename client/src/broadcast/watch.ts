// One event's broadcast as the page sees it: polled while the page is open (every 2 s, the
// rate ffmpeg reports at), with the page's acts (go live, end, new key) answered by the same
// view. A class outside React (STYLE.md): React subscribes and renders the snapshot.
import type { BroadcastView } from '../../../shared/broadcast.ts';
import { BroadcastHttpError, endBroadcast, fetchBroadcast, goLive, regenerateKey } from '../net/broadcastApi.ts';

export const POLL_MS = 2000;

export interface WatchSnapshot {
  view: BroadcastView | null;
  /** HTTP status of the last failure (0: offline), with its message; null after a good answer. */
  error: { status: number; message: string } | null;
  /** What the last act (go live, end, new key) was refused with; cleared by the next act. */
  actError: string | null;
  /** An act is on its way (buttons wait). */
  busy: boolean;
}

export class BroadcastWatch {
  snapshot: WatchSnapshot = { view: null, error: null, actError: null, busy: false };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(readonly eventId: string) {
    void this.poll();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<WatchSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }

  private failure(e: unknown): WatchSnapshot['error'] {
    if (e instanceof BroadcastHttpError) return { status: e.status, message: e.message };
    return { status: -1, message: e instanceof Error ? e.message : String(e) };
  }

  private async poll(): Promise<void> {
    if (this.disposed) return;
    try {
      this.set({ view: await fetchBroadcast(this.eventId), error: null });
    } catch (e) {
      this.set({ error: this.failure(e) });
    }
    // Refusals (401, 403, 404, 409) do not change by waiting; other failures are retried.
    const status = this.snapshot.error?.status;
    const final = status !== undefined && [401, 403, 404, 409].includes(status);
    if (!this.disposed && !final) this.timer = setTimeout(() => void this.poll(), POLL_MS);
  }

  private async act(call: (eventId: string) => Promise<BroadcastView>): Promise<boolean> {
    this.set({ busy: true, actError: null });
    try {
      this.set({ view: await call(this.eventId), error: null, busy: false });
      return true;
    } catch (e) {
      this.set({ actError: this.failure(e)?.message ?? 'error', busy: false });
      return false;
    }
  }

  goLive = () => this.act(goLive);
  end = () => this.act(endBroadcast);
  regenerateKey = () => this.act(regenerateKey);

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.listeners.clear();
  }
}
