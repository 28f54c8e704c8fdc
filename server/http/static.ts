// Serves the built client and the sample assets; client URLs (/floor/...) get index.html so
// that a shared or reloaded link opens the same view.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { API } from '../../shared/api.ts';

export function staticRouter(clientDir: string, assetsDir: string): Router {
  const r = express.Router();
  r.use(
    API.assets,
    express.static(assetsDir, {
      maxAge: '1h',
      setHeaders: (res, file) => {
        res.set('X-Content-Type-Options', 'nosniff');
        // Logos are SVG: never let one run script, even if opened directly.
        if (file.endsWith('.svg')) res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      },
    }),
  );
  r.use(
    express.static(clientDir, {
      index: false,
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`)) res.set('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  const indexFile = path.join(clientDir, 'index.html');
  r.get(/^\/(?!api\/|assets\/).*/, (_req, res, next) => {
    if (!fs.existsSync(indexFile)) {
      next();
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(indexFile);
  });
  return r;
}
