// Narrows Colyseus' matchmaking controller (one per process): no CORS headers of its own (its
// defaults echo any Origin with credentials on every response, /api included, because its
// request listener runs in front of express), only the methods our client calls, and each seat
// it hands out is recorded against the address that asked (see guard.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { matchMaker } from '@colyseus/core';
import type { PerAddressCounts } from './perAddress.ts';

/** What the client uses: joinOrCreate (floor, stand chat), joinById, reconnect. Never create/join. */
export const EXPOSED_METHODS: readonly string[] = ['joinOrCreate', 'joinById', 'reconnect'];

/** The address and counters of the matchmaking request being served. */
export const matchmakeRequest = new AsyncLocalStorage<{ address: string; counts: PerAddressCounts }>();

let narrowed = false;

export function narrowController(): void {
  if (narrowed) return;
  narrowed = true;
  const c = matchMaker.controller;
  // guard.ts answers CORS for allowed origins itself, on matchmaking routes only.
  c.DEFAULT_CORS_HEADERS = {} as typeof c.DEFAULT_CORS_HEADERS;
  c.getCorsHeaders = () => ({});
  c.exposedMethods = [...EXPOSED_METHODS];
  const invoke = c.invokeMethod.bind(c);
  c.invokeMethod = async (method, roomName, clientOptions, authOptions) => {
    const seat: unknown = await invoke(method, roomName, clientOptions, authOptions);
    const req = matchmakeRequest.getStore();
    const sessionId = (seat as { sessionId?: unknown } | null)?.sessionId;
    if (req && typeof sessionId === 'string') await req.counts.reserved(req.address, sessionId);
    return seat;
  };
}
