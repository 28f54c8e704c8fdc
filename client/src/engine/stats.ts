// Per-frame CPU time of the engine, kept in a ring buffer for the benchmark and the debug
// overlay. Measures wall time of our update plus Pixi's render submission on the main thread.
const SIZE = 1200;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export class FrameTimer {
  private readonly frames = new Float64Array(SIZE);
  private readonly updates = new Float64Array(SIZE);
  private n = 0;
  private start = 0;
  private updateStart = 0;
  private updateMs = 0;

  begin(): void {
    this.start = performance.now();
  }

  beginUpdate(): void {
    this.updateStart = performance.now();
  }

  endUpdate(): void {
    this.updateMs = performance.now() - this.updateStart;
  }

  end(): void {
    const i = this.n % SIZE;
    this.frames[i] = performance.now() - this.start;
    this.updates[i] = this.updateMs;
    this.n++;
  }

  reset(): void {
    this.n = 0;
  }

  summary(): { frames: number; medianMs: number; p95Ms: number; updateP95Ms: number } {
    const count = Math.min(this.n, SIZE);
    const f = this.frames.slice(0, count).sort();
    const u = this.updates.slice(0, count).sort();
    return { frames: this.n, medianMs: percentile(f, 0.5), p95Ms: percentile(f, 0.95), updateP95Ms: percentile(u, 0.95) };
  }
}
