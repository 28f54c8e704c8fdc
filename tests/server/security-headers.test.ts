// The server's answers carry the browser-side defences (CSP, no framing, nosniff, a referrer
// policy) and no CORS at all unless CORS_ORIGINS names an origin; even then only the
// matchmaker answers it, never with credentials. Real server on 127.0.0.1.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import { ROOT } from '../../server/config.ts';
import { credentials } from '../fixtures/accounts.ts';
import { type TestServer, bootTestServer, call } from '../fixtures/cabinet.ts';

const EVIL = 'http://127.0.0.1:9';
const PARTNER = 'http://partner.example.org';

/** Logs in and returns the session cookie pair (the visitor-id cookie comes along too). */
async function login(base: string, who: 'alpha'): Promise<string> {
  const res = await fetch(base + API.login, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials(who)) });
  const pair = res.headers.getSetCookie().find((c) => c.startsWith('expo_session='))?.split(';')[0];
  if (res.status !== 200 || !pair) throw new Error(`login as ${who}: ${res.status}`);
  return pair;
}

function corsHeaders(headers: Headers): string[] {
  return [...headers.keys()].filter((k) => k.toLowerCase().startsWith('access-control-'));
}

let server: TestServer;
let partnerServer: TestServer;

beforeAll(async () => {
  server = await bootTestServer({ clientDir: path.join(ROOT, 'dist', 'client') });
  partnerServer = await bootTestServer({ corsOrigins: [PARTNER] });
});

afterAll(async () => {
  await server?.close();
  await partnerServer?.close();
});

describe('security headers', () => {
  it('pages and API answers forbid framing, sniffing and foreign scripts', async () => {
    const cookie = await login(server.url, 'alpha');
    const answers = await Promise.all([
      call(server.url, 'GET', '/'),
      call(server.url, 'GET', '/cabinet'),
      call(server.url, 'GET', API.health),
      call(server.url, 'GET', API.me, { cookie }),
      call(server.url, 'GET', apiPath(API.cabinetLeads, { exhibitorId: 'alpha-school' }), { cookie }),
      call(server.url, 'GET', '/api/no-such-thing'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 404]);
    for (const a of answers) {
      const csp = a.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(a.headers.get('x-frame-options')).toBe('DENY');
      expect(a.headers.get('x-content-type-options')).toBe('nosniff');
      expect(a.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('uploads and SVG logos keep their own stricter CSP', async () => {
    const logo = await call(server.url, 'GET', '/assets/logos/akademiya-detstva.svg');
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
  });
});

describe('CORS', () => {
  it('is absent by default: no Access-Control-* on API or matchmaker answers, whatever the Origin', async () => {
    const cookie = await login(server.url, 'alpha');
    const headers = { origin: EVIL };
    const answers = await Promise.all([
      call(server.url, 'GET', API.health, { headers }),
      call(server.url, 'GET', API.me, { cookie, headers }),
      call(server.url, 'GET', apiPath(API.cabinetLeads, { exhibitorId: 'alpha-school' }), { cookie, headers }),
      call(server.url, 'OPTIONS', API.me, { headers: { ...headers, 'access-control-request-method': 'GET' } }),
      call(server.url, 'POST', '/matchmake/joinOrCreate/floor', { headers, body: { floorId: 'mini-a' } }),
      call(server.url, 'OPTIONS', '/matchmake/joinOrCreate/floor', { headers: { ...headers, 'access-control-request-method': 'POST' } }),
    ]);
    // Pages of another origin may not even reserve a seat (tests/rooms/matchmaking-limits.test.ts).
    expect(answers[4]?.status).toBe(403);
    for (const a of answers) expect(corsHeaders(a.headers)).toEqual([]);
  });

  it('an allowed origin gets CORS for the matchmaker only, without credentials', async () => {
    const mm = await call(partnerServer.url, 'POST', '/matchmake/joinOrCreate/floor', { headers: { origin: PARTNER }, body: { floorId: 'mini-a' } });
    expect(mm.status).toBe(200);
    expect(mm.headers.get('access-control-allow-origin')).toBe(PARTNER);
    expect(mm.headers.get('access-control-allow-credentials')).toBeNull();

    const preflight = await call(partnerServer.url, 'OPTIONS', '/matchmake/joinById/x', {
      headers: { origin: PARTNER, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PARTNER);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();

    const api = await call(partnerServer.url, 'GET', API.health, { headers: { origin: PARTNER } });
    expect(corsHeaders(api.headers)).toEqual([]);
    const other = await call(partnerServer.url, 'POST', '/matchmake/joinOrCreate/floor', { headers: { origin: EVIL }, body: { floorId: 'mini-a' } });
    expect(corsHeaders(other.headers)).toEqual([]);
  });
});
