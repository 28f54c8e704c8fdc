// Live reload of floor files: watches the levels folder and reloads the LevelStore when a
// floor file changes, so organisers see their edits without restarting the server.
// Watching the directory (not each file) survives editors that save through a temp file and
// a rename, which replaces the file's inode. Bursts of events (an editor writes, renames and
// touches) are folded into one reload by a short debounce; reloads never overlap
// (server/files/debouncedReload.ts).
import fs from 'node:fs';
import { isLevelFile } from '../../shared/level/files.ts';
import { debouncedReload } from '../files/debouncedReload.ts';
import type { LevelStore } from './levelStore.ts';

export interface LevelWatcher {
  close(): void;
  /** Resolves when no reload is pending or running (tests). */
  idle(): Promise<void>;
}

export interface WatchOptions {
  debounceMs?: number;
  log?: (line: string) => void;
}

/** How long to wait before watching again after the folder's watcher failed. */
const RETRY_MS = 1000;

export function watchLevels(store: LevelStore, dir: string, opts: WatchOptions = {}): LevelWatcher {
  const debounceMs = opts.debounceMs ?? 150;
  const log = opts.log ?? ((line: string) => console.log(line));
  let watcher: fs.FSWatcher | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const reloads = debouncedReload(() => store.load(), { debounceMs, onError: (err) => log(`[levels] reload failed: ${err.message}`) });
  const schedule = () => reloads.schedule();

  const start = () => {
    if (closed) return;
    try {
      watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
        // Editors' swap and backup files are not floors; an unnamed event might be anything.
        if (name === null || isLevelFile(String(name))) schedule();
      });
      watcher.on('error', (err) => {
        log(`[levels] watching ${dir} failed: ${err.message}; retrying`);
        watcher?.close();
        watcher = null;
        retry = setTimeout(start, RETRY_MS);
      });
    } catch (err) {
      log(`[levels] cannot watch ${dir}: ${(err as Error).message}; retrying`);
      retry = setTimeout(start, RETRY_MS);
    }
  };
  start();

  return {
    close() {
      closed = true;
      watcher?.close();
      watcher = null;
      reloads.close();
      if (retry) clearTimeout(retry);
    },
    idle: () => reloads.idle(),
  };
}
