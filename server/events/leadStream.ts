// The cabinet's live feed: a Server-Sent Events stream of "lead" events (LeadEvent in
// shared/api.ts) for the exhibitors the logged-in account may act for (organisers: all).
// Heartbeats keep proxies from closing an idle stream and re-check the session, so a
// logged-out or password-changed session stops receiving leads within one beat.
import type { RequestHandler, Response } from 'express';
import { canActFor } from '../../shared/accounts.ts';
import { currentMe } from '../auth/middleware.ts';
import { sessionFromCookie } from '../auth/sessions.ts';
import type { Storage } from '../storage/storage.ts';
import type { EventBus } from './bus.ts';

export interface LeadStreams {
  /** GET handler; runs after requireAccount. */
  handler: RequestHandler;
  /** Ends every open stream (server shutdown). */
  closeAll(): void;
  /** Open streams now (tests, health). */
  count(): number;
}

export function leadStreams(bus: EventBus, storage: Storage, heartbeatMs = 20_000): LeadStreams {
  const open = new Set<Response>();

  const handler: RequestHandler = (req, res) => {
    const me = currentMe(res);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform keeps the compression middleware from buffering the stream.
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    // Subscribed before the first byte goes out: once a client sees it, no lead is missed.
    const off = bus.on('lead', (event) => {
      if (canActFor(me, event.lead.exhibitorId)) res.write(`event: lead\ndata: ${JSON.stringify(event)}\n\n`);
    });
    res.write('retry: 5000\n: connected\n\n');
    open.add(res);

    const cookie = req.headers.cookie;
    const beat = setInterval(() => {
      void sessionFromCookie(storage, cookie).then(
        (s) => (s ? res.write(': ping\n\n') : res.end()),
        () => res.end(),
      );
    }, heartbeatMs);
    beat.unref();

    res.on('close', () => {
      off();
      clearInterval(beat);
      open.delete(res);
    });
  };

  return {
    handler,
    closeAll() {
      for (const res of open) res.end();
    },
    count: () => open.size,
  };
}
