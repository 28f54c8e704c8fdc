// The real server on PostgreSQL (DATABASE_URL): seeded from the fixture files into a fresh
// database, a visitor's callback request goes in through the stand API, the server stops, a
// new one starts on the same database (and an empty data folder), and the exhibitor reads the
// lead back in the cabinet with the session cookie from before the restart.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { API, type LeadAccepted, apiPath } from '../../shared/api.ts';
import type { Lead } from '../../shared/leads.ts';
import { CALLBACK, type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';
import { freshDatabase } from '../fixtures/services.ts';

let db: { url: string; drop(): Promise<void> };
let server: TestServer | undefined;
beforeAll(async () => {
  db = await freshDatabase(inject('databaseUrl'));
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
});

describe('server on PostgreSQL', () => {
  it('keeps an acknowledged lead and the exhibitor\'s session across a restart', async () => {
    server = await bootTestServer({ databaseUrl: db.url, trustProxy: true });
    const cookie = await login(server.url, 'alpha');
    const res = await call(server.url, 'POST', apiPath(API.callback, { exhibitorId: 'alpha-school' }) + '?stand=a-1', {
      body: CALLBACK,
      headers: { 'x-forwarded-for': '10.9.0.1' },
    });
    expect(res.status).toBe(201);
    const { id } = res.json as LeadAccepted;
    // Nothing of the store went to the data folder: it is all in the database.
    expect(await fs.readdir(server.dataDir)).not.toContain('leads.json');
    await server.close();
    server = undefined;

    server = await bootTestServer({ databaseUrl: db.url, trustProxy: true });
    const leads = await call(server.url, 'GET', apiPath(API.cabinetLeads, { exhibitorId: 'alpha-school' }), { cookie });
    expect(leads.status).toBe(200);
    const lead = (leads.json as Lead[]).find((l) => l.id === id);
    expect(lead).toMatchObject({ kind: 'callback', status: 'new', exhibitorId: 'alpha-school', standId: 'a-1' });
    expect(lead?.callback).toMatchObject({ name: CALLBACK.name, phone: CALLBACK.phone });
    // The second start found the store seeded and did not seed it again.
    const exhibitors = await server.storage.listExhibitors();
    expect(new Set(exhibitors.map((e) => e.id)).size).toBe(exhibitors.length);
    expect(await fs.readdir(path.join(server.dataDir))).not.toContain('accounts.json');
  });
});
