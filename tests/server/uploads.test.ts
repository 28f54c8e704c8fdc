// Uploads through a real HTTP server on 127.0.0.1: real file bytes are sniffed, disguised and
// script-bearing files are refused, sizes are capped, names on disk are generated, and stored
// files come back with safe headers and never from outside the uploads folder.
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type ApiError, type UploadResult, apiPath } from '../../shared/api.ts';
import { createUploads } from '../../server/uploads/uploads.ts';
import { type TestServer, bootTestServer, login } from '../fixtures/cabinet.ts';

// --- Minimal real files -------------------------------------------------------------------

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 1×1 RGBA PNG built chunk by chunk (signature, IHDR, IDAT, IEND with real CRCs). */
function png(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(Buffer.from([0, 0x33, 0x66, 0xcc, 0xff]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 2×2 JPEG as Chromium's canvas encodes it. */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABf/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AIADg9//2Q==',
  'base64',
);

/** A one-page PDF with a correct cross-reference table. */
function pdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** EBML element with a one-byte size (enough for these small elements). */
function ebml(id: number[], data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(id), Buffer.from([0x80 | data.length]), data]);
}

/** A WebM container: the EBML header (DocType "webm") and an empty Segment with its Info. */
function webm(): Buffer {
  const header = Buffer.concat([
    ebml([0x42, 0x86], Buffer.from([1])), // EBMLVersion
    ebml([0x42, 0xf7], Buffer.from([1])), // EBMLReadVersion
    ebml([0x42, 0xf2], Buffer.from([4])), // EBMLMaxIDLength
    ebml([0x42, 0xf3], Buffer.from([8])), // EBMLMaxSizeLength
    ebml([0x42, 0x82], Buffer.from('webm')), // DocType
    ebml([0x42, 0x87], Buffer.from([4])), // DocTypeVersion
    ebml([0x42, 0x85], Buffer.from([2])), // DocTypeReadVersion
  ]);
  const info = ebml([0x15, 0x49, 0xa9, 0x66], ebml([0x2a, 0xd7, 0xb1], Buffer.from([0x0f, 0x42, 0x40]))); // TimecodeScale 1e6
  return Buffer.concat([ebml([0x1a, 0x45, 0xdf, 0xa3], header), ebml([0x18, 0x53, 0x80, 0x67], info)]);
}

/** An MP4 "ftyp" box (isom) followed by an empty "free" box. */
function mp4(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypisom', 4, 'latin1');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write('isommp41', 16, 'latin1');
  const free = Buffer.alloc(8);
  free.writeUInt32BE(8, 0);
  free.write('free', 4, 'latin1');
  return Buffer.concat([ftyp, free]);
}

const VTT = Buffer.from('WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nДобро пожаловать на стенд!\n', 'utf8');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126), Buffer.from('PE\0\0'), Buffer.alloc(64)]);

// --- The server under test ----------------------------------------------------------------

const MB = 1024 * 1024;
let dir: string;
let smallDir: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'virtual-expo-uploads-'));
  smallDir = await fs.mkdtemp(path.join(os.tmpdir(), 'virtual-expo-uploads-small-'));
  const uploads = createUploads({ dir });
  const capped = createUploads({ dir: smallDir, maxBytes: 1 * MB });
  const app = express();
  app.post('/up/:exhibitorId', uploads.receive);
  app.post('/small/:exhibitorId', capped.receive);
  app.use(API.uploads, uploads.serve);
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rm(smallDir, { recursive: true, force: true });
});

async function upload(
  bytes: Buffer,
  name: string,
  mime: string,
  opts: { route?: string; field?: string; query?: string } = {},
): Promise<{ status: number; body: UploadResult & ApiError }> {
  const form = new FormData();
  form.append(opts.field ?? 'file', new Blob([new Uint8Array(bytes)], { type: mime }), name);
  const res = await fetch(`${base}${opts.route ?? '/up/ex-1'}${opts.query ?? ''}`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as UploadResult & ApiError };
}

/** A GET with the path exactly as written (fetch would normalise "..", this does not). */
function rawGet(urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${urlPath}`, { path: urlPath }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

async function incomingLeftovers(root: string): Promise<string[]> {
  return fs.readdir(path.join(root, '.incoming')).catch(() => []);
}

describe('receiving uploads', () => {
  it('accepts real PNG, JPEG, PDF, WebM, MP4 and WebVTT files under generated names', async () => {
    const cases = [
      { bytes: png(), name: 'logo.png', mime: 'image/png', type: 'image/png', ext: 'png' },
      { bytes: JPEG, name: 'Фото стенда.jpg', mime: 'image/jpeg', type: 'image/jpeg', ext: 'jpg' },
      { bytes: pdf(), name: 'Прайс 2025.pdf', mime: 'application/pdf', type: 'application/pdf', ext: 'pdf' },
      { bytes: webm(), name: 'promo.webm', mime: 'video/webm', type: 'video/webm', ext: 'webm' },
      { bytes: mp4(), name: 'promo.mp4', mime: 'video/mp4', type: 'video/mp4', ext: 'mp4' },
      { bytes: VTT, name: 'ru.vtt', mime: 'text/vtt', type: 'text/vtt', ext: 'vtt' },
    ];
    for (const c of cases) {
      const { status, body } = await upload(c.bytes, c.name, c.mime);
      expect(status, `${c.name}: ${body.error ?? ''}`).toBe(201);
      expect(body.type).toBe(c.type);
      expect(body.size).toBe(c.bytes.length);
      expect(body.name).toBe(c.name);
      expect(body.path).toMatch(new RegExp(`^uploads/ex-1/[0-9a-f]{32}\\.${c.ext}$`));
      const onDisk = path.join(dir, body.path.slice('uploads/'.length));
      expect(Buffer.compare(await fs.readFile(onDisk), c.bytes)).toBe(0);
    }
    const stored = await fs.readdir(path.join(dir, 'ex-1'));
    expect(stored).toHaveLength(cases.length);
    for (const name of stored) expect(name).toMatch(/^[0-9a-f]{32}\.(png|jpg|pdf|webm|mp4|vtt)$/);
  });

  it('keeps the type the bytes say within a kind, and cleans the display name', async () => {
    // A PNG saved as .jpg is still an image: it is stored as what it is.
    const { status, body } = await upload(png(), '../../\u202Eevil   photo.jpg', 'image/jpeg');
    expect(status).toBe(201);
    expect(body.type).toBe('image/png');
    expect(body.path).toMatch(/\.png$/);
    expect(body.name).toBe('evil photo.jpg');
  });

  it('refuses an HTML page named photo.jpg, saying what it is', async () => {
    const { status, body } = await upload(HTML, 'photo.jpg', 'image/jpeg');
    expect(status).toBe(415);
    expect(body.error).toMatch(/HTML page/);
  });

  it('refuses SVG (script-bearing) even when declared honestly', async () => {
    const { status, body } = await upload(SVG, 'logo.svg', 'image/svg+xml');
    expect(status).toBe(415);
    expect(body.error).toMatch(/SVG/);
    const prolog = await upload(Buffer.concat([Buffer.from('<?xml version="1.0"?>\n'), SVG]), 'logo.png', 'image/png');
    expect(prolog.status).toBe(415);
    expect(prolog.body.error).toMatch(/SVG/);
  });

  it('refuses a program disguised as a photo and a PNG declared as a PDF', async () => {
    const exe = await upload(EXE, 'photo.jpg', 'image/jpeg');
    expect(exe.status).toBe(415);
    expect(exe.body.error).toMatch(/EXE/);
    const disguised = await upload(png(), 'price.pdf', 'application/pdf');
    expect(disguised.status).toBe(415);
    expect(disguised.body.error).toMatch(/PDF document.*actually a PNG image/);
  });

  it('checks the slot the cabinet asks for', async () => {
    const wrong = await upload(pdf(), 'brochure.pdf', 'application/pdf', { query: '?kind=image' });
    expect(wrong.status).toBe(415);
    expect(wrong.body.error).toMatch(/expected an image/);
    const right = await upload(pdf(), 'brochure.pdf', 'application/pdf', { query: '?kind=document' });
    expect(right.status).toBe(201);
    const bad = await upload(pdf(), 'brochure.pdf', 'application/pdf', { query: '?kind=script' });
    expect(bad.status).toBe(400);
  });

  it('accepts captions only as clean UTF-8 text starting with WEBVTT', async () => {
    const nul = await upload(Buffer.concat([VTT, Buffer.from([0])]), 'ru.vtt', 'text/vtt');
    expect(nul.status).toBe(415);
    const latin1 = await upload(Buffer.concat([Buffer.from('WEBVTT\n\n'), Buffer.from([0xe9, 0xe8])]), 'ru.vtt', 'text/vtt');
    expect(latin1.status).toBe(415);
    const notVtt = await upload(Buffer.from('1\n00:00:00,000 --> 00:00:02,000\nSRT\n'), 'ru.vtt', 'text/vtt');
    expect(notVtt.status).toBe(415);
    expect(notVtt.body.error).toMatch(/plain text/);
  });

  it('answers 413 with the limit for files over their kind limit or the overall cap', async () => {
    const bigImage = Buffer.concat([png(), Buffer.alloc(5 * MB + 1)]);
    const image = await upload(bigImage, 'huge.png', 'image/png');
    expect(image.status).toBe(413);
    expect(image.body.error).toMatch(/at most 5 MB/);

    const capped = await upload(Buffer.concat([pdf(), Buffer.alloc(2 * MB)]), 'big.pdf', 'application/pdf', { route: '/small/ex-1' });
    expect(capped.status).toBe(413);
    expect(capped.body.error).toMatch(/1 MB/);

    const bigVtt = await upload(Buffer.concat([VTT, Buffer.alloc(200 * 1024, 0x41)]), 'ru.vtt', 'text/vtt');
    expect(bigVtt.status).toBe(413);
    expect(bigVtt.body.error).toMatch(/200 KB/);
  });

  it('answers 400 without the "file" field, for empty files and for bad exhibitor ids', async () => {
    const other = await upload(png(), 'logo.png', 'image/png', { field: 'picture' });
    expect(other.status).toBe(400);
    expect(other.body.error).toMatch(/"file"/);

    const fieldsOnly = new FormData();
    fieldsOnly.append('title', 'no file here');
    const res = await fetch(`${base}/up/ex-1`, { method: 'POST', body: fieldsOnly });
    expect(res.status).toBe(400);

    const json = await fetch(`${base}/up/ex-1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(400);

    expect((await upload(Buffer.alloc(0), 'empty.png', 'image/png')).status).toBe(400);
    const malformed = await fetch(`${base}/up/ex-1`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a\u0007.png"\r\n\r\nabc\r\n--xyz--\r\n',
    });
    expect(malformed.status).toBe(400);
    expect((await upload(png(), 'logo.png', 'image/png', { route: '/up/..%2Fetc' })).status).toBe(400);
  });

  it('leaves no temp files behind after refusals', async () => {
    expect(await incomingLeftovers(dir)).toEqual([]);
    expect(await incomingLeftovers(smallDir)).toEqual([]);
  });
});

describe('serving uploads', () => {
  let pngPath: string;
  let pdfPath: string;
  let vttPath: string;
  beforeAll(async () => {
    pngPath = (await upload(png(), 'logo.png', 'image/png', { route: '/up/ex-2' })).body.path;
    pdfPath = (await upload(pdf(), 'price.pdf', 'application/pdf', { route: '/up/ex-2' })).body.path;
    vttPath = (await upload(VTT, 'ru.vtt', 'text/vtt', { route: '/up/ex-2' })).body.path;
  });

  it('serves images with their type, nosniff, a script-free sandboxing CSP and long caching', async () => {
    const res = await fetch(`${base}/${pngPath}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/sandbox/);
    expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), png())).toBe(0);
  });

  it('serves PDFs inline as PDF and captions as UTF-8 WebVTT', async () => {
    const doc = await fetch(`${base}/${pdfPath}`);
    expect(doc.headers.get('content-type')).toBe('application/pdf');
    expect(doc.headers.get('content-disposition')).toMatch(/^inline/);
    expect(doc.headers.get('x-content-type-options')).toBe('nosniff');
    const vtt = await fetch(`${base}/${vttPath}`);
    expect(vtt.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
  });

  it('supports range requests (video seeking)', async () => {
    const res = await fetch(`${base}/${pdfPath}`, { headers: { range: 'bytes=0-3' } });
    expect(res.status).toBe(206);
    expect(await res.text()).toBe('%PDF');
  });

  it('answers 404 for traversal, listings, temp files, unknown types and missing files', async () => {
    // Files that exist but must never be served from here.
    const ex2 = path.join(dir, 'ex-2');
    await fs.writeFile(path.join(ex2, `${'a'.repeat(32)}.html`), HTML);
    await fs.writeFile(path.join(ex2, `${'b'.repeat(32)}.svg`), SVG);
    await fs.mkdir(path.join(dir, '.incoming'), { recursive: true });
    await fs.writeFile(path.join(dir, '.incoming', `${'c'.repeat(32)}.png`), png());
    await fs.writeFile(path.join(dir, 'secret.png'), png());

    const paths = [
      `/uploads/ex-2/${'a'.repeat(32)}.html`,
      `/uploads/ex-2/${'b'.repeat(32)}.svg`,
      `/uploads/.incoming/${'c'.repeat(32)}.png`,
      '/uploads/ex-2/',
      '/uploads/ex-2',
      '/uploads/',
      '/uploads',
      `/uploads/ex-2/${'d'.repeat(32)}.png`,
      `/uploads/ex-2/${path.basename(pngPath).toUpperCase()}`,
      '/uploads/ex-2/..%2F..%2F..%2Fetc%2Fpasswd',
      '/uploads/..%2Fsecret.png/x',
      '/uploads/ex-2/../secret.png',
      '/uploads/../../etc/passwd',
      '/uploads/%2e%2e/secret.png',
      `/uploads/ex-2%2F..%2F..%2Fetc/${path.basename(pngPath)}`,
    ];
    for (const p of paths) {
      const res = await rawGet(p);
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain('<script');
    }
  });
});

describe('uploads through the real server', () => {
  let real: TestServer;
  let alpha: string;
  beforeAll(async () => {
    real = await bootTestServer();
    alpha = await login(real.url, 'alpha');
  });
  afterAll(async () => {
    await real?.close();
  });

  async function post(exhibitorId: string, cookie: string | undefined, bytes: Buffer, name: string, mime: string): Promise<Response> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: mime }), name);
    return fetch(real.url + apiPath(API.cabinetUpload, { exhibitorId }), {
      method: 'POST',
      body: form,
      headers: cookie ? { cookie } : {},
    });
  }

  it('stores an exhibitor\'s upload and serves it back at the returned path', async () => {
    const res = await post('alpha-school', alpha, JPEG, 'фото.jpg', 'image/jpeg');
    expect(res.status).toBe(201);
    const result = (await res.json()) as UploadResult;
    expect(result.path).toMatch(/^uploads\/alpha-school\/[0-9a-f]{32}\.jpg$/);
    const served = await fetch(`${real.url}/${result.path}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.compare(Buffer.from(await served.arrayBuffer()), JPEG)).toBe(0);
  });

  it('refuses a disguised file, and anything under /uploads that is not a stored file is 404 (not the client app)', async () => {
    expect((await post('alpha-school', alpha, HTML, 'photo.jpg', 'image/jpeg')).status).toBe(415);
    for (const p of ['/uploads/', '/uploads/alpha-school/', '/uploads/alpha-school/index.html']) {
      expect((await rawGetFrom(real.url, p)).status, p).toBe(404);
    }
  });

  it('needs a session (401) and the right to act for the exhibitor (403)', async () => {
    expect((await post('alpha-school', undefined, png(), 'logo.png', 'image/png')).status).toBe(401);
    expect((await post('beta-university', alpha, png(), 'logo.png', 'image/png')).status).toBe(403);
    const foreign = await fs.readdir(path.join(real.dataDir, 'uploads', 'beta-university')).catch(() => []);
    expect(foreign).toEqual([]);
  });
});

function rawGetFrom(origin: string, urlPath: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${origin}${urlPath}`, { path: urlPath }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      })
      .on('error', reject);
  });
}
