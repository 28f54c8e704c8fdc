// A bound on concurrent password hashing. scrypt runs on libuv's thread pool (4 threads by
// default), the same pool that performs every file write; 80 parallel logins kept all four
// threads hashing and a stand-event write waited 21.8 s. The gate lets `concurrency` hashes
// run at once and queues at most `queue` more; beyond that a login is refused at once (503 +
// Retry-After) instead of waiting, so writes always find a free thread.
import os from 'node:os';

/** The queue is full: try again in about `retryAfterMs`. */
export class HashGateFull extends Error {
  constructor(readonly retryAfterMs: number) {
    super('password checks are busy');
    this.name = 'HashGateFull';
  }
}

export interface HashGateOptions {
  /** Hashes at once; default: cores − 1, and always at least one pool thread left for files. */
  concurrency?: number;
  /** Hashes waiting for a slot before new ones are refused (default 16). */
  queue?: number;
}

/** One less than the cores and than libuv's pool, at least 1 (2 cores: 1 hash at a time). */
export function defaultHashConcurrency(): number {
  const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  return Math.max(1, Math.min(os.availableParallelism() - 1, pool - 1));
}

export class HashGate {
  readonly concurrency: number;
  readonly queueLimit: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Moving average of one hash's duration, for Retry-After. */
  private avgMs = 100;

  constructor(options: HashGateOptions = {}) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? defaultHashConcurrency()));
    this.queueLimit = Math.max(0, Math.floor(options.queue ?? 16));
  }

  /** Runs `work` when a slot is free; throws HashGateFull at once when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLimit) throw new HashGateFull(this.expectedWaitMs());
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.avgMs = 0.8 * this.avgMs + 0.2 * (performance.now() - started);
      // The slot passes straight to the next waiter, so `running` stays counted.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** How long a newcomer would wait for a slot now. */
  expectedWaitMs(): number {
    return ((this.waiting.length + 1) * this.avgMs) / this.concurrency;
  }

  /** For tests and health: hashes running and waiting. */
  load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
