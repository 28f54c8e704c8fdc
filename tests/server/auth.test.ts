// Cabinet accounts on the real server: log in, cookies, sessions, logout, password change,
// rate-limited login and cross-site refusals.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/api.ts';
import type { Me } from '../../shared/accounts.ts';
import { SESSION_COOKIE, hashToken } from '../../server/auth/sessions.ts';
import { credentials } from '../fixtures/accounts.ts';
import { type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';

let server: TestServer;
beforeAll(async () => {
  // Behind a "proxy", so tests can speak from several addresses and over "https".
  server = await bootTestServer({ trustProxy: true });
});
afterAll(async () => {
  await server?.close();
});

/** Each test speaks from its own address, so login rate limits never cross tests. */
let nextIp = 1;
function from(): Record<string, string> {
  return { 'x-forwarded-for': `10.0.0.${nextIp++}` };
}

/** The session's Set-Cookie line (answers may also set the visitor-id cookie), or null. */
function sessionSetCookie(res: { headers: Headers }): string | null {
  return res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? null;
}

describe('log in', () => {
  it('answers Me and sets an httpOnly, SameSite, path-wide session cookie', async () => {
    const res = await call(server.url, 'POST', API.login, { body: credentials('alpha'), headers: from() });
    expect(res.status).toBe(200);
    const me = res.json as Me;
    expect(me).toEqual({ id: 'alpha', email: 'alpha@test.local', name: 'Alpha Staff', role: 'exhibitor', exhibitors: ['alpha-school'] });
    expect(res.text).not.toContain('scrypt');
    const cookie = sessionSetCookie(res)!;
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=604800/);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const res = await call(server.url, 'POST', API.login, { body: credentials('alpha'), headers: { ...from(), 'x-forwarded-proto': 'https' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/i);
  });

  it('accepts the e-mail in any case', async () => {
    const { email, password } = credentials('beta');
    const res = await call(server.url, 'POST', API.login, { body: { email: email.toUpperCase(), password }, headers: from() });
    expect(res.status).toBe(200);
  });

  it('gives one answer for an unknown e-mail and a wrong password', async () => {
    const wrong = await call(server.url, 'POST', API.login, { body: { email: 'alpha@test.local', password: 'nope-nope-nope' }, headers: from() });
    const unknown = await call(server.url, 'POST', API.login, { body: { email: 'nobody@test.local', password: 'nope-nope-nope' }, headers: from() });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    expect(sessionSetCookie(wrong)).toBeNull();
  });

  it('explains a malformed body field by field', async () => {
    const res = await call(server.url, 'POST', API.login, { body: { email: 'not-an-email', password: '', extra: 1 }, headers: from() });
    expect(res.status).toBe(400);
    const details = (res.json as { details: string[] }).details;
    expect(details).toEqual(
      expect.arrayContaining([expect.stringMatching(/^email: /), expect.stringMatching(/^password: enter the password/), expect.stringMatching(/extra/)]),
    );
  });

  it('locks an address and e-mail after 5 failures, even for the right password', async () => {
    const ip = from();
    const { email, password } = credentials('org');
    for (let i = 0; i < 5; i++) {
      const res = await call(server.url, 'POST', API.login, { body: { email, password: `wrong-${i}-pw` }, headers: ip });
      expect(res.status).toBe(401);
    }
    const locked = await call(server.url, 'POST', API.login, { body: { email, password }, headers: ip });
    expect(locked.status).toBe(429);
    const retry = Number(locked.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(800);
    expect(retry).toBeLessThanOrEqual(900);
    expect((locked.json as { error: string }).error).toMatch(/too many failed logins/);
    // The owner logging in from elsewhere is not locked out.
    expect((await call(server.url, 'POST', API.login, { body: { email, password }, headers: from() })).status).toBe(200);
  });

  it('refuses a login posted from another site', async () => {
    const res = await call(server.url, 'POST', API.login, {
      body: credentials('alpha'),
      headers: { ...from(), origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect((res.json as { error: string }).error).toMatch(/cross-site/);
    const same = await call(server.url, 'POST', API.login, { body: credentials('alpha'), headers: { ...from(), origin: server.url } });
    expect(same.status).toBe(200);
  });
});

describe('sessions', () => {
  it('GET me needs a session', async () => {
    expect((await call(server.url, 'GET', API.me)).status).toBe(401);
    const cookie = await login(server.url, 'mod');
    const me = await call(server.url, 'GET', API.me, { cookie });
    expect(me.status).toBe(200);
    expect((me.json as Me).role).toBe('moderator');
    expect(me.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses forged, malformed and expired cookies', async () => {
    const forged = `${SESSION_COOKIE}=${'A'.repeat(43)}`;
    expect((await call(server.url, 'GET', API.me, { cookie: forged })).status).toBe(401);
    expect((await call(server.url, 'GET', API.me, { cookie: `${SESSION_COOKIE}=../../etc` })).status).toBe(401);
    const token = 'B'.repeat(43);
    await server.storage.createSession({
      tokenHash: hashToken(token),
      accountId: 'alpha',
      createdAt: new Date(Date.now() - 8 * 86_400_000).toISOString(),
      expiresAt: new Date(Date.now() - 86_400_000).toISOString(),
    });
    expect((await call(server.url, 'GET', API.me, { cookie: `${SESSION_COOKIE}=${token}` })).status).toBe(401);
    expect(await server.storage.getSession(hashToken(token))).toBeUndefined();
  });

  it('keeps only a hash of the token on disk', async () => {
    const cookie = await login(server.url, 'alpha');
    const token = cookie.split('=')[1]!;
    const file = await fs.readFile(path.join(server.dataDir, 'accounts.json'), 'utf8');
    expect(file).not.toContain(token);
    expect(file).toContain(hashToken(token));
  });

  it('logs out: the cookie is cleared and the session is gone', async () => {
    const cookie = await login(server.url, 'alpha');
    const out = await call(server.url, 'POST', API.logout, { cookie });
    expect(out.status).toBe(204);
    expect(sessionSetCookie(out)).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
    expect((await call(server.url, 'GET', API.me, { cookie })).status).toBe(401);
    // Logging out twice is harmless.
    expect((await call(server.url, 'POST', API.logout, { cookie })).status).toBe(204);
  });
});

describe('password change', () => {
  it('checks the current password, then logs out every other session', async () => {
    const { email, password } = credentials('beta');
    const here = await login(server.url, 'beta');
    const elsewhere = await login(server.url, 'beta');

    const wrong = await call(server.url, 'POST', API.password, { cookie: here, body: { current: 'not-it-at-all', next: 'a-new-long-password' } });
    expect(wrong.status).toBe(400);
    expect((wrong.json as { details: string[] }).details).toEqual(['current: the current password is wrong']);

    const short = await call(server.url, 'POST', API.password, { cookie: here, body: { current: password, next: 'short' } });
    expect(short.status).toBe(400);
    expect((short.json as { details: string[] }).details[0]).toMatch(/^next: a new password needs at least 10 characters/);

    expect((await call(server.url, 'POST', API.password, { body: { current: password, next: 'a-new-long-password' } })).status).toBe(401);

    const ok = await call(server.url, 'POST', API.password, { cookie: here, body: { current: password, next: 'a-new-long-password' } });
    expect(ok.status).toBe(204);
    expect((await call(server.url, 'GET', API.me, { cookie: here })).status).toBe(200);
    expect((await call(server.url, 'GET', API.me, { cookie: elsewhere })).status).toBe(401);

    const old = await call(server.url, 'POST', API.login, { body: { email, password }, headers: from() });
    expect(old.status).toBe(401);
    const fresh = await call(server.url, 'POST', API.login, { body: { email, password: 'a-new-long-password' }, headers: from() });
    expect(fresh.status).toBe(200);
    const stored = JSON.parse(await fs.readFile(path.join(server.dataDir, 'accounts.json'), 'utf8')) as { accounts: Record<string, { passwordHash: string }> };
    expect(stored.accounts.beta!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(JSON.stringify(stored)).not.toContain('a-new-long-password');
  });

  it('refuses a password change from another site', async () => {
    const cookie = await login(server.url, 'alpha');
    const res = await call(server.url, 'POST', API.password, {
      cookie,
      body: { current: credentials('alpha').password, next: 'whatever-long-pw' },
      headers: { origin: 'http://evil.example' },
    });
    expect(res.status).toBe(403);
  });
});
