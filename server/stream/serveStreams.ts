// Serves the stream hall's HLS files: playlists change while live, so they are never cached
// (no-cache: revalidate every fetch); segments never change once written (ffmpeg renames a
// finished temp file into place), so they are immutable. Only names ffmpeg writes are
// served, from the streams folder alone: no temp files, no other part of the data folder.
import path from 'node:path';
import express, { type Router } from 'express';

/** <eventId>/[src|low/]<name>.<ext>: what ffmpegArgs writes, nothing else. */
const SERVABLE = /^\/[a-z0-9][a-z0-9-]{0,79}\/(?:(?:src|low)\/)?[a-z0-9_-]{1,40}\.(m3u8|ts|m4s|mp4|vtt)$/;

const TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  vtt: 'text/vtt; charset=utf-8',
};

export function serveStreams(streamsDir: string): Router {
  const r = express.Router();
  r.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !SERVABLE.test(req.path)) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    next();
  });
  r.use(
    express.static(path.resolve(streamsDir), {
      index: false,
      dotfiles: 'deny',
      redirect: false,
      fallthrough: false,
      setHeaders: (res, file) => {
        const ext = path.extname(file).slice(1);
        res.set('Content-Type', TYPES[ext] ?? 'application/octet-stream');
        res.set('X-Content-Type-Options', 'nosniff');
        res.set('Cache-Control', ext === 'm3u8' ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    }),
  );
  // fallthrough: false turns a missing file into an error; answer it as a plain 404.
  r.use(((err, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = (err as { status?: number }).status ?? 500;
    res.status(status === 500 ? 500 : 404).type('text/plain').send(status === 500 ? 'Error' : 'Not found');
  }) as express.ErrorRequestHandler);
  return r;
}
