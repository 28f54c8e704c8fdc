// One JSON file per domain (exhibitors, accounts, leads, ...), held in memory as an immutable
// value. A change is a pure step from the current value to the next: the next value is written
// durably first and only then becomes the current one, so a write that fails (disk full,
// read-only) changes nothing, in memory or on disk, and cannot be written later by accident.
// Steps asked for while a write runs share the next write (group commit): a burst of leads costs
// one serialisation and one fsync per write, and each caller resolves once its change is on disk.
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { type Disk, DurableJsonFile } from './durableFile.ts';

/** A pure step: returns the next value (or `current` itself for "nothing to change"); may throw to refuse. */
export type Step<T> = (current: T) => T;

interface Pending<T> {
  step: Step<T>;
  resolve: (next: T) => void;
  reject: (e: unknown) => void;
}

export class JsonDoc<T> {
  private current: T;
  private queue: Pending<T>[] = [];
  private writing = false;

  constructor(
    private readonly adapter: Adapter<T>,
    initial: T,
  ) {
    this.current = initial;
  }

  /** The value last written to disk. Never mutate it: build the next value in a step. */
  get data(): T {
    return this.current;
  }

  /** Applies `step` once its write is durable; resolves with the value it produced. */
  update(step: Step<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ step, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.writing || this.queue.length === 0) return;
    this.writing = true;
    void this.flush().finally(() => {
      this.writing = false;
      this.kick();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0);
    let next = this.current;
    const applied: { p: Pending<T>; value: T }[] = [];
    for (const p of batch) {
      try {
        // Steps are pure, so a refused one leaves `next` as the previous step made it.
        next = p.step(next);
        applied.push({ p, value: next });
      } catch (e) {
        p.reject(e);
      }
    }
    if (applied.length === 0) return;
    if (next !== this.current) {
      try {
        await this.adapter.write(next);
      } catch (e) {
        for (const { p } of applied) p.reject(e);
        return;
      }
      this.current = next;
    }
    for (const { p, value } of applied) p.resolve(value);
  }
}

export interface DocOptions<T> {
  schema: z.ZodType;
  /** The value of a file that does not exist yet (it is written on the first change). */
  empty: T;
  disk: Disk;
}

/** Reads a file (checked against its schema, version 1) or starts from `empty`. */
export async function openJsonDoc<T extends { schema: number }>(file: string, options: DocOptions<T>): Promise<JsonDoc<T>> {
  await options.disk.mkdir(path.dirname(file));
  const adapter = new DurableJsonFile<T>(file, options.schema, options.empty.schema, options.disk);
  const data = await adapter.read();
  return new JsonDoc(adapter, data ?? structuredClone(options.empty));
}
