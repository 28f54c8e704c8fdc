// Nothing private is a static file: the seed folder (accounts with password hashes, in the
// sample inside assets/) and the data folder answer 404 even when they lie inside a served
// folder, and unknown file paths are a 404, not the client's index page.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/config.ts';
import { FIXTURE_EXHIBITORS } from '../fixtures/fixtures.ts';
import { FIXTURE_ACCOUNTS } from '../fixtures/accounts.ts';
import { type TestServer, bootTestServer, call } from '../fixtures/cabinet.ts';

let sample: TestServer;
let nested: TestServer;
/** A served assets folder that (carelessly) holds the seed and the data folder. */
let assetsDir: string;

beforeAll(async () => {
  // The sample exhibition as `npm start` serves it, with the built client.
  sample = await bootTestServer({
    seedFile: path.join(ROOT, 'assets', 'seed', 'exhibitors.json'),
    levelsDir: path.join(ROOT, 'levels'),
    clientDir: path.join(ROOT, 'dist', 'client'),
  });
  assetsDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-assets-'));
  await fs.mkdir(path.join(assetsDir, 'seed'));
  await fs.mkdir(path.join(assetsDir, 'logos'));
  await fs.copyFile(FIXTURE_EXHIBITORS, path.join(assetsDir, 'seed', 'exhibitors.json'));
  await fs.copyFile(FIXTURE_ACCOUNTS, path.join(assetsDir, 'seed', 'accounts.json'));
  await fs.writeFile(path.join(assetsDir, 'logos', 'x.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  nested = await bootTestServer({
    assetsDir,
    dataDir: path.join(assetsDir, 'data'),
    seedFile: path.join(assetsDir, 'seed', 'exhibitors.json'),
  });
});

afterAll(async () => {
  await sample?.close();
  await nested?.close();
  if (assetsDir) await fs.rm(assetsDir, { recursive: true, force: true });
});

describe('private files', () => {
  it('the sample seed (exhibitors, interiors) is not served, and no accounts file is in it', async () => {
    for (const p of ['/assets/seed/accounts.json', '/assets/seed/exhibitors.json', '/assets/seed/content.json', '/assets/seed/', '/assets/%73eed/exhibitors.json']) {
      const res = await call(sample.url, 'GET', p);
      expect(res.status, p).toBe(404);
      expect(res.text).not.toContain('passwordHash');
    }
    await expect(fs.access(path.join(ROOT, 'assets', 'seed', 'accounts.json'))).rejects.toThrow();
    // The demo accounts still work: they live outside the served folders now.
    const login = await call(sample.url, 'POST', '/api/auth/login', { body: { email: 'korablik@expo.local', password: 'expo-demo-korablik' } });
    expect(login.status).toBe(200);
    expect((await call(sample.url, 'GET', '/assets/logos/akademiya-detstva.svg')).status).toBe(200);
  });

  it('data files are a 404, not the client page', async () => {
    for (const p of ['/data/db.json', '/data/accounts.json', '/data/leads.json', '/seed/demo-accounts.json']) {
      const res = await call(sample.url, 'GET', p);
      expect(res.status, p).toBe(404);
      expect(res.text).not.toContain('<div id="root">');
    }
    // Client views still get the page.
    expect((await call(sample.url, 'GET', '/cabinet')).status).toBe(200);
    expect((await call(sample.url, 'GET', '/floor/school/stand/sc-a11')).status).toBe(200);
  });

  it('a seed or data folder inside the served assets is still not served', async () => {
    await call(nested.url, 'POST', '/api/auth/login', { body: { email: 'alpha@test.local', password: 'test-alpha-pw' } });
    expect((await fs.readdir(path.join(assetsDir, 'data'))).length).toBeGreaterThan(0);
    for (const p of ['/assets/seed/accounts.json', '/assets/seed/exhibitors.json', '/assets/data/accounts.json', '/assets/data/db.json', '/assets/data/']) {
      const res = await call(nested.url, 'GET', p);
      expect(res.status, p).toBe(404);
      expect(res.text).not.toContain('passwordHash');
    }
    expect((await call(nested.url, 'GET', '/assets/logos/x.svg')).status).toBe(200);
  });
});
