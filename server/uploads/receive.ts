// Receives one upload: multer streams the "file" field to a temp file under <dir>/.incoming
// (never the whole video in memory), the bytes decide what it is, and an accepted file is
// renamed into <dir>/<exhibitorId>/<random>.<ext>: atomic, and never under the client's name.
// Anything refused is deleted and answered 400 (malformed), 413 (too big) or 415 (wrong type).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import type { ApiError, UploadResult } from '../../shared/api.ts';
import { KIND_LIMITS, KIND_NAMES, UPLOAD_KINDS, type UploadKind, declaredKind, formatBytes } from './kinds.ts';
import { isCleanUtf8, sniffFile } from './sniff.ts';

export const FIELD = 'file';
const EXHIBITOR_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A refusal with its HTTP status; the temp file is removed by the caller. */
class Refusal extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** Characters that reorder text or mean something to file systems and shells. */
const UNSAFE_IN_NAMES = new Set(['\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '<', '>', ':', '"', '|', '?', '*']);

/** The original name, for display only: no path, no control or direction-override characters. */
export function sanitizeName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f && !UNSAFE_IN_NAMES.has(ch);
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return clean || 'file';
}

function multerRefusal(err: multer.MulterError, capBytes: number): Refusal {
  switch (err.code) {
    case 'LIMIT_FILE_SIZE':
      return new Refusal(413, `the file is larger than the ${formatBytes(capBytes)} upload limit`);
    case 'LIMIT_UNEXPECTED_FILE':
      return new Refusal(400, `send the file in the form field "${FIELD}"`);
    case 'LIMIT_FILE_COUNT':
      return new Refusal(400, 'send one file at a time');
    default:
      return new Refusal(400, `malformed upload: ${err.message}`);
  }
}

export interface ReceiveOptions {
  dir: string;
  /** Overall cap for any upload (defaults to the largest per-kind limit). */
  maxBytes?: number;
}

export function receiveUploads(opts: ReceiveOptions): RequestHandler {
  const incoming = path.join(opts.dir, '.incoming');
  const capBytes = opts.maxBytes ?? Math.max(...Object.values(KIND_LIMITS));
  const upload = multer({
    storage: multer.diskStorage({
      destination: (_req, _file, cb) => {
        fs.mkdir(incoming, { recursive: true }).then(
          () => cb(null, incoming),
          (err: Error) => cb(err, incoming),
        );
      },
      filename: (_req, _file, cb) => cb(null, `${randomBytes(16).toString('hex')}.part`),
    }),
    limits: { fileSize: capBytes, files: 1, fields: 10, parts: 12, fieldSize: 1024, headerPairs: 50 },
    // Browsers send file names as raw UTF-8 ("Презентация.pdf"), not latin1.
    defParamCharset: 'utf8',
  }).single(FIELD);

  function parse(req: Request, res: Response): Promise<void> {
    return new Promise((resolve, reject) => {
      upload(req, res, (err: unknown) => {
        if (err instanceof multer.MulterError) reject(multerRefusal(err, capBytes));
        // File-system trouble is ours (500); anything else is a body busboy could not parse.
        else if (err && typeof err === 'object' && 'syscall' in err) reject(err instanceof Error ? err : new Error(String(err)));
        else if (err) reject(new Refusal(400, `malformed multipart body: ${err instanceof Error ? err.message : String(err)}`));
        else resolve();
      });
    });
  }

  async function accept(req: Request, temp: Express.Multer.File): Promise<UploadResult> {
    const exhibitorId = String(req.params.exhibitorId);
    const sniffed = await sniffFile(temp.path);
    if (!sniffed.ok) {
      throw new Refusal(415, `"${sanitizeName(temp.originalname)}" is actually ${sniffed.actual}; upload ${allowedList()}`);
    }
    const type = sniffed.type;
    // The cabinet says which slot it fills (?kind=image for a gallery picture, ...).
    const expected = typeof req.query.kind === 'string' ? req.query.kind : undefined;
    if (expected !== undefined) {
      if (!UPLOAD_KINDS.includes(expected as UploadKind)) {
        throw new Refusal(400, `kind must be one of ${UPLOAD_KINDS.join(', ')}`);
      }
      if (expected !== type.kind) throw new Refusal(415, `expected ${KIND_NAMES[expected as UploadKind]}, but the file is ${type.label}`);
    }
    const declared = declaredKind(temp.originalname, temp.mimetype);
    if (declared !== undefined && declared !== type.kind) {
      throw new Refusal(415, `"${sanitizeName(temp.originalname)}" is named or declared as ${KIND_NAMES[declared]}, but it is actually ${type.label}`);
    }
    const limit = Math.min(KIND_LIMITS[type.kind], capBytes);
    if (temp.size > limit) {
      throw new Refusal(413, `${type.label} may be at most ${formatBytes(limit)}; this file is ${formatBytes(temp.size)}`);
    }
    if (type.kind === 'captions' && !isCleanUtf8(await fs.readFile(temp.path))) {
      throw new Refusal(415, 'captions must be UTF-8 text without NUL bytes');
    }
    const name = `${randomBytes(16).toString('hex')}.${type.ext}`;
    const ownDir = path.join(opts.dir, exhibitorId);
    await fs.mkdir(ownDir, { recursive: true });
    await fs.rename(temp.path, path.join(ownDir, name));
    return { path: `uploads/${exhibitorId}/${name}`, type: type.mime, size: temp.size, name: sanitizeName(temp.originalname) };
  }

  return async (req, res) => {
    let file: Express.Multer.File | undefined;
    try {
      if (!EXHIBITOR_ID.test(String(req.params.exhibitorId))) throw new Refusal(400, 'bad exhibitor id');
      if (!req.is('multipart/form-data')) throw new Refusal(400, `send multipart/form-data with the file in the field "${FIELD}"`);
      await parse(req, res);
      file = req.file;
      if (!file) throw new Refusal(400, `no file: send it in the form field "${FIELD}"`);
      if (file.size === 0) throw new Refusal(400, 'the file is empty');
      const result = await accept(req, file);
      file = undefined; // moved into place
      res.status(201).json(result satisfies UploadResult);
    } catch (err) {
      if (err instanceof Refusal) {
        res.status(err.status).json({ error: err.message } satisfies ApiError);
      } else {
        console.error('[uploads] failed to store an upload:', err);
        res.status(500).json({ error: 'the upload could not be stored; try again' } satisfies ApiError);
      }
    } finally {
      if (file) await fs.rm(file.path, { force: true });
    }
  };
}

function allowedList(): string {
  return 'JPEG, PNG, WebP or GIF images, MP4 or WebM video, PDF documents or WebVTT captions';
}
