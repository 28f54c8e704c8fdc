// What visitors do at a stand, on the real server: read the interior, count events, leave
// callback requests and business cards (validated, rate-limited), take a webinar as .ics.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type LeadAccepted, apiPath } from '../../shared/api.ts';
import type { StandAnalytics } from '../../shared/analytics.ts';
import type { Lead } from '../../shared/leads.ts';
import type { StandContent } from '../../shared/standContent.ts';
import { readContentSeed } from '../../server/storage/seed.ts';
import { CALLBACK, CARD, type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';

let server: TestServer;
let alpha: string;
beforeAll(async () => {
  server = await bootTestServer({ trustProxy: true });
  alpha = await login(server.url, 'alpha');
});
afterAll(async () => {
  await server?.close();
});

let nextIp = 1;
/** A browser's visitor-id cookie, as the server would have set it ("expo_vid=..."). */
function visitorCookie(): string {
  return server.visitors.issue().cookie.split(';')[0]!;
}

function from(): Record<string, string> {
  return { 'x-forwarded-for': `10.1.0.${nextIp++}` };
}
const p = (path: string, exhibitorId: string, extra: Record<string, string> = {}) => apiPath(path, { exhibitorId, ...extra });

describe('stand content', () => {
  it('serves the seeded interior, an empty one, or 404', async () => {
    const a = await call(server.url, 'GET', p(API.standContent, 'alpha-school'));
    expect(a.status).toBe(200);
    const content = a.json as StandContent;
    expect(content.gallery[0]!.title).toBe('Robotics club');
    expect(content.webinars[0]!.id).toBe('open-day');
    const b = await call(server.url, 'GET', p(API.standContent, 'beta-university'));
    expect(b.json).toEqual({ gallery: [], materials: [], webinars: [] });
    const none = await call(server.url, 'GET', p(API.standContent, 'no-such-stand'));
    expect(none.status).toBe(404);
    expect((none.json as { error: string }).error).toMatch(/not found/);
  });
});

describe('content seed', () => {
  it('keeps the valid stands, skips and logs the broken ones, and starts empty without a file', async () => {
    const file = path.join(server.dataDir, 'seed-content.json');
    await fs.writeFile(
      file,
      JSON.stringify({
        'alpha-school': { gallery: [], materials: [], webinars: [] },
        'beta-university': { gallery: 'not a list' },
        'no-such-exhibitor': { gallery: [] },
      }),
    );
    const lines: string[] = [];
    const seed = await readContentSeed(file, (l) => lines.push(l), (id) => id !== 'no-such-exhibitor');
    expect(Object.keys(seed)).toEqual(['alpha-school']);
    expect(lines).toEqual([expect.stringMatching(/skipped "beta-university": gallery: /), expect.stringMatching(/skipped "no-such-exhibitor": no such exhibitor/)]);
    expect(await readContentSeed(path.join(server.dataDir, 'missing.json'), () => {})).toEqual({});
  });
});

describe('leads from visitors', () => {
  it('stores a callback request and answers 201', async () => {
    const res = await call(server.url, 'POST', p(API.callback, 'alpha-school') + '?stand=a-1', { body: CALLBACK, headers: from() });
    expect(res.status).toBe(201);
    const ok = res.json as LeadAccepted;
    expect(ok.mail).toBe('none');
    const leads = (await call(server.url, 'GET', p(API.cabinetLeads, 'alpha-school'), { cookie: alpha })).json as Lead[];
    const lead = leads.find((l) => l.id === ok.id)!;
    expect(lead).toMatchObject({ kind: 'callback', status: 'new', note: '', exhibitorId: 'alpha-school', standId: 'a-1' });
    expect(lead.callback).toEqual({ name: 'Иван Петров', phone: '+7 999 123-45-67', preferredTime: 'после 15:00', question: 'Есть ли места?' });
  });

  it('stores a business card and queues the materials e-mail', async () => {
    const res = await call(server.url, 'POST', p(API.cardForMaterials, 'alpha-school'), { body: CARD, headers: from() });
    expect(res.status).toBe(201);
    const ok = res.json as LeadAccepted;
    expect(ok.mail).toBe('queued');
    const lead = (await server.storage.getLead(ok.id))!;
    expect(lead.kind).toBe('card');
    expect(lead.card).toEqual(CARD.card);
    expect(lead.mail?.status).toBeDefined();
  });

  it('lists every problem of a bad form and stores nothing', async () => {
    const before = (await server.storage.listLeads('alpha-school')).length;
    const res = await call(server.url, 'POST', p(API.callback, 'alpha-school'), {
      body: { name: 'И', phone: 'call me', consent: false, extra: 'x' },
      headers: from(),
    });
    expect(res.status).toBe(400);
    const body = res.json as { error: string; details: string[] };
    expect(body.error).toMatch(/not valid/);
    expect(body.details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^name: enter a name/),
        expect.stringMatching(/^phone: enter a phone number/),
        expect.stringMatching(/^consent: consent to processing personal data is required/),
        expect.stringMatching(/extra/),
      ]),
    );
    const card = await call(server.url, 'POST', p(API.cardForMaterials, 'alpha-school'), {
      body: { card: { ...CARD.card, email: 'nope' }, consent: true },
      headers: from(),
    });
    expect(card.status).toBe(400);
    expect((card.json as { details: string[] }).details).toEqual([expect.stringMatching(/^card\.email: enter an e-mail address/)]);
    expect((await server.storage.listLeads('alpha-school')).length).toBe(before);
  });

  it('refuses a stand of another exhibitor, an unknown exhibitor, bad JSON and huge bodies', async () => {
    const wrongStand = await call(server.url, 'POST', p(API.callback, 'alpha-school') + '?stand=a-2', { body: CALLBACK, headers: from() });
    expect(wrongStand.status).toBe(400);
    expect((wrongStand.json as { details: string[] }).details[0]).toMatch(/^stand: "a-2" is not a stand of this exhibitor/);
    expect((await call(server.url, 'POST', p(API.callback, 'nobody'), { body: CALLBACK, headers: from() })).status).toBe(404);
    const broken = await call(server.url, 'POST', p(API.callback, 'alpha-school'), { body: '{"name": ', headers: from() });
    expect(broken.status).toBe(400);
    expect(broken.json).toEqual({ error: 'the request body is not valid JSON' });
    const huge = await call(server.url, 'POST', p(API.callback, 'alpha-school'), { body: { ...CALLBACK, question: 'я'.repeat(300_000) }, headers: from() });
    expect(huge.status).toBe(413);
    expect((huge.json as { error: string }).error).toMatch(/too large/);
  });

  it('rate-limits lead forms per address: 10 a minute, then 429', async () => {
    const ip = from();
    for (let i = 0; i < 10; i++) {
      const res = await call(server.url, 'POST', p(API.callback, 'gamma-lab'), { body: CALLBACK, headers: ip });
      expect(res.status).toBe(201);
    }
    const over = await call(server.url, 'POST', p(API.cardForMaterials, 'gamma-lab'), { body: CARD, headers: ip });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await server.storage.listLeads('gamma-lab')).length).toBe(10);
    // Someone else is not affected.
    expect((await call(server.url, 'POST', p(API.callback, 'gamma-lab'), { body: CALLBACK, headers: from() })).status).toBe(201);
  });
});

describe('analytics', () => {
  it('counts visits, unique visitors, plays, downloads and leads per day', async () => {
    // Two browsers, each with its signed visitor-id cookie.
    const one = visitorCookie();
    const two = visitorCookie();
    const ev = (body: object, cookie?: string) => call(server.url, 'POST', p(API.standEvents, 'delta-books'), { body, headers: from(), cookie });
    expect((await ev({ kind: 'visit', visitorId: 'visitor-one-1' }, one)).status).toBe(204);
    expect((await ev({ kind: 'visit', visitorId: 'visitor-one-1', standId: 'a-4' }, one)).status).toBe(204);
    expect((await ev({ kind: 'visit', visitorId: 'visitor-two-2' }, two)).status).toBe(204);
    expect((await ev({ kind: 'video', visitorId: 'visitor-two-2', item: 'intro' }, two)).status).toBe(204);
    expect((await ev({ kind: 'download', visitorId: 'visitor-one-1', item: 'price' }, one)).status).toBe(204);
    expect((await ev({ kind: 'download', visitorId: 'visitor-two-2', item: 'price' }, two)).status).toBe(204);
    expect((await call(server.url, 'POST', p(API.callback, 'delta-books'), { body: CALLBACK, headers: from() })).status).toBe(201);

    const bad = await ev({ kind: 'like', visitorId: 'x' });
    expect(bad.status).toBe(400);
    expect((bad.json as { details: string[] }).details.map((d) => d.split(':')[0])).toEqual(['kind', 'visitorId']);
    expect((await call(server.url, 'POST', p(API.standEvents, 'nobody'), { body: { kind: 'visit', visitorId: 'visitor-one-1' } })).status).toBe(404);

    const org = await login(server.url, 'org');
    const res = await call(server.url, 'GET', p(API.cabinetAnalytics, 'delta-books'), { cookie: org });
    expect(res.status).toBe(200);
    const a = res.json as StandAnalytics;
    const today = new Date().toISOString().slice(0, 10);
    expect(a.exhibitorId).toBe('delta-books');
    expect(a.days).toEqual([{ day: today, visits: 3, uniqueVisitors: 2, videoPlays: 1, downloads: 2, leads: 1 }]);
    expect(a.totals).toEqual({ visits: 3, uniqueVisitors: 2, videoPlays: 1, downloads: 2, leads: 1 });
  });

  it('counts the signed visitor-id cookie, never a visitorId in the body', async () => {
    const ev = (body: object, cookie?: string) => call(server.url, 'POST', p(API.standEvents, 'gamma-lab'), { body, headers: from(), cookie });
    const one = visitorCookie();
    // One browser claiming three ids is one visitor; old pages that send no id still count.
    for (const visitorId of ['made-up-one', 'made-up-two', 'made-up-three']) expect((await ev({ kind: 'visit', visitorId }, one)).status).toBe(204);
    expect((await ev({ kind: 'visit' }, one)).status).toBe(204);
    // Two browsers claiming the same id are two visitors.
    expect((await ev({ kind: 'visit', visitorId: 'made-up-one' }, visitorCookie())).status).toBe(204);
    const a = await server.analytics.of('gamma-lab');
    expect(a.totals).toMatchObject({ visits: 5, uniqueVisitors: 2 });
  });

  it('fills every day from the first event to today with zeros', async () => {
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
    await server.analytics.record('epsilon-kids', { kind: 'visit', visitorId: 'old-visitor-1' }, threeDaysAgo);
    await server.analytics.record('epsilon-kids', { kind: 'visit', visitorId: 'old-visitor-1' }, new Date());
    const a = await server.analytics.of('epsilon-kids');
    expect(a.days.map((d) => d.visits)).toEqual([1, 0, 0, 1]);
    expect(a.days[0]!.day).toBe(threeDaysAgo.toISOString().slice(0, 10));
    expect(a.totals.uniqueVisitors).toBe(1);
    expect((await server.analytics.of('zeta-robotics')).days).toEqual([]);
  });
});

describe('webinar in a calendar', () => {
  it('serves a valid .ics: CRLF, UTC, escaped and folded text, attachment', async () => {
    const res = await call(server.url, 'GET', p(API.webinarIcs, 'alpha-school', { webinarId: 'open-day' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="open-day.ics"');
    const ics = res.text;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('\r\nUID:open-day.alpha-school@127.0.0.1\r\n');
    expect(unfolded).toContain('\r\nDTSTART:20300310T120000Z\r\n');
    expect(unfolded).toContain('\r\nDTEND:20300310T133000Z\r\n');
    expect(unfolded).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(unfolded).toContain('\r\nSUMMARY:День открытых дверей\\; вопросы\\, ответы и "экскурсия" по школе\\, которую мы очень ждём вместе с вами\r\n');
    expect(unfolded).toContain('DESCRIPTION:Alpha School\\nВебинар · Мария Иванова\\, директор\\nСсылка: https://alpha.example.org/live\\nСтенд: http://127.0.0.1:');
    expect(unfolded).toContain('/floor/mini-b/stand/b-3\r\n');
    expect((await call(server.url, 'GET', p(API.webinarIcs, 'alpha-school', { webinarId: 'nope' }))).status).toBe(404);
    expect((await call(server.url, 'GET', p(API.webinarIcs, 'nobody', { webinarId: 'open-day' }))).status).toBe(404);
  });
});
