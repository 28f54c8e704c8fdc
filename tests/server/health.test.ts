// Health and readiness on the real server: both say yes while storage can write, and answer
// 503 with a reason once it cannot (a probe that fails like a full or read-only disk).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/api.ts';
import { type TestServer, bootTestServer, call } from '../fixtures/cabinet.ts';

let server: TestServer;
beforeAll(async () => {
  server = await bootTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('health and readiness', () => {
  it('answer 200 while storage writes, 503 with a reason when it cannot, and recover', async () => {
    const health = await call(server.url, 'GET', API.health);
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ ok: true });
    expect(health.headers.get('cache-control')).toBe('no-store');
    const ready = await call(server.url, 'GET', API.ready);
    expect(ready.status).toBe(200);
    expect(ready.json).toEqual({ ready: true });

    // The disk turns read-only: the probe write fails as fs would fail it. (Tests run as
    // root here, where chmod cannot make a folder unwritable.)
    const ping = server.storage.ping.bind(server.storage);
    server.storage.ping = () => Promise.reject(Object.assign(new Error('EROFS: read-only file system, open /secret/path/.health'), { code: 'EROFS' }));
    try {
      const sick = await call(server.url, 'GET', API.health);
      expect(sick.status).toBe(503);
      expect(sick.json).toMatchObject({ ok: false, storage: 'not writable', reason: 'storage cannot write (EROFS)' });
      // No paths or messages from the file system reach the public answer.
      expect(sick.text).not.toContain('/secret/path');
      const notReady = await call(server.url, 'GET', API.ready);
      expect(notReady.status).toBe(503);
      expect(notReady.json).toEqual({ ready: false, reason: 'storage cannot write (EROFS)' });
    } finally {
      server.storage.ping = ping;
    }
    expect((await call(server.url, 'GET', API.health)).status).toBe(200);
    expect((await call(server.url, 'GET', API.ready)).status).toBe(200);
  });
});
