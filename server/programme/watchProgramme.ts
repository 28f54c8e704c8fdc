// Live reload of the programme: watches the programme folder and its events/ subfolder and
// reloads the ProgrammeStore when a file changes, as server/levels/watchLevels.ts does for
// floors. Folders, not files, are watched so saves through a temp file and a rename count;
// bursts fold into one reload and reloads never overlap (server/files/debouncedReload.ts).
import fs from 'node:fs';
import path from 'node:path';
import { EVENTS_DIR } from '../../shared/programme/files.ts';
import { debouncedReload } from '../files/debouncedReload.ts';
import type { ProgrammeStore } from './programmeStore.ts';

export interface ProgrammeWatcher {
  close(): void;
  /** Resolves when no reload is pending or running (tests). */
  idle(): Promise<void>;
}

const RETRY_MS = 1000;

export function watchProgramme(
  store: ProgrammeStore,
  dir: string,
  opts: { debounceMs?: number; log?: (line: string) => void } = {},
): ProgrammeWatcher {
  const debounceMs = opts.debounceMs ?? 150;
  const log = opts.log ?? ((line: string) => console.log(line));
  const watchers = new Map<string, fs.FSWatcher>();
  const retries = new Set<ReturnType<typeof setTimeout>>();
  let closed = false;
  const reloads = debouncedReload(() => store.load(), { debounceMs, onError: (err) => log(`[programme] reload failed: ${err.message}`) });
  const schedule = () => reloads.schedule();

  const retry = (folder: string) => {
    const t = setTimeout(() => {
      retries.delete(t);
      watch(folder);
    }, RETRY_MS);
    retries.add(t);
  };

  const watch = (folder: string) => {
    if (closed) return;
    try {
      const w = fs.watch(folder, { persistent: false }, (_event, name) => {
        const n = name === null ? null : String(name);
        // Editors' swap files (".x.swp", "x~") are not programme files.
        if (n === null || n === EVENTS_DIR || (n.endsWith('.json') && !n.startsWith('.'))) schedule();
        // The events folder may appear after start: watch it once it exists.
        if (n === EVENTS_DIR && folder === dir && !watchers.has(path.join(dir, EVENTS_DIR))) watch(path.join(dir, EVENTS_DIR));
      });
      watchers.set(folder, w);
      w.on('error', (err) => {
        log(`[programme] watching ${folder} failed: ${err.message}; retrying`);
        w.close();
        watchers.delete(folder);
        retry(folder);
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && folder !== dir) return;
      log(`[programme] cannot watch ${folder}: ${(err as Error).message}; retrying`);
      retry(folder);
    }
  };
  watch(dir);
  watch(path.join(dir, EVENTS_DIR));

  return {
    close() {
      closed = true;
      for (const w of watchers.values()) w.close();
      watchers.clear();
      reloads.close();
      for (const t of retries) clearTimeout(t);
      retries.clear();
    },
    idle: () => reloads.idle(),
  };
}
