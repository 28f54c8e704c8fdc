// Who someone is in a stand chat is decided by the server, not by the client: a visitor is the
// signed expo_vid cookie of their browser, limits and mutes hold per visitor and per address,
// and staff connections live only as long as the cabinet session their ticket came from.
// Real server on 127.0.0.1, real @colyseus/sdk clients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/api.ts';
import { CHAT_CLOSE, type ChatPostResult } from '../../shared/chat.ts';
import { JOIN_ERRORS } from '../../shared/protocol.ts';
import { guestNameOf } from '../../server/visitors/visitorId.ts';
import { addressPosts } from '../../server/chat/postLimit.ts';
import { type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';
import { credentials } from '../fixtures/accounts.ts';
import { visitorCookie } from '../fixtures/visitor.ts';
import { type ChatUser, joinAsVisitor, joinWith, newVisitorId, until } from './chatDriver.ts';

let server: TestServer;

beforeAll(async () => {
  // Dozens of test clients share 127.0.0.1: the per-address socket caps are not under test here.
  server = await bootTestServer({ maxSocketsPerAddress: 1000, maxPendingJoinsPerAddress: 100 });
});
afterAll(async () => {
  await server?.close();
});

/** The visitor id inside an expo_vid cookie pair ("expo_vid=<id>.<mac>"). */
function idOf(cookie: string): string {
  return decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1)).split('.')[0]!;
}

async function codeOfRefusal(join: Promise<unknown>): Promise<number | undefined> {
  try {
    await join;
  } catch (e) {
    return (e as { code?: number }).code;
  }
  throw new Error('the join was accepted');
}

/** `n` connections, five joins at a time (the order does not matter here). */
async function joinMany(n: number, join: (i: number) => Promise<ChatUser>): Promise<ChatUser[]> {
  const out: ChatUser[] = [];
  for (let i = 0; i < n; i += 5) out.push(...(await Promise.all(Array.from({ length: Math.min(5, n - i) }, (_, j) => join(i + j)))));
  return out;
}

async function postAll(users: ChatUser[], perUser: number): Promise<ChatPostResult[]> {
  const results: ChatPostResult[] = [];
  for (const u of users) for (let k = 0; k < perUser; k++) results.push(await u.post(`сообщение ${k}`));
  return results;
}

async function ticketOf(sessionCookie: string): Promise<string> {
  const res = await call(server.url, 'POST', API.chatTicket, { cookie: sessionCookie });
  if (res.status !== 200) throw new Error(`ticket: ${res.status} ${res.text}`);
  return (res.json as { ticket: string }).ticket;
}

describe('chat identity', () => {
  it('refuses joins without the signed visitor cookie, whatever visitorId the options name', async () => {
    for (let i = 0; i < 40; i++) {
      const code = await codeOfRefusal(joinWith(server.url, { standId: 'a-1', visitorId: newVisitorId(), name: `Бот ${i}` }, null));
      expect(code).toBe(JOIN_ERRORS.visitorRequired.code);
    }
    // A cookie the server did not sign is no better.
    const forged = `expo_vid=${newVisitorId().slice(0, 22)}.${'A'.repeat(22)}`;
    expect(await codeOfRefusal(joinWith(server.url, { standId: 'a-1', name: 'Бот' }, forged))).toBe(JOIN_ERRORS.visitorRequired.code);
  });

  it('limits posting per visitor across all connections of one browser', async () => {
    const cookie = await visitorCookie(server.url);
    const tabs = await joinMany(40, (i) => joinWith(server.url, { standId: 'a-1', visitorId: newVisitorId(), name: `Вкладка ${i}` }, cookie));
    const started = Date.now();
    const results = await postAll(tabs, 6);
    const seconds = (Date.now() - started) / 1000;
    const accepted = results.filter((r) => r.ok).length;
    // A burst of 5, then one every 3 s: 240 attempts, a handful accepted.
    expect(accepted).toBeGreaterThanOrEqual(5);
    expect(accepted).toBeLessThanOrEqual(5 + Math.ceil(seconds / 3));
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === 'rate')).toBe(true);
    // One browser, one person: the same guest name in every tab and on every stand.
    const elsewhere = await joinWith(server.url, { standId: 'a-2' }, cookie);
    expect(elsewhere.welcome.me.name).toBe(guestNameOf(idOf(cookie)));
    expect(tabs[0]!.welcome.me.kind === 'visitor' && tabs[0]!.welcome.me.name).toBe('Вкладка 0');
    await Promise.all([...tabs, elsewhere].map((u) => u.leave()));
  });

  it('limits posting per address across many browsers, with a budget larger than one visitor', async () => {
    // Forty browsers on one address (cookies are free: any page gives one).
    const browsers = await joinMany(40, (i) => joinAsVisitor(server.url, 'a-4', `Ученик ${i}`));
    const started = Date.now();
    const results = await postAll(browsers, 6);
    const seconds = (Date.now() - started) / 1000;
    const accepted = results.filter((r) => r.ok).length;
    const budget = addressPosts();
    // Without the address budget each browser would get its own burst of 5: 200 accepted.
    expect(accepted).toBeGreaterThan(5);
    expect(accepted).toBeLessThanOrEqual(budget.burst + Math.ceil(seconds * budget.perSecond));
    await Promise.all(browsers.map((u) => u.leave()));
  });

  it('a muted visitor stays muted on that stand with a fresh cookie from the same address', async () => {
    const staffCookie = await login(server.url, 'beta');
    const staff = await joinWith(server.url, { standId: 'a-3', ticket: await ticketOf(staffCookie) }, null);
    const troll = await joinAsVisitor(server.url, 'a-3', 'Тролль');
    const spam = await troll.post('спам');
    if (!spam.ok) throw new Error('post failed');
    expect((await staff.mute(spam.message.id, 15)).ok).toBe(true);
    await until(() => troll.mutedUntil !== null);

    // A new browser identity, and a made-up forwarding header (no TRUST_PROXY: never believed).
    const again = await joinAsVisitor(server.url, 'a-3', 'Новичок', undefined);
    expect(again.welcome.me.kind === 'visitor' && again.welcome.me.ref).not.toBe(troll.welcome.me.kind === 'visitor' && troll.welcome.me.ref);
    expect(again.welcome.mutedUntil).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await again.post('это уже не я')).toMatchObject({ ok: false, error: 'muted' });
    const spoofed = await joinWith(server.url, { standId: 'a-3', name: 'Гость' }, await visitorCookie(server.url), {
      'X-Forwarded-For': '203.0.113.7',
      'X-Real-IP': '203.0.113.8',
    });
    expect(await spoofed.post('а так?')).toMatchObject({ ok: false, error: 'muted' });
    // The mute is for that stand only.
    const otherStand = await joinAsVisitor(server.url, 'b-2', 'Тролль', troll.cookie);
    expect((await otherStand.post('здравствуйте')).ok).toBe(true);
    await Promise.all([staff, troll, again, spoofed, otherStand].map((u) => u.leave()));
  });

  it('closes staff connections when the account logs out, and tickets from that session stop joining', async () => {
    const session = await login(server.url, 'alpha');
    const ticket = await ticketOf(session);
    // The same account in another browser: its session goes on.
    const elsewhere = await joinWith(server.url, { standId: 'a-1', ticket: await ticketOf(await login(server.url, 'alpha')) }, null);
    // Alpha's stands a-1 and b-3: both rooms hold one of its connections.
    const onA1 = await joinWith(server.url, { standId: 'a-1', ticket }, null);
    const onB3 = await joinWith(server.url, { standId: 'b-3', ticket }, null);
    const visitor = await joinAsVisitor(server.url, 'a-1', 'Оля');
    await until(() => visitor.staff.some((s) => s.name === 'Alpha Staff'));

    expect((await call(server.url, 'POST', API.logout, { cookie: session })).status).toBeLessThan(300);
    await until(() => onA1.closedWith !== null && onB3.closedWith !== null);
    expect(onA1.closedWith).toBe(CHAT_CLOSE.sessionEnded);
    expect(onB3.closedWith).toBe(CHAT_CLOSE.sessionEnded);
    // The other browser's connection stays, so its staff are still online.
    expect(elsewhere.closedWith).toBeNull();
    expect(visitor.staff.some((s) => s.name === 'Alpha Staff')).toBe(true);
    // The ticket is still within its ten minutes, but its session is gone.
    await expect(joinWith(server.url, { standId: 'a-1', ticket }, null)).rejects.toThrow();
    await Promise.all([visitor.leave(), elsewhere.leave()]);
  });

  it('closes staff connections on a password change; only tickets of the session that changed it join again', async () => {
    const other = await login(server.url, 'beta');
    const changer = await login(server.url, 'beta');
    const otherTicket = await ticketOf(other);
    const changerTicket = await ticketOf(changer);
    const staff = await joinWith(server.url, { standId: 'b-2', ticket: otherTicket }, null);
    const mine = await joinWith(server.url, { standId: 'b-2', ticket: changerTicket }, null);

    const changed = await call(server.url, 'POST', API.password, {
      cookie: changer,
      body: { current: credentials('beta').password, next: 'a brand-new passphrase 2026' },
    });
    expect(changed.status).toBeLessThan(300);
    await until(() => staff.closedWith !== null);
    expect(staff.closedWith).toBe(CHAT_CLOSE.sessionEnded);
    await expect(joinWith(server.url, { standId: 'b-2', ticket: otherTicket }, null)).rejects.toThrow();
    // The browser that changed the password stays logged in, and its staff may work on.
    const back = await joinWith(server.url, { standId: 'b-2', ticket: changerTicket }, null);
    expect(back.welcome.me.kind).toBe('staff');
    expect(mine.closedWith).toBeNull();
    await Promise.all([back.leave(), mine.leave()]);
  });
});
