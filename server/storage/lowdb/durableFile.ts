// A lowdb adapter for files whose acknowledged writes must survive kill -9 and power loss, and
// whose damage must stop the server with one clear message instead of a bare SyntaxError.
// lowdb's own JSONFile (steno: temp file + rename) never fsyncs, so a write it reports done can
// still vanish with the page cache; here the temp file is fsynced before the rename and the
// directory after it, so the new name is on disk too.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';

/**
 * A data file that cannot be used as it is. The message names the file and what to do, and
 * never quotes the file: its content is visitors' personal data (and JSON.parse's own message
 * would quote it).
 */
export class StorageFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(
      `data file ${file} ${problem}. Nothing was changed: the server refuses to start on it rather than overwrite it. ` +
        'Restore the file from a backup, or move it aside to start this part of the data empty, then start again.',
    );
    this.name = 'StorageFileError';
  }
}

/** How files reach the disk; tests give a failing one to play a full or read-only disk. */
export interface Disk {
  /** Replaces `file` with `text` all at once; resolves once the file and its name are on disk. */
  replace(file: string, text: string): Promise<void>;
  /** Makes a folder (and its parents) whose entry is on disk. */
  mkdir(dir: string): Promise<void>;
}

async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The real disk. `fsync: false` exists only to measure what fsync costs (bench:storage). */
export function realDisk(options: { fsync: boolean } = { fsync: true }): Disk {
  let n = 0;
  return {
    async replace(file, text) {
      const dir = path.dirname(file);
      // A dot name: never mistaken for a data file; unique so parallel writers never share one.
      const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${n++}.tmp`);
      try {
        const handle = await fs.open(temp, 'w');
        try {
          await handle.writeFile(text);
          if (options.fsync) await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(temp, file);
      } catch (e) {
        await fs.rm(temp, { force: true });
        throw e;
      }
      if (options.fsync) await syncDir(dir);
    },
    async mkdir(dir) {
      const made = await fs.mkdir(dir, { recursive: true });
      if (made !== undefined && options.fsync) await syncDir(path.dirname(made));
    },
  };
}

/** A JSON file checked against a zod schema on every read (lowdb's Adapter contract). */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly schema: z.ZodType,
    private readonly version: number,
    private readonly disk: Disk,
  ) {}

  /** The file's data, or null when there is no file yet. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      throw new StorageFileError(this.file, `cannot be read (${code ?? 'error'})`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new StorageFileError(this.file, `is not whole JSON (${text.length === 0 ? 'it is empty' : 'truncated or damaged'})`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new StorageFileError(this.file, 'does not hold a data object');
    const version = (raw as { schema?: unknown }).schema;
    if (version !== this.version) {
      throw new StorageFileError(
        this.file,
        typeof version === 'number' ? `has schema version ${version}; this server reads version ${this.version}` : 'has no schema version',
      );
    }
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the top';
      // The path and the kind of problem only: zod's messages may quote values.
      throw new StorageFileError(this.file, `does not have the expected shape (at ${where}: ${issue?.code ?? 'invalid'})`);
    }
    // The checked file as it was read: zod rebuilds records by assignment, which would turn an
    // own "__proto__" key into a prototype; JSON.parse keeps it an ordinary key.
    return raw as T;
  }

  async write(data: T): Promise<void> {
    await this.disk.replace(this.file, JSON.stringify(data));
  }
}
