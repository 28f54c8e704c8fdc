// An in-memory work queue with retries and backoff. Each job runs its attempts on its own
// timers, so one unreachable mailbox waiting 30 s does not hold up the others; at most
// `concurrency` attempts run at once. Nothing here survives a restart: the mailer records each
// job's state on its lead and re-queues the unfinished ones on start (resumeQueuedMail).

export type AttemptOutcome =
  | { ok: true; attempt: number }
  /** `retryInMs` is set when another attempt is scheduled; absent means this was the last. */
  | { ok: false; attempt: number; error: unknown; retryInMs?: number };

export interface RetryQueueOptions<T> {
  /** Waits before the 2nd, 3rd, ... attempt; a job gets delaysMs.length + 1 attempts at most. */
  delaysMs: readonly number[];
  concurrency: number;
  attempt(job: T, attempt: number): Promise<void>;
  /** An error that retrying cannot fix (a permanent SMTP rejection, a lead without an address). */
  isPermanent(error: unknown): boolean;
  /** Awaited before the next attempt is scheduled, so state writes stay in order. */
  settled(job: T, outcome: AttemptOutcome): Promise<void>;
}

export class RetryQueue<T> {
  private readonly waiting: Array<{ job: T; attempt: number }> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  /** Jobs not finished yet: waiting, running or waiting for a retry. */
  private pending = 0;
  private idleWaiters: Array<() => void> = [];
  private closed = false;

  constructor(private readonly opts: RetryQueueOptions<T>) {}

  push(job: T): void {
    if (this.closed) return;
    this.pending++;
    this.waiting.push({ job, attempt: 1 });
    this.pump();
  }

  /** Resolves once every pushed job has succeeded or given up (or the queue was closed). */
  idle(): Promise<void> {
    if (this.pending === 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops scheduled retries and waiting jobs, then waits for attempts already under way. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.waiting.length = 0;
    await Promise.allSettled([...this.running]);
    this.pending = 0;
    this.wakeIdle();
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.opts.concurrency) {
      const next = this.waiting.shift();
      if (!next) return;
      const run = this.run(next.job, next.attempt).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async run(job: T, attempt: number): Promise<void> {
    let outcome: AttemptOutcome;
    try {
      await this.opts.attempt(job, attempt);
      outcome = { ok: true, attempt };
    } catch (error) {
      const delay = this.opts.isPermanent(error) ? undefined : this.opts.delaysMs[attempt - 1];
      outcome = delay === undefined ? { ok: false, attempt, error } : { ok: false, attempt, error, retryInMs: delay };
    }
    try {
      await this.opts.settled(job, outcome);
    } catch {
      // settled() reports its own problems; the queue must keep going regardless.
    }
    if (this.closed) return;
    if (!outcome.ok && outcome.retryInMs !== undefined) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.waiting.push({ job, attempt: attempt + 1 });
        this.pump();
      }, outcome.retryInMs);
      // A pending retry must not keep a finished process alive; the lead stays "queued" and
      // is resumed on the next start.
      timer.unref();
      this.timers.add(timer);
      return;
    }
    this.pending--;
    if (this.pending === 0) this.wakeIdle();
  }

  private wakeIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
