// Exhibitors' uploads: multer receives, file-type sniffs the bytes, files are served safely.
// Mount `serve` at API.uploads (app.use(API.uploads, uploads.serve)); `receive` goes behind
// the cabinet's session and ownership checks at API.cabinetUpload.
import fs from 'node:fs';
import path from 'node:path';
import { receiveUploads } from './receive.ts';
import { serveUploads } from './serve.ts';
import type { Uploads } from './types.ts';

export interface UploadsOptions {
  dir: string;
  /** Overall cap in bytes for any upload; per-kind limits (server/uploads/kinds.ts) apply below it. */
  maxBytes?: number;
}

export function createUploads(opts: UploadsOptions): Uploads {
  fs.mkdirSync(opts.dir, { recursive: true });
  // Temp files of uploads cut short by a crash are never going to be finished.
  fs.rmSync(path.join(opts.dir, '.incoming'), { recursive: true, force: true });
  return {
    receive: receiveUploads(opts),
    serve: serveUploads(opts.dir),
  };
}
