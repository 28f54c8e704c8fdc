// "My programme" on the real server (127.0.0.1, ephemeral port, lowdb in a temp folder): stars
// and reminder settings per signed visitor, refused bodies that change nothing, data that
// survives a restart, a calendar feed whose SEQUENCE / LAST-MODIFIED / CANCELLED follow edits
// of the programme files, transfer to another browser by a one-time code, and a reminder
// e-mail that reaches a real SMTP server once, also across a restart.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/api.ts';
import type { MyProgrammeView, TransferCodeView } from '../../shared/programme/myProgramme.ts';
import { type RunningServer, startServer } from '../../server/app.ts';
import { ROOT, type ServerConfig } from '../../server/config.ts';
import { call } from '../fixtures/cabinet.ts';
import { type TestSmtpServer, startTestSmtp } from '../fixtures/smtpServer.ts';
import { visitorCookie } from '../fixtures/visitor.ts';

const DIGITAL = 'main-d1-digital-school-1'; // 2026-04-14 10:00, 45 min
const RURAL = 'main-d1-rural-school-1'; // 10:00, 60 min: clashes with DIGITAL
const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => fs.rm(d, { recursive: true, force: true })));
});

async function tempFair(): Promise<{ dir: string; config: ServerConfig }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'my-programme-'));
  temps.push(dir);
  await fs.cp(path.join(ROOT, 'programme'), path.join(dir, 'programme'), { recursive: true });
  return {
    dir,
    config: {
      port: 0,
      host: '127.0.0.1',
      dataDir: path.join(dir, 'data'),
      levelsDir: path.join(ROOT, 'levels'),
      assetsDir: path.join(ROOT, 'assets'),
      clientDir: path.join(dir, 'client'),
      seedFile: path.join(ROOT, 'assets', 'seed', 'exhibitors.json'),
      quiet: true,
      watchLevels: false,
      watchProgramme: false,
      programmeDir: path.join(dir, 'programme'),
    },
  };
}

const mine = async (server: { url: string }, cookie: string) => (await call(server.url, 'GET', API.myProgramme, { cookie })).json as MyProgrammeView;
const star = (server: { url: string }, cookie: string, eventId: string, starred = true) =>
  call(server.url, 'POST', API.myProgrammeStars, { cookie, body: { eventId, starred } });

/** The expo_vid=... pair a response set, if any. */
function setVisitor(headers: Headers): string | undefined {
  return headers
    .getSetCookie()
    .map((l) => l.split(';')[0]!.trim())
    .find((p) => p.startsWith('expo_vid='));
}

describe('my programme: per visitor, validated, durable, transferable', () => {
  let fair: Awaited<ReturnType<typeof tempFair>>;
  let server: RunningServer;
  beforeAll(async () => {
    fair = await tempFair();
    server = await startServer(fair.config);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps each visitor’s stars and settings apart, and refuses bad input without changing anything', async () => {
    const anna = await visitorCookie(server.url);
    const boris = await visitorCookie(server.url);
    expect((await star(server, anna, DIGITAL)).status).toBe(200);
    expect((await star(server, anna, RURAL)).status).toBe(200);
    const a = await mine(server, anna);
    expect(a.starred.map((s) => s.eventId)).toEqual([DIGITAL, RURAL]);
    expect(a.feedPath).toMatch(/^\/api\/programme\/feed\/[A-Za-z0-9_-]{32}\.ics$/);
    // Boris sees none of it, and unstarring "his" copy of Anna's star changes nothing of hers.
    const b = await mine(server, boris);
    expect(b.starred).toEqual([]);
    // Visiting alone stores nothing: no calendar address until a star or a request.
    expect(b.feedPath).toBeNull();
    await star(server, boris, DIGITAL, false);
    expect((await mine(server, anna)).starred).toHaveLength(2);

    const before = await mine(server, anna);
    for (const body of [{ eventId: DIGITAL }, { eventId: 'Not An Id', starred: true }, { eventId: DIGITAL, starred: 'yes' }, { eventId: DIGITAL, starred: true, visitorId: 'x' }]) {
      const res = await call(server.url, 'POST', API.myProgrammeStars, { cookie: anna, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.json as { details: string[] }).details.length).toBeGreaterThan(0);
    }
    expect((await star(server, anna, 'no-such-event')).status).toBe(404);
    const noConsent = await call(server.url, 'PUT', API.myProgrammeReminders, { cookie: anna, body: { leadMinutes: 10, email: 'anna@school.test' } });
    expect(noConsent.status).toBe(400);
    expect((noConsent.json as { details: string[] }).details.join()).toContain('consent');
    const badMail = await call(server.url, 'PUT', API.myProgrammeReminders, { cookie: anna, body: { leadMinutes: 10, email: 'not-an-address', consent: true } });
    expect(badMail.status).toBe(400);
    expect(await mine(server, anna)).toEqual(before);

    const ok = await call(server.url, 'PUT', API.myProgrammeReminders, { cookie: anna, body: { leadMinutes: 15, email: ' Anna@School.test ', consent: true } });
    expect(ok.status).toBe(200);
    expect((ok.json as MyProgrammeView).reminders).toMatchObject({ leadMinutes: 15, email: 'anna@school.test' });
    expect((await mine(server, boris)).reminders.email).toBeNull();
  });

  it('serves the feed only by its secret token, with stable UIDs, alarms and the lead time', async () => {
    const anna = await visitorCookie(server.url);
    await star(server, anna, DIGITAL);
    await call(server.url, 'PUT', API.myProgrammeReminders, { cookie: anna, body: { leadMinutes: 20, email: null } });
    const feedPath = (await mine(server, anna)).feedPath!;
    // No cookie at all: a calendar app has none.
    const res = await fetch(server.url + feedPath);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const ics = await res.text();
    const uid = new RegExp(`UID:${DIGITAL}@[a-z0-9.-]+`).exec(ics)?.[0];
    expect(uid).toBeDefined();
    expect(ics).toContain('SEQUENCE:0');
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).toContain('TRIGGER:-PT20M');
    expect(ics).toMatch(/DTSTART:20260414T070000Z/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    // The same UID as the one-off download of that event.
    const single = await (await fetch(server.url + API.programmeEventIcs.replace(':eventId', DIGITAL))).text();
    expect(single).toContain(uid);
    for (const bad of ['/api/programme/feed/nope.ics', feedPath.replace(/.{6}\.ics$/, 'AAAAAA.ics'), '/api/programme/feed/__proto__.ics']) {
      expect((await fetch(server.url + bad)).status, bad).toBe(404);
    }
    // A new address: the old one stops working.
    const renewed = (await call(server.url, 'POST', API.myProgrammeFeed, { cookie: anna })).json as MyProgrammeView;
    expect(renewed.feedPath).not.toBe(feedPath);
    expect((await fetch(server.url + feedPath)).status).toBe(404);
    expect((await fetch(server.url + renewed.feedPath!)).status).toBe(200);
  });

  it('reflects an edited event (SEQUENCE, LAST-MODIFIED) and a removed one (CANCELLED) in the feed', async () => {
    const anna = await visitorCookie(server.url);
    await star(server, anna, DIGITAL);
    await star(server, anna, RURAL);
    const feedPath = (await mine(server, anna)).feedPath!;
    const file = path.join(fair.dir, 'programme', 'events', 'main-1.json');
    const json = JSON.parse(await fs.readFile(file, 'utf8')) as { events: { id: string; title: { ru: string }; start: string }[] };
    const digital = json.events.find((e) => e.id === DIGITAL)!;
    digital.title = { ru: 'Цифровая школа: новое название' };
    digital.start = '2026-04-14T10:15:00+03:00';
    json.events = json.events.filter((e) => e.id !== RURAL);
    const changedAt = Date.now();
    await fs.writeFile(file, JSON.stringify(json, null, 2));
    await server.programme.store.load();
    await server.myProgramme.ledger.synced();
    const ics = await (await fetch(server.url + feedPath)).text();
    const [, dEvent] = ics.split(`UID:${DIGITAL}@`);
    expect(dEvent).toContain('SEQUENCE:1');
    expect(dEvent).toContain('DTSTART:20260414T071500Z');
    const lastModified = /LAST-MODIFIED:(\d{8}T\d{6}Z)/.exec(dEvent!)![1]!;
    const lm = Date.parse(lastModified.replace(/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/, '$1-$2-$3T$4:$5:$6Z'));
    expect(lm).toBeGreaterThanOrEqual(Math.floor(changedAt / 1000) * 1000);
    const rEvent = ics.split(`UID:${RURAL}@`)[1]!.split('END:VEVENT')[0]!;
    expect(rEvent).toContain('STATUS:CANCELLED');
    expect(rEvent).toContain('SEQUENCE:1');
    expect(rEvent).not.toContain('VALARM');
    // The removed event is still listed as starred (the page shows it cancelled, as last seen) and can be unstarred.
    const after = await mine(server, anna);
    expect(after.starred.map((s) => s.eventId)).toContain(RURAL);
    expect(after.removed.map((r) => r.id)).toEqual([RURAL]);
    expect(after.events.find((e) => e.id === DIGITAL)?.title.ru).toBe('Цифровая школа: новое название');
    expect((await star(server, anna, RURAL, false)).status).toBe(200);
  });

  it('moves a programme to another browser with a one-time code, merging that browser’s own stars', async () => {
    const phone = await visitorCookie(server.url);
    const laptop = await visitorCookie(server.url);
    await star(server, phone, DIGITAL);
    await call(server.url, 'PUT', API.myProgrammeReminders, { cookie: phone, body: { leadMinutes: 30, email: 'teacher@school.test', consent: true } });
    await star(server, laptop, 'main-d1-higher-education-1');
    const made = await call(server.url, 'POST', API.myProgrammeTransfer, { cookie: phone });
    expect(made.status).toBe(200);
    const t = made.json as TransferCodeView;
    expect(t.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(t.linkPath).toBe(`/programme/my?transfer=${t.code.replace('-', '')}`);
    // Typed sloppily: lower case, spaces.
    const redeemed = await call(server.url, 'POST', API.myProgrammeRedeem, { cookie: laptop, body: { code: ` ${t.code.toLowerCase().replace('-', ' ')} ` } });
    expect(redeemed.status).toBe(200);
    const moved = setVisitor(redeemed.headers)!;
    expect(moved).toBe(phone);
    const view = redeemed.json as MyProgrammeView;
    expect(view.starred.map((s) => s.eventId)).toEqual([DIGITAL, 'main-d1-higher-education-1']);
    expect(view.reminders.email).toBe('teacher@school.test');
    // Both browsers now share one programme.
    expect((await mine(server, phone)).starred).toHaveLength(2);
    // Single use; an unknown code is refused the same way; a malformed one is a 400.
    const again = await call(server.url, 'POST', API.myProgrammeRedeem, { cookie: await visitorCookie(server.url), body: { code: t.code } });
    expect(again.status).toBe(404);
    expect((await call(server.url, 'POST', API.myProgrammeRedeem, { cookie: laptop, body: { code: 'abc' } })).status).toBe(400);
  });

  it('keeps everything across a restart', async () => {
    const anna = await visitorCookie(server.url);
    await star(server, anna, 'main-d1-science-education-1');
    await call(server.url, 'PUT', API.myProgrammeReminders, { cookie: anna, body: { leadMinutes: 5, email: null } });
    const before = await mine(server, anna);
    await server.close();
    server = await startServer(fair.config);
    const after = await mine(server, anna);
    expect(after).toEqual(before);
    expect((await fetch(server.url + after.feedPath!)).status).toBe(200);
  }, 30_000);
});

describe('e-mail reminders through a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let fair: Awaited<ReturnType<typeof tempFair>>;
  let server: RunningServer;
  const start = Date.parse('2026-04-14T10:00:00+03:00');
  /** The fair clock reads `ahead` before DIGITAL's start when the server boots. */
  const boot = (ahead: number) => startServer({ ...fair.config, smtpUrl: smtp.url, fairClockOffsetMs: start - ahead - Date.now() });
  beforeAll(async () => {
    smtp = await startTestSmtp();
    fair = await tempFair();
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('sends one reminder lead minutes before a starred event, and not again after a restart', async () => {
    // 10 minutes and 6 seconds before the start: with a 10-minute lead the reminder is due in ~6 s.
    server = await boot(10 * 60_000 + 6_000);
    const anna = await visitorCookie(server.url);
    const boris = await visitorCookie(server.url);
    await call(server.url, 'PUT', API.myProgrammeReminders, { cookie: anna, body: { leadMinutes: 10, email: 'anna@school.test', consent: true } });
    await star(server, anna, DIGITAL);
    // Boris starred it too but left no address: nothing for him.
    await star(server, boris, DIGITAL);
    expect(server.myProgramme.reminders.scheduled).toBe(1);
    expect(smtp.received).toHaveLength(0);
    await expect.poll(() => smtp.received.length, { timeout: 25_000, interval: 200 }).toBe(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['anna@school.test']);
    expect(mail.headers.get('x-expo-reminder')).toBe(DIGITAL);
    expect(mail.body).toContain(`${server.url}/programme/${DIGITAL}`);
    expect(mail.body).toContain('/programme/my');
    // Restarted still before the start, with the reminder already due: it is not sent twice.
    await server.close();
    server = await boot(5 * 60_000);
    await server.myProgramme.reminders.idle();
    await new Promise((r) => setTimeout(r, 500));
    await server.myProgramme.reminders.idle();
    expect(smtp.received).toHaveLength(1);
  }, 60_000);

  it('sends a reminder that fell due while the server was down, unless the event has begun', async () => {
    await server.close();
    server = await boot(60 * 60_000);
    const anna = await visitorCookie(server.url);
    await call(server.url, 'PUT', API.myProgrammeReminders, { cookie: anna, body: { leadMinutes: 30, email: 'late@school.test', consent: true } });
    await star(server, anna, RURAL);
    await star(server, anna, 'main-d1-higher-education-1');
    await server.close();
    // Back 20 minutes before both starts: the 30-minute reminders are overdue, and go out now.
    server = await boot(20 * 60_000);
    await expect.poll(() => smtp.received.filter((m) => m.to[0] === 'late@school.test').length, { timeout: 15_000 }).toBe(2);
    await server.close();
    // After the start: nothing more (nor twice).
    server = await boot(-60_000);
    await server.myProgramme.reminders.idle();
    expect(server.myProgramme.reminders.scheduled).toBe(0);
    expect(smtp.received.filter((m) => m.to[0] === 'late@school.test')).toHaveLength(2);
  }, 60_000);
});
