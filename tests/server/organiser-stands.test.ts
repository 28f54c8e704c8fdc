// Exhibitors and stands in the console: the overview counts missing stand parts over stands,
// a new exhibitor can be created, and moving a stand rewrites only that stand's line of its
// floor file (atomically), the level store serves the change, and the move is audited. A
// refused move leaves the file byte for byte as it was.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import type { ExhibitorOverview } from '../../shared/organiser.ts';
import { type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';
import { FIXTURE_LEVELS_DIR } from '../fixtures/fixtures.ts';

let server: TestServer;
let org: string;
let levelsDir: string;
beforeAll(async () => {
  levelsDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-levels-'));
  await fs.cp(FIXTURE_LEVELS_DIR, levelsDir, { recursive: true });
  server = await bootTestServer({ levelsDir });
  org = await login(server.url, 'org');
});
afterAll(async () => {
  await server.close();
  await fs.rm(levelsDir, { recursive: true, force: true });
});

const fileA = () => fs.readFile(path.join(levelsDir, 'mini-a.json'), 'utf8');

describe('exhibitors and stands', () => {
  it('lists exhibitors with their stands and counts missing parts over stands', async () => {
    const res = await call(server.url, 'GET', API.organiserExhibitors, { cookie: org });
    expect(res.status).toBe(200);
    const o = res.json as ExhibitorOverview;
    const alpha = o.rows.find((r) => r.id === 'alpha-school')!;
    expect(alpha.stands.map((s) => `${s.floor}/${s.stand}`).sort()).toEqual(['mini-a/a-1', 'mini-b/b-3']);
    expect(alpha.staff).toBe(1);
    expect(o.stands).toBe(o.rows.reduce((n, r) => n + r.stands.length, 0));
    const noVideo = o.rows.filter((r) => !r.parts.video).reduce((n, r) => n + r.stands.length, 0);
    expect(o.missing.video).toBe(noVideo);
    const csv = await call(server.url, 'GET', API.organiserExhibitorsCsv, { cookie: org });
    expect(csv.text).toContain('alpha-school');
  });

  it('creates an exhibitor and moves a stand to it by rewriting only that line of the floor file', async () => {
    const created = await call(server.url, 'POST', API.organiserExhibitors, { cookie: org, body: { id: 'omega-new', name: 'Omega', category: 'school', short: 'A new one' } });
    expect(created.status, created.text).toBe(201);
    expect((await call(server.url, 'POST', API.organiserExhibitors, { cookie: org, body: { id: 'omega-new', name: 'O', category: 'school', short: 'x' } })).status).toBe(409);
    const before = await fileA();
    const moved = await call(server.url, 'PUT', apiPath(API.organiserStand, { floorId: 'mini-a', standId: 'a-2' }), { cookie: org, body: { exhibitorId: 'omega-new' } });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json).toMatchObject({ previous: 'beta-university', exhibitorId: 'omega-new' });
    const after = await fileA();
    const diff = before.split('\n').map((l, i) => [l, after.split('\n')[i]]).filter(([a, b]) => a !== b);
    expect(diff).toHaveLength(1);
    expect(diff[0]![1]).toContain('"exhibitor": "omega-new"');
    expect(server.levels.get('mini-a')?.stands.find((s) => s.id === 'a-2')?.exhibitor).toBe('omega-new');
    expect((await server.storage.listAudit(1))[0]).toMatchObject({ action: 'stand.assign', target: 'mini-a/a-2', detail: 'beta-university → omega-new' });
  });

  it('refuses a move to an unknown exhibitor or of an unknown stand, leaving the file as it was', async () => {
    const before = await fileA();
    expect((await call(server.url, 'PUT', apiPath(API.organiserStand, { floorId: 'mini-a', standId: 'a-3' }), { cookie: org, body: { exhibitorId: 'no-such' } })).status).toBe(400);
    expect((await call(server.url, 'PUT', apiPath(API.organiserStand, { floorId: 'mini-a', standId: 'zz-9' }), { cookie: org, body: { exhibitorId: 'gamma-lab' } })).status).toBe(404);
    expect(await fileA()).toBe(before);
    expect((await fs.readdir(levelsDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
