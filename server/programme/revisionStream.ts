// Live reload into open programme pages: a Server-Sent Events stream that says "revision N"
// whenever the served programme changes (an organiser saved a file; programmeStore.ts reloads
// it). Pages then fetch what they show again. One idle connection per open programme page;
// heartbeats keep proxies from closing it, and a cap keeps a flood from holding every socket.
import type { RequestHandler, Response } from 'express';
import type { ProgrammeStore } from './programmeStore.ts';

/** Open streams at most per process; more get 503 and their pages simply do not live-reload. */
export const MAX_REVISION_STREAMS = 20_000;

export interface RevisionStreams {
  handler: RequestHandler;
  closeAll(): void;
  count(): number;
}

export function revisionStreams(store: ProgrammeStore, heartbeatMs = 25_000, max = MAX_REVISION_STREAMS): RevisionStreams {
  const open = new Set<Response>();
  const beat = setInterval(() => {
    for (const res of open) res.write(': ping\n\n');
  }, heartbeatMs);
  beat.unref();
  store.onChange((change) => {
    if (!change.changed) return;
    const line = `event: revision\ndata: ${JSON.stringify({ revision: store.revision })}\n\n`;
    for (const res of open) res.write(line);
  });

  const handler: RequestHandler = (_req, res) => {
    if (open.size >= max) {
      res.status(503).set('Retry-After', '60').json({ error: 'too many live programme pages on this server; reload later' });
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform keeps the compression middleware from buffering the stream.
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    // The current revision first: a page that loaded an older one catches up at once.
    res.write(`retry: 10000\nevent: revision\ndata: ${JSON.stringify({ revision: store.revision })}\n\n`);
    open.add(res);
    res.on('close', () => open.delete(res));
  };

  return {
    handler,
    closeAll() {
      clearInterval(beat);
      for (const res of open) res.end();
      open.clear();
    },
    count: () => open.size,
  };
}
