// Reloads asked for in bursts (an editor writes, renames and touches a file) fold into one by a
// short debounce, and reloads never overlap: one asked for while one runs runs once after it.
// The floor and programme watchers share it; each watches its own folders.
export interface DebouncedReload {
  /** Asks for a reload in `debounceMs`, folding with any asked for before it. */
  schedule(): void;
  close(): void;
  /** Resolves when no reload is pending or running (tests). */
  idle(): Promise<void>;
}

export function debouncedReload(load: () => Promise<void>, opts: { debounceMs: number; onError: (err: Error) => void }): DebouncedReload {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;

  const reload = async (): Promise<void> => {
    do {
      again = false;
      try {
        await load();
      } catch (err) {
        // The folder vanished or cannot be read: keep serving what we have.
        opts.onError(err as Error);
      }
    } while (again && !closed);
  };

  return {
    schedule() {
      if (closed) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        if (running) {
          again = true;
          return;
        }
        running = reload().finally(() => (running = null));
      }, opts.debounceMs);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    async idle() {
      while (timer || running) {
        if (running) await running;
        else await new Promise((r) => setTimeout(r, opts.debounceMs));
      }
    },
  };
}
