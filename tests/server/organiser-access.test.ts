// The organisers' console API answers organisers only: 401 without a session, 403 for
// exhibitor staff and moderators, and a refused request changes nothing. An exhibitor's staff
// admin invites colleagues through /api/team, to their own stands only, as exhibitor staff only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import { type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';

let server: TestServer;
let org: string;
beforeAll(async () => {
  server = await bootTestServer();
  org = await login(server.url, 'org');
});
afterAll(async () => {
  await server.close();
});

const invite = (exhibitors = ['alpha-school'], role = 'exhibitor') => ({ email: 'new.person@example.org', name: 'New Person', role, exhibitors });
const soon = () => new Date(Date.now() + 3_600_000).toISOString();

/** Every state-changing console request, with a valid body. */
const WRITES: [string, string, unknown][] = [
  ['POST', API.organiserInvitations, invite()],
  ['POST', API.organiserExhibitors, { id: 'new-one', name: 'New One', category: 'school', short: 'A new exhibitor' }],
  ['PATCH', apiPath(API.organiserAccount, { accountId: 'beta' }), { role: 'organiser' }],
  ['POST', apiPath(API.organiserDeactivate, { accountId: 'beta' }), undefined],
  ['POST', API.organiserAnnouncements, { audience: { kind: 'all' }, style: 'banner', text: { ru: 'Привет', en: 'Hello' }, endsAt: soon() }],
  ['PUT', apiPath(API.organiserStand, { floorId: 'mini-a', standId: 'a-1' }), { exhibitorId: 'beta-university' }],
  ['POST', API.organiserInvitationsCsv, { csv: 'email,exhibitor\nx@example.org,alpha-school\n' }],
];
const READS = [API.organiserOverview, API.organiserExhibitors, API.organiserAccounts, API.organiserInvitations, API.organiserAudit, API.organiserAnnouncements, API.organiserDaysCsv];

async function snapshot() {
  return {
    invitations: await server.storage.listInvitations(),
    audit: await server.storage.listAudit(100),
    accounts: await server.storage.listAccounts(),
    exhibitors: (await server.storage.listExhibitors()).map((e) => e.id),
    announcements: await server.storage.listAnnouncements(new Date(0).toISOString()),
    stand: server.levels.get('mini-a')?.stands.find((s) => s.id === 'a-1')?.exhibitor,
  };
}

describe('organiser console access', { timeout: 30_000 }, () => {
  it('refuses everyone but organisers, and a refused request changes nothing', async () => {
    const before = await snapshot();
    const who: [string | undefined, number][] = [
      [undefined, 401],
      [await login(server.url, 'alpha'), 403],
      [await login(server.url, 'mod'), 403],
    ];
    for (const [cookie, status] of who) {
      for (const path of READS) expect((await call(server.url, 'GET', path, { cookie })).status, `GET ${path}`).toBe(status);
      for (const [method, path, body] of WRITES) expect((await call(server.url, method, path, { cookie, body })).status, `${method} ${path}`).toBe(status);
    }
    expect(await snapshot()).toEqual(before);
    expect((await call(server.url, 'GET', API.organiserOverview, { cookie: org })).status).toBe(200);
  });

  it('refuses a console write sent from another site', async () => {
    const res = await call(server.url, 'POST', API.organiserInvitations, { cookie: org, body: invite(), headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(await server.storage.listInvitations()).toEqual([]);
  });

  it('lets a staff admin invite colleagues to their own stands only', async () => {
    const alpha = await login(server.url, 'alpha');
    // Not a staff admin yet.
    expect((await call(server.url, 'POST', API.teamInvitations, { cookie: alpha, body: invite() })).status).toBe(403);
    const made = await call(server.url, 'PATCH', apiPath(API.organiserAccount, { accountId: 'alpha' }), { cookie: org, body: { staffAdmin: true } });
    expect(made.status).toBe(200);
    expect(made.json).toMatchObject({ staffAdmin: true, role: 'exhibitor' });
    const other = await call(server.url, 'POST', API.teamInvitations, { cookie: alpha, body: invite(['beta-university']) });
    expect(other.status).toBe(403);
    const mod = await call(server.url, 'POST', API.teamInvitations, { cookie: alpha, body: invite(['alpha-school'], 'moderator') });
    expect(mod.status).toBe(403);
    expect(await server.storage.listInvitations()).toEqual([]);
    const ok = await call(server.url, 'POST', API.teamInvitations, { cookie: alpha, body: invite(['alpha-school']) });
    expect(ok.status).toBe(201);
    // Beta's staff sees none of alpha's invitations, and cannot revoke them.
    const beta = await login(server.url, 'beta');
    const id = (ok.json as { invitation: { id: string } }).invitation.id;
    expect((await call(server.url, 'POST', apiPath(API.teamRevoke, { invitationId: id }), { cookie: beta })).status).toBe(403);
    const audit = await server.storage.listAudit(10);
    expect(audit.map((e) => [e.actorId, e.action])).toEqual([
      ['alpha', 'invite.create'],
      ['org', 'account.access'],
    ]);
    expect(audit[1]!.detail).toBe('staff admin false → true');
  });
});
