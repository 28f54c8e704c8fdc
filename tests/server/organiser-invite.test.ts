// Invitations end to end against a real SMTP server on 127.0.0.1 (smtp-server): the mail
// arrives with a link, the link sets a password once, then the new staff logs in; a resent
// invitation kills the old link, a revoked one dies, an expired one is refused; deactivating
// an account ends its sessions at once (and says so on the bus) and its password stops working.
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import { INVITE_TTL_MS } from '../../shared/organiser.ts';
import { type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';

interface Received {
  to: string[];
  raw: string;
}

let smtp: SMTPServer;
const inbox: Received[] = [];
let server: TestServer;
let org: string;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  server = await bootTestServer({ smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true` });
  org = await login(server.url, 'org');
});
afterAll(async () => {
  await server.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});
afterEach(() => {
  vi.useRealTimers();
});

/** The token of the last link mailed to `email` (quoted-printable soft breaks undone). */
function tokenFor(email: string): string {
  const mail = inbox.filter((m) => m.to.includes(email)).at(-1);
  if (!mail) throw new Error(`no mail to ${email}`);
  const text = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const m = /#token=([A-Za-z0-9_-]{43})/.exec(text);
  if (!m) throw new Error('no invitation link in the mail');
  return m[1]!;
}

async function invite(email: string, exhibitors = ['alpha-school']) {
  const res = await call(server.url, 'POST', API.organiserInvitations, { cookie: org, body: { email, name: 'Вера Новикова', role: 'exhibitor', exhibitors } });
  expect(res.status, res.text).toBe(201);
  return res.json as { invitation: { id: string; status: string }; mail: { status: string } };
}

const accept = (token: string, password = 'a long new password') => call(server.url, 'POST', API.acceptInvitation, { body: { token, password } });
const loginAs = (email: string, password = 'a long new password') => call(server.url, 'POST', API.login, { body: { email, password } });

describe('invitations', { timeout: 30_000 }, () => {
  it('mails a single-use link that sets a password; the new staff then logs in to the cabinet', async () => {
    const out = await invite('vera@example.org');
    expect(out.mail.status).toBe('sent');
    expect(inbox.at(-1)?.to).toEqual(['vera@example.org']);
    const token = tokenFor('vera@example.org');
    // Only the hash is stored.
    expect(JSON.stringify(await server.storage.listInvitations())).not.toContain(token);
    expect((await loginAs('vera@example.org')).status).toBe(401);
    const ok = await accept(token);
    expect(ok.status, ok.text).toBe(200);
    const logged = await loginAs('vera@example.org');
    expect(logged.status).toBe(200);
    expect(logged.json).toMatchObject({ role: 'exhibitor', exhibitors: ['alpha-school'], name: 'Вера Новикова' });
    // Once only, even with another password.
    expect((await accept(token, 'another long password')).status).toBe(410);
    expect((await loginAs('vera@example.org', 'another long password')).status).toBe(401);
    const actions = (await server.storage.listAudit(10)).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['invite.accept', 'invite.create']);
    // An active account cannot be invited twice.
    const again = await call(server.url, 'POST', API.organiserInvitations, { cookie: org, body: { email: 'VERA@example.org', name: 'V', role: 'exhibitor', exhibitors: ['alpha-school'] } });
    expect(again.status).toBe(409);
  });

  it('resend makes a new link and kills the old one; revoke kills the link', async () => {
    const out = await invite('ivan@example.org');
    const first = tokenFor('ivan@example.org');
    const resent = await call(server.url, 'POST', apiPath(API.organiserResend, { invitationId: out.invitation.id }), { cookie: org });
    expect(resent.status).toBe(200);
    const second = tokenFor('ivan@example.org');
    expect(second).not.toBe(first);
    expect((await accept(first)).status).toBe(410);
    const revoked = await call(server.url, 'POST', apiPath(API.organiserRevoke, { invitationId: out.invitation.id }), { cookie: org });
    expect(revoked.json).toMatchObject({ status: 'revoked' });
    expect((await accept(second)).status).toBe(410);
    expect((await loginAs('ivan@example.org')).status).toBe(401);
  });

  it('refuses an expired link', async () => {
    await invite('late@example.org');
    const token = tokenFor('late@example.org');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + INVITE_TTL_MS + 60_000 });
    expect((await accept(token)).status).toBe(410);
    vi.useRealTimers();
    expect((await loginAs('late@example.org')).status).toBe(401);
  });

  it('deactivation ends the sessions at once, announces it and stops the password', async () => {
    await invite('olga@example.org');
    expect((await accept(tokenFor('olga@example.org'))).status).toBe(200);
    const res = await loginAs('olga@example.org');
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('expo_session='))!;
    expect((await call(server.url, 'GET', API.me, { cookie })).status).toBe(200);
    const id = (res.json as { id: string }).id;
    const revoked: unknown[] = [];
    const off = server.bus.on('accountRevoked', (e) => revoked.push(e));
    const done = await call(server.url, 'POST', apiPath(API.organiserDeactivate, { accountId: id }), { cookie: org });
    off();
    expect(done.status).toBe(204);
    expect(revoked).toEqual([{ accountId: id, reason: 'deactivated' }]);
    expect((await call(server.url, 'GET', API.me, { cookie })).status).toBe(401);
    expect((await loginAs('olga@example.org')).status).toBe(401);
    const accounts = (await call(server.url, 'GET', API.organiserAccounts, { cookie: org })).json as { accounts: { id: string; deactivatedAt: string | null }[] };
    expect(accounts.accounts.find((a) => a.id === id)?.deactivatedAt).toEqual(expect.any(String));
    expect((await server.storage.listAudit(1))[0]).toMatchObject({ action: 'account.deactivate', actorId: 'org', target: 'olga@example.org' });
    // A new invitation re-opens the same account.
    await invite('olga@example.org');
    expect((await accept(tokenFor('olga@example.org'), 'a fresh long password')).status).toBe(200);
    const back = await loginAs('olga@example.org', 'a fresh long password');
    expect((back.json as { id: string }).id).toBe(id);
  });

  it('invites in bulk from a CSV (the exhibitor import\u2019s id and email columns)', async () => {
    const csv = 'id;name;email\nbeta-university;Beta University;beta.admin@example.org\nno-such;Nobody;nobody@example.org\nbeta-university;Bad;not-an-email\n';
    const res = await call(server.url, 'POST', API.organiserInvitationsCsv, { cookie: org, body: { csv } });
    expect(res.status).toBe(200);
    const results = (res.json as { results: { line: number; ok: boolean }[] }).results;
    expect(results.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
    ]);
    expect((await accept(tokenFor('beta.admin@example.org'))).status).toBe(200);
    const admin = await server.storage.findAccountByEmail('beta.admin@example.org');
    expect(await server.storage.accountStatus(admin!.id)).toEqual({ staffAdmin: true, deactivatedAt: null });
  });
});
