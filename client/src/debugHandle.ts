// A handle on window for tests, benchmarks and curious organisers in the console:
// `__expo.hall()` is the engine API, `__expo.store` the store. Read-mostly by design.
import { hall } from './engine/hallApi.ts';
import { useStore } from './store/index.ts';

declare global {
  interface Window {
    __expo?: { hall: typeof hall; store: typeof useStore };
  }
}

export function exposeDebugHandle(): void {
  window.__expo = { hall, store: useStore };
}
