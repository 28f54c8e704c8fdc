// "My programme" with two server processes on one PostgreSQL database (DATABASE_URL) and one
// visitor secret, as behind a balancer: a visitor's stars and settings made through one are
// read through the other, and the e-mail reminder both processes schedule reaches the real
// SMTP server once (the sent mark in the database decides who sends).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { API } from '../../shared/api.ts';
import type { MyProgrammeView } from '../../shared/programme/myProgramme.ts';
import { type TestServer, bootTestServer, call } from '../fixtures/cabinet.ts';
import { freshDatabase } from '../fixtures/services.ts';
import { type TestSmtpServer, startTestSmtp } from '../fixtures/smtpServer.ts';
import { visitorCookie } from '../fixtures/visitor.ts';

const DIGITAL = 'main-d1-digital-school-1'; // 2026-04-14 10:00 Moscow
const START = Date.parse('2026-04-14T10:00:00+03:00');

let db: { url: string; drop(): Promise<void> };
let smtp: TestSmtpServer;
const servers: TestServer[] = [];
const secretBefore = process.env.VISITOR_SECRET;
beforeAll(async () => {
  db = await freshDatabase(inject('databaseUrl'));
  smtp = await startTestSmtp();
  // Both processes must accept each other's cookies, as VISITOR_SECRET makes them in production.
  process.env.VISITOR_SECRET = 'my-programme-two-processes';
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await smtp?.close();
  await db?.drop();
  if (secretBefore === undefined) delete process.env.VISITOR_SECRET;
  else process.env.VISITOR_SECRET = secretBefore;
});

describe('my programme on PostgreSQL, two processes', () => {
  it('shares a visitor’s programme between processes and sends the reminder once', async () => {
    // The 10-minute reminder falls due ~8 s after the first process starts.
    const offset = START - 10 * 60_000 - 8_000 - Date.now();
    const boot = async () => {
      const s = await bootTestServer({ databaseUrl: db.url, smtpUrl: smtp.url, fairClockOffsetMs: offset, watchProgramme: false });
      servers.push(s);
      return s;
    };
    const a = await boot();
    const anna = await visitorCookie(a.url);
    expect((await call(a.url, 'PUT', API.myProgrammeReminders, { cookie: anna, body: { leadMinutes: 10, email: 'anna@school.test', consent: true } })).status).toBe(200);
    expect((await call(a.url, 'POST', API.myProgrammeStars, { cookie: anna, body: { eventId: DIGITAL, starred: true } })).status).toBe(200);
    // The second process starts after the star: it finds the reminder in the database.
    const b = await boot();
    const seen = (await call(b.url, 'GET', API.myProgramme, { cookie: anna })).json as MyProgrammeView;
    expect(seen.starred.map((x) => x.eventId)).toEqual([DIGITAL]);
    expect(seen.reminders.email).toBe('anna@school.test');
    expect(a.myProgramme.reminders.scheduled).toBe(1);
    expect(b.myProgramme.reminders.scheduled).toBe(1);
    // Another visitor sees none of it through either process.
    const boris = await visitorCookie(b.url);
    expect(((await call(a.url, 'GET', API.myProgramme, { cookie: boris })).json as MyProgrammeView).starred).toEqual([]);

    await expect.poll(() => smtp.received.length, { timeout: 25_000, interval: 200 }).toBe(1);
    await Promise.all([a.myProgramme.reminders.idle(), b.myProgramme.reminders.idle()]);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(smtp.received).toHaveLength(1);
    expect(a.myProgramme.reminders.sent + b.myProgramme.reminders.sent).toBe(1);
    expect(smtp.received[0]!.headers.get('x-expo-reminder')).toBe(DIGITAL);
  }, 90_000);
});
