// Serves the built client and the sample assets; client URLs (/floor/...) get index.html so
// that a shared or reloaded link opens the same view. Never serves a private folder (the seed
// files, the data folder), even when one lies inside a served folder: the sample seed sits in
// assets/seed, and an operator may point DATA_DIR anywhere.
import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { API } from '../../shared/api.ts';

/** True when `file` is `dir` itself or lies below it. */
function inside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * 404 for any URL that maps into one of `privateDirs` under `root`. Checked on the decoded path,
 * as express.static decodes it ("%2e" or "%73eed" reach the same file).
 */
function refusePrivate(root: string, privateDirs: readonly string[]): RequestHandler {
  const dirs = privateDirs.map((d) => path.resolve(d));
  return (req, res, next) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(req.path);
    } catch {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    const file = path.join(root, path.normalize(decoded));
    if (dirs.some((d) => inside(file, d))) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    next();
  };
}

/** Client views are extension-less paths (/floor/x/stand/y, /cabinet/...); a missing file is a 404. */
const CLIENT_VIEW = /^\/(?!api\/|assets\/|uploads\/)(?:[^/]*\/)*[^/.]*$/;

export function staticRouter(clientDir: string, assetsDir: string, privateDirs: readonly string[] = []): Router {
  const r = express.Router();
  const assetsRoot = path.resolve(assetsDir);
  const clientRoot = path.resolve(clientDir);
  r.use(
    API.assets,
    refusePrivate(assetsRoot, privateDirs),
    express.static(assetsRoot, {
      maxAge: '1h',
      setHeaders: (res, file) => {
        res.set('X-Content-Type-Options', 'nosniff');
        // Logos are SVG: never let one run script, even if opened directly.
        if (file.endsWith('.svg')) res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      },
    }),
  );
  // The build writes brotli (quality 11) and gzip copies beside each script and stylesheet
  // (vite.config.ts): served as they are, a slow link gets ~15 % fewer bytes than from the
  // compression middleware's quick on-the-fly brotli, and the server spends no CPU on them.
  r.use(
    refusePrivate(clientRoot, privateDirs),
    expressStaticGzip(clientRoot, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        setHeaders: (res, file) => {
          if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        },
      },
    }),
  );
  const indexFile = path.join(clientRoot, 'index.html');
  r.get(CLIENT_VIEW, (_req, res, next) => {
    if (!fs.existsSync(indexFile)) {
      next();
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(indexFile);
  });
  return r;
}
