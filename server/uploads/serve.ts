// Serves stored uploads at /uploads/<exhibitorId>/<random>.<ext> (mount the router at
// API.uploads; it answers 404 for everything else under it): only names the receiver can have
// generated, only the allowed types, each with its own Content-Type and headers that stop
// a browser from running anything (nosniff, a script-free CSP, a sandbox for media). No
// directory listing, no path outside the uploads dir.
import path from 'node:path';
import express, { type Router } from 'express';
import { typeByExt } from './kinds.ts';

const STORED_NAME = /^([0-9a-f]{32})\.([a-z0-9]{2,4})$/;
const EXHIBITOR_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Media opened on its own renders in a sandbox; pages embedding it are unaffected. */
const MEDIA_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";
/**
 * Browsers show PDFs in their own viewer, which a sandbox or object-src 'none' would block;
 * PDF scripts run inside that viewer, never in this origin.
 */
const PDF_CSP = "default-src 'none'; frame-ancestors 'self'";

export function serveUploads(dir: string): Router {
  const root = path.resolve(dir);
  const r = express.Router();
  r.get('/:exhibitorId/:file', (req, res, next) => {
    const exhibitorId = String(req.params.exhibitorId);
    const match = STORED_NAME.exec(String(req.params.file));
    const type = match?.[2] ? typeByExt(match[2]) : undefined;
    if (!EXHIBITOR_ID.test(exhibitorId) || !match || !type) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    const file = path.join(root, exhibitorId, match[0]);
    res.set({
      'Content-Type': type.mime === 'text/vtt' ? 'text/vtt; charset=utf-8' : type.mime,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': type.ext === 'pdf' ? PDF_CSP : MEDIA_CSP,
      'Content-Disposition': `inline; filename="${match[0]}"`,
      'Cross-Origin-Resource-Policy': 'same-site',
    });
    res.sendFile(
      file,
      // Names are random and files never change: cache for a year.
      { maxAge: '365d', immutable: true, dotfiles: 'deny', acceptRanges: true },
      (err?: Error & { status?: number; statusCode?: number }) => {
        if (!err) return;
        if (res.headersSent) {
          next(err);
          return;
        }
        const status = err.status ?? err.statusCode ?? 500;
        // Drop the type headers set for the file: this answer is a short text.
        res.removeHeader('Content-Disposition');
        res.removeHeader('Cache-Control');
        res.status(status === 404 ? 404 : status).type('text/plain').send(status === 404 ? 'Not found' : 'Cannot read the file');
      },
    );
  });
  // Nothing else lives under the uploads path: no listings, and no fall-through to the client.
  r.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  return r;
}
