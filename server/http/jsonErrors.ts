// The last word on /api errors: malformed JSON is 400, a body over the limit is 413, anything
// else is a logged 500; all as { error } JSON, never an HTML stack page.
import type { ErrorRequestHandler } from 'express';

interface HttpishError {
  type?: string;
  status?: number;
  limit?: number;
}

export function jsonErrors(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const e = (err ?? {}) as HttpishError;
    if (e.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'the request body is not valid JSON' });
      return;
    }
    if (e.type === 'entity.too.large') {
      res.status(413).json({ error: `the request body is too large (limit ${Math.round((e.limit ?? 0) / 1024)} KB)` });
      return;
    }
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      res.status(e.status).json({ error: err instanceof Error ? err.message : 'bad request' });
      return;
    }
    log(`[api] ${req.method} ${req.originalUrl} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    res.status(500).json({ error: 'something went wrong on the server; please try again' });
  };
}
