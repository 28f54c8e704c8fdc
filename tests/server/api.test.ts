// The real server on an ephemeral port, serving the fixture floors and exhibitors.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type FloorSummary, apiPath } from '../../shared/api.ts';
import type { Exhibitor } from '../../shared/exhibitor.ts';
import type { Level } from '../../shared/level/schema.ts';
import { type RunningServer, startServer } from '../../server/app.ts';
import { ROOT, type ServerConfig } from '../../server/config.ts';
import { FIXTURE_EXHIBITORS, FIXTURE_LEVELS_DIR } from '../fixtures/fixtures.ts';

const temps: string[] = [];
async function tempDir(label: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `virtual-expo-${label}-`));
  temps.push(dir);
  return dir;
}

async function boot(overrides: Partial<ServerConfig> = {}): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: await tempDir('data'),
    levelsDir: FIXTURE_LEVELS_DIR,
    assetsDir: path.join(ROOT, 'assets'),
    clientDir: await tempDir('client'),
    seedFile: FIXTURE_EXHIBITORS,
    quiet: true,
    ...overrides,
  });
}

async function getJson<T>(server: RunningServer, urlPath: string): Promise<{ status: number; body: T; type: string }> {
  const res = await fetch(server.url + urlPath);
  return { status: res.status, body: (await res.json()) as T, type: res.headers.get('content-type') ?? '' };
}

afterAll(async () => {
  await Promise.all(temps.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

describe('API on the fixture floors', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await boot();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('listens on an ephemeral port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
  });

  it('answers health', async () => {
    const { status, body } = await getJson<{ ok: boolean; floors: number; refusedProblems: number }>(server, API.health);
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, floors: 2, refusedProblems: 0 });
  });

  it('lists the floors by order, with stand counts', async () => {
    const { status, body } = await getJson<FloorSummary[]>(server, API.floors);
    expect(status).toBe(200);
    expect(body.map((f) => [f.id, f.order, f.standCount])).toEqual([
      ['mini-b', 0, 4],
      ['mini-a', 1, 5],
    ]);
    expect(body[0]!.title).toEqual({ ru: 'Мини-зал Б', en: 'Mini hall B' });
    expect(body[0]!.category).toBe('edtech');
  });

  it('serves one floor, defaults filled in', async () => {
    const { status, body } = await getJson<Level>(server, apiPath(API.floor, { floorId: 'mini-a' }));
    expect(status).toBe(200);
    expect(body.id).toBe('mini-a');
    expect(body.stands.map((s) => s.id)).toEqual(['a-1', 'a-2', 'a-3', 'a-4', 'a-5']);
    expect(body.portals[0]!.to).toEqual({ floor: 'mini-b', portal: 'b-stairs' });
    const b = await getJson<Level>(server, apiPath(API.floor, { floorId: 'mini-b' }));
    expect(b.body.alleys[0]!.width).toBe(4);
  });

  it('answers 404 JSON for an unknown floor', async () => {
    const { status, body, type } = await getJson<{ error: string }>(server, apiPath(API.floor, { floorId: 'nope' }));
    expect(status).toBe(404);
    expect(type).toMatch(/application\/json/);
    expect(body.error).toContain('nope');
  });

  it('lists exhibitors and serves one', async () => {
    const list = await getJson<Exhibitor[]>(server, API.exhibitors);
    expect(list.status).toBe(200);
    expect(list.body.map((e) => e.id).sort()).toEqual([
      'alpha-school',
      'beta-university',
      'delta-books',
      'epsilon-kids',
      'gamma-lab',
      'zeta-robotics',
    ]);
    const one = await getJson<Exhibitor>(server, apiPath(API.exhibitor, { exhibitorId: 'gamma-lab' }));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: 'gamma-lab', name: 'Gamma Lab', category: 'edtech' });
    const missing = await getJson<{ error: string }>(server, apiPath(API.exhibitor, { exhibitorId: 'nobody' }));
    expect(missing.status).toBe(404);
    expect(missing.body.error).toContain('nobody');
  });

  it('does not treat inherited object keys as exhibitors', async () => {
    const res = await getJson<{ error: string }>(server, apiPath(API.exhibitor, { exhibitorId: 'constructor' }));
    expect(res.status).toBe(404);
  });

  it('answers 404 JSON for an unknown API path', async () => {
    for (const p of ['/api/nothing', '/api/floors/mini-a/extra', '/api']) {
      const { status, body, type } = await getJson<{ error: string }>(server, p);
      expect(status, p).toBe(404);
      expect(type, p).toMatch(/application\/json/);
      expect(typeof body.error).toBe('string');
    }
  });
});

describe('storage', () => {
  it('seeds the db under DATA_DIR once and keeps it across restarts', async () => {
    const dataDir = await tempDir('persist');
    const first = await boot({ dataDir });
    await first.close();
    const dbFile = path.join(dataDir, 'db.json');
    const db = JSON.parse(await fs.readFile(dbFile, 'utf8')) as { exhibitors: Record<string, Exhibitor> };
    expect(Object.keys(db.exhibitors)).toHaveLength(6);

    // An edit made while the server was down must survive the next start (no re-seeding).
    db.exhibitors['gamma-lab']!.name = 'Gamma Lab (edited)';
    await fs.writeFile(dbFile, JSON.stringify(db));
    const second = await boot({ dataDir });
    try {
      const one = await getJson<Exhibitor>(second, apiPath(API.exhibitor, { exhibitorId: 'gamma-lab' }));
      expect(one.body.name).toBe('Gamma Lab (edited)');
    } finally {
      await second.close();
    }
  });
});

describe('a broken floor file', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const levelsDir = await tempDir('levels');
    for (const name of await fs.readdir(FIXTURE_LEVELS_DIR)) {
      await fs.copyFile(path.join(FIXTURE_LEVELS_DIR, name), path.join(levelsDir, name));
    }
    const broken = JSON.parse(await fs.readFile(path.join(FIXTURE_LEVELS_DIR, 'mini-a.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    Object.assign(broken, { id: 'mini-c', order: 2, portals: [], stands: [{ id: 'c-1', exhibitor: 'nobody' }] });
    await fs.writeFile(path.join(levelsDir, 'mini-c.json'), JSON.stringify(broken));
    await fs.writeFile(path.join(levelsDir, 'not-json.json'), '{ "version": 1, ');
    server = await boot({ levelsDir });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is refused while the good floors are served', async () => {
    const health = await getJson<{ ok: boolean; floors: number; refusedProblems: number }>(server, API.health);
    expect(health.body.ok).toBe(true);
    expect(health.body.floors).toBe(2);
    expect(health.body.refusedProblems).toBeGreaterThan(1);

    const floors = await getJson<FloorSummary[]>(server, API.floors);
    expect(floors.body.map((f) => f.id)).toEqual(['mini-b', 'mini-a']);
    expect((await getJson(server, apiPath(API.floor, { floorId: 'mini-c' }))).status).toBe(404);
    expect((await getJson(server, apiPath(API.floor, { floorId: 'mini-a' }))).status).toBe(200);
  });

  it('names the broken files in the store’s problems', () => {
    const files = new Set(server.levels.problems.map((p) => p.file));
    expect(files).toEqual(new Set([expect.stringMatching(/mini-c\.json$/), expect.stringMatching(/not-json\.json$/)]));
  });
});
