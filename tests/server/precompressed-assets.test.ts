// The built client's scripts go out as the build compressed them (brotli, else gzip) with
// their types and a year's cache; a browser that accepts neither gets the plain file, and API
// answers are still compressed on the fly.
import fs from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, bootTestServer } from '../fixtures/cabinet.ts';

const SCRIPT = `export const words = ${JSON.stringify('выставка '.repeat(400))};\n`;
let server: TestServer;
let clientDir: string;

beforeAll(async () => {
  clientDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-client-'));
  await fs.mkdir(path.join(clientDir, 'assets'));
  await fs.writeFile(path.join(clientDir, 'index.html'), '<!doctype html><title>x</title>');
  const file = path.join(clientDir, 'assets', 'main-abc123.js');
  await fs.writeFile(file, SCRIPT);
  await fs.writeFile(`${file}.br`, brotliCompressSync(SCRIPT));
  await fs.writeFile(`${file}.gz`, gzipSync(SCRIPT));
  server = await bootTestServer({ clientDir });
});

afterAll(async () => {
  await server?.close();
  await fs.rm(clientDir, { recursive: true, force: true });
});

function get(urlPath: string, acceptEncoding: string) {
  // fetch would decode the body itself: a plain http request keeps it as sent.
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(`${server.url}${urlPath}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('precompressed client assets', () => {
  it('sends the brotli copy to a browser that accepts it, typed and cached for a year', async () => {
    const res = await get('/assets/main-abc123.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
  });

  it('falls back to the gzip copy, then to the plain file', async () => {
    const gz = await get('/assets/main-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);
    const plain = await get('/assets/main-abc123.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('still compresses API answers on the fly and 404s a missing script', async () => {
    const api = await get('/api/exhibitors', 'br');
    expect(api.status).toBe(200);
    expect(api.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(api.body).toString())).toBeInstanceOf(Object);
    expect((await get('/assets/missing-xyz.js', 'br')).status).toBe(404);
  });
});
