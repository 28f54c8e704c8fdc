// Ids that name Object.prototype's own keys ("__proto__", "constructor", ...) in every route
// with an id in its path: each answers 404 (or 401/403 where auth is checked first), never a
// 500 from a store that read an inherited property as if it were a record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import { CALLBACK, CARD, type TestServer, bootTestServer, call } from '../fixtures/cabinet.ts';
import { type TestAccount, credentials } from '../fixtures/accounts.ts';

const IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

let server: TestServer;

/** The session cookie only (the answer also sets the visitor-id cookie). */
async function login(base: string, who: TestAccount): Promise<string> {
  const res = await fetch(base + API.login, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials(who)) });
  const pair = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('expo_session='));
  if (res.status !== 200 || !pair) throw new Error(`login as ${who}: ${res.status}`);
  return pair;
}
let org = '';
let alpha = '';

beforeAll(async () => {
  server = await bootTestServer();
  org = await login(server.url, 'org');
  alpha = await login(server.url, 'alpha');
});
afterAll(async () => {
  await server.close();
});

interface Probe {
  method: string;
  path: (id: string) => string;
  body?: unknown;
  cookie?: () => string;
}

const EVENT = { kind: 'visit', visitorId: 'visitor-0001' };
const QUICK = { replies: ['Здравствуйте!'] };
const EXHIBIT = { name: 'X', description: 'x', site: 'https://x.example', email: 'x@x.example', phone: '', logo: 'logos/x.svg' };

/** Every route with an id in its path, once per id position. */
const PROBES: Probe[] = [
  { method: 'GET', path: (id) => apiPath(API.floor, { floorId: id }) },
  { method: 'GET', path: (id) => apiPath(API.exhibitor, { exhibitorId: id }) },
  { method: 'GET', path: (id) => apiPath(API.standContent, { exhibitorId: id }) },
  { method: 'POST', path: (id) => apiPath(API.standEvents, { exhibitorId: id }), body: EVENT },
  { method: 'POST', path: (id) => apiPath(API.callback, { exhibitorId: id }), body: CALLBACK },
  { method: 'POST', path: (id) => apiPath(API.cardForMaterials, { exhibitorId: id }), body: CARD },
  { method: 'GET', path: (id) => apiPath(API.webinarIcs, { exhibitorId: id, webinarId: 'w1' }) },
  { method: 'GET', path: (id) => apiPath(API.webinarIcs, { exhibitorId: 'alpha-school', webinarId: id }) },
  ...(['org', 'alpha'] as const).flatMap((who): Probe[] => {
    const cookie = () => (who === 'org' ? org : alpha);
    return [
      { method: 'GET', path: (id) => apiPath(API.cabinetExhibitor, { exhibitorId: id }), cookie },
      { method: 'PUT', path: (id) => apiPath(API.cabinetExhibitor, { exhibitorId: id }), body: EXHIBIT, cookie },
      { method: 'GET', path: (id) => apiPath(API.cabinetContent, { exhibitorId: id }), cookie },
      { method: 'PUT', path: (id) => apiPath(API.cabinetContent, { exhibitorId: id }), body: {}, cookie },
      { method: 'GET', path: (id) => apiPath(API.cabinetLeads, { exhibitorId: id }), cookie },
      { method: 'GET', path: (id) => apiPath(API.cabinetLeadsCsv, { exhibitorId: id }), cookie },
      { method: 'PATCH', path: (id) => apiPath(API.cabinetLead, { exhibitorId: id, leadId: 'x' }), body: { status: 'done' }, cookie },
      { method: 'PATCH', path: (id) => apiPath(API.cabinetLead, { exhibitorId: 'alpha-school', leadId: id }), body: { status: 'done' }, cookie },
      { method: 'GET', path: (id) => apiPath(API.cabinetAnalytics, { exhibitorId: id }), cookie },
      { method: 'POST', path: (id) => apiPath(API.cabinetUpload, { exhibitorId: id }), cookie },
      { method: 'GET', path: (id) => apiPath(API.cabinetQuickReplies, { exhibitorId: id }), cookie },
      { method: 'PUT', path: (id) => apiPath(API.cabinetQuickReplies, { exhibitorId: id }), body: QUICK, cookie },
    ];
  }),
  // Without a session the cabinet answers 401 before it looks at the id.
  { method: 'GET', path: (id) => apiPath(API.cabinetLeads, { exhibitorId: id }) },
  { method: 'GET', path: (id) => apiPath(API.cabinetQuickReplies, { exhibitorId: id }) },
];

describe('prototype keys as ids', () => {
  it('answer 404 (or 401/403 before the id is looked at) on every route, never 500', async () => {
    const answers: string[] = [];
    for (const id of IDS) {
      for (const p of PROBES) {
        const url = p.path(id);
        const res = await call(server.url, p.method, url, { body: p.body, cookie: p.cookie?.() });
        if (![401, 403, 404].includes(res.status)) answers.push(`${p.method} ${url} (${p.cookie ? 'logged in' : 'anonymous'}): ${res.status} ${res.text.slice(0, 80)}`);
      }
    }
    expect(answers).toEqual([]);
  });

  it('as stand ids in a visitor\'s unread query: no 500, nothing counted', async () => {
    for (const id of IDS) {
      const res = await call(server.url, 'POST', API.chatUnread, { body: `{"visitorId":"visitor-0001","marks":{"${id}":0}}` });
      expect(res.status, res.text).toBeLessThan(500);
    }
  });
});
