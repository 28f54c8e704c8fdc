// Stand chat against a real server on 127.0.0.1 with real @colyseus/sdk clients: visitors
// and staff (joined with a ticket from their cabinet session) on the fixture floors.
// Stand a-1 belongs to alpha-school (account "alpha"); beta acts for other exhibitors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import { CHAT_TEXT_MAX, type ChatPage, type Inbox, splitLinks } from '../../shared/chat.ts';
import { CHAT_CLIENT_MSG, type Counts, PROTOCOL_VERSION, ROOMS, SERVER_MSG } from '../../shared/protocol.ts';
import { type TestServer, bootTestServer, call, login } from '../fixtures/cabinet.ts';
import { visitorClient, visitorCookie } from '../fixtures/visitor.ts';
import { joinAsStaff, joinAsVisitor, joinWith, newVisitorId, texts, ticketFor, until } from './chatDriver.ts';

let server: TestServer;

beforeAll(async () => {
  server = await bootTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('stand chat', () => {
  it('public questions and staff answers reach everyone live, with the staff badge and company', async () => {
    const anna = await joinAsVisitor(server.url, 'a-1', 'Анна');
    const boris = await joinAsVisitor(server.url, 'a-1', 'Борис');
    const staff = await joinAsStaff(server.url, 'a-1', 'alpha');
    expect(anna.welcome.company).toBe('Alpha School');
    expect(staff.welcome.me).toMatchObject({ kind: 'staff', badge: 'staff', seesPrivate: true });
    await until(() => anna.staff.some((s) => s.name === 'Alpha Staff'));

    const asked = await anna.post('Есть ли бесплатный пробный урок?');
    expect(asked.ok).toBe(true);
    await until(() => boris.seen.length === 1 && staff.seen.length === 1);
    expect(boris.seen[0]).toMatchObject({ text: 'Есть ли бесплатный пробный урок?', thread: null, author: { kind: 'visitor', name: 'Анна' } });

    const answered = await staff.post('Да, первый урок бесплатно: https://alpha.example.org/trial');
    expect(answered.ok).toBe(true);
    await until(() => anna.seen.length === 2 && boris.seen.length === 2);
    expect(anna.seen[1]!.author).toEqual({ kind: 'staff', badge: 'staff', name: 'Alpha Staff', company: 'Alpha School' });
    expect(anna.seen[1]!.id).toBeGreaterThan(anna.seen[0]!.id);
    // Each message arrived once (the driver merges by id; the raw event count would show a double).
    expect(anna.events).toBe(2);
    expect(boris.events).toBe(2);
    // The account id of the staff member stays on the server.
    expect(JSON.stringify(anna.seen)).not.toContain('accountId');
    await Promise.all([anna.leave(), boris.leave(), staff.leave()]);
  });

  it('several staff serve one stand at once and see each other\'s answers', async () => {
    const visitor = await joinAsVisitor(server.url, 'a-1', 'Вера');
    // Two people at work: a second session of the exhibitor's account and an organiser.
    const first = await joinAsStaff(server.url, 'a-1', 'alpha');
    const second = await joinAsStaff(server.url, 'a-1', 'alpha');
    const organiser = await joinAsStaff(server.url, 'a-1', 'org');
    const before = first.seen.length;
    expect((await visitor.post('Можно записаться на экскурсию?')).ok).toBe(true);
    await until(() => [first, second, organiser].every((u) => u.seen.length === before + 1));
    expect((await first.post('Да, по субботам в 11:00.')).ok).toBe(true);
    await until(() => second.seen.length === before + 2 && organiser.seen.length === before + 2 && visitor.seen.length >= 2);
    expect(second.seen.at(-1)).toMatchObject({ text: 'Да, по субботам в 11:00.', author: { kind: 'staff' } });
    expect((await organiser.post('Добавлю: запись по телефону на стенде.')).ok).toBe(true);
    await until(() => first.seen.length === before + 3 && second.seen.length === before + 3);
    expect(first.seen.at(-1)).toMatchObject({ text: 'Добавлю: запись по телефону на стенде.', author: { kind: 'staff' } });
    await Promise.all([visitor.leave(), first.leave(), second.leave(), organiser.leave()]);
  });

  it('private threads are seen by the visitor and the stand staff only', async () => {
    const vera = await joinAsVisitor(server.url, 'a-2', 'Вера');
    const gleb = await joinAsVisitor(server.url, 'a-2', 'Глеб');
    const staff = await joinAsStaff(server.url, 'a-2', 'beta');
    const moderator = await joinAsStaff(server.url, 'a-2', 'mod');
    expect(moderator.welcome.me).toMatchObject({ kind: 'staff', badge: 'moderator', seesPrivate: false });
    const ref = vera.welcome.me.kind === 'visitor' ? vera.welcome.me.ref : '';

    const secret = await vera.post('Сколько стоит обучение для моей дочери?', ref);
    expect(secret.ok).toBe(true);
    await until(() => staff.seen.length === 1);
    const reply = await staff.post('Напишу вам расценки здесь.', ref);
    expect(reply.ok).toBe(true);
    await until(() => vera.seen.length === 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(gleb.seen).toEqual([]);
    expect(moderator.seen).toEqual([]);

    // Neither history nor catching up shows it to another visitor or a moderator.
    expect(await gleb.history(ref)).toEqual({ ok: false, error: 'forbidden' });
    expect(await moderator.history(ref)).toEqual({ ok: false, error: 'forbidden' });
    expect((await gleb.since(0)).messages).toEqual([]);
    expect((await moderator.since(0)).messages).toEqual([]);
    // Another visitor cannot write into it either.
    expect(await gleb.post('я тоже хочу знать', ref)).toMatchObject({ ok: false, error: 'forbidden' });
    // Staff cannot open a thread to a made-up visitor.
    expect(await staff.post('привет', 'AAAAAAAAAAAAAAAA')).toMatchObject({ ok: false, error: 'not-found' });

    const page = (await vera.history(ref)) as ChatPage;
    expect(texts(page.messages)).toEqual(['Сколько стоит обучение для моей дочери?', 'Напишу вам расценки здесь.']);
    await Promise.all([vera.leave(), gleb.leave(), staff.leave(), moderator.leave()]);
  });

  it('refuses staff-only actions to visitors, and staff joins without a valid ticket', async () => {
    const dina = await joinAsVisitor(server.url, 'a-3', 'Дина');
    const egor = await joinAsVisitor(server.url, 'a-3', 'Егор');
    const posted = await egor.post('спам спам спам');
    if (!posted.ok) throw new Error('post failed');
    expect(await dina.remove(posted.message.id)).toEqual({ ok: false, error: 'forbidden' });
    expect(await dina.mute(posted.message.id, 60)).toEqual({ ok: false, error: 'forbidden' });

    // Claiming to be staff in the join options does nothing.
    const faker = await joinWith(server.url, { standId: 'a-3', visitorId: newVisitorId(), name: 'Иван', staff: true, role: 'organiser' });
    expect(faker.welcome.me.kind).toBe('visitor');
    expect(await faker.remove(posted.message.id)).toMatchObject({ ok: false, error: 'forbidden' });
    // A forged ticket, or a real one for someone else's stand (alpha does not staff a-3), is refused.
    await expect(joinWith(server.url, { standId: 'a-3', ticket: 'eyJhIjoib3JnIiwiZSI6OTk5OTk5OTk5OTk5OX0.forged' })).rejects.toThrow();
    await expect(joinWith(server.url, { standId: 'a-3', ticket: await ticketFor(server.url, 'alpha') })).rejects.toThrow();
    // A name that impersonates staff is replaced by a guest name.
    const impostor = await joinAsVisitor(server.url, 'a-3', 'Модератор');
    expect(impostor.welcome.me).toMatchObject({ kind: 'visitor', name: expect.stringMatching(/^Гость \d{4}$/) });

    // Staff of the stand (gamma-lab is beta's) and moderators may do both.
    const staff = await joinAsStaff(server.url, 'a-3', 'beta');
    expect(await staff.remove(posted.message.id)).toEqual({ ok: true });
    await until(() => dina.seen.some((m) => m.id === posted.message.id && m.deleted === true && m.text === ''));
    const again = await egor.post('ещё спам');
    if (!again.ok) throw new Error('post failed');
    const muted = await staff.mute(again.message.id, 15);
    expect(muted.ok).toBe(true);
    await until(() => egor.mutedUntil !== null);
    const refused = await egor.post('меня не слышно?');
    expect(refused).toMatchObject({ ok: false, error: 'muted' });
    expect((refused as { until: number }).until).toBeGreaterThan(Date.now() + 14 * 60_000);
    // The mute outlives the connection: joining again does not lift it.
    const egorAgain = await joinAsVisitor(server.url, 'a-3', 'Егор', egor.cookie);
    expect(egorAgain.welcome.mutedUntil).toBeGreaterThan(Date.now());
    await Promise.all([dina, egor, faker, impostor, staff, egorAgain].map((u) => u.leave()));
  });

  it('rate-limits and length-limits with a clear error, without disconnecting', async () => {
    const flood = await joinAsVisitor(server.url, 'a-4', 'Жанна');
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await flood.post(`вопрос ${i}`));
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    const limited = results[5]!;
    expect(limited).toMatchObject({ ok: false, error: 'rate' });
    expect((limited as { retryInMs: number }).retryInMs).toBeGreaterThan(0);
    expect((limited as { retryInMs: number }).retryInMs).toBeLessThanOrEqual(3000);

    const long = await joinAsVisitor(server.url, 'a-4', 'Зоя');
    expect(await long.post('я'.repeat(CHAT_TEXT_MAX + 1))).toEqual({ ok: false, error: 'too-long', max: CHAT_TEXT_MAX });
    expect(await long.post('   \n\n  ')).toEqual({ ok: false, error: 'empty' });
    // A refused text costs no turn, and the connection is still there.
    expect((await long.post('я'.repeat(CHAT_TEXT_MAX))).ok).toBe(true);
    expect(long.room.connection.isOpen).toBe(true);
    // A malformed request is answered, not punished with a disconnect.
    expect(await long.room.request(CHAT_CLIENT_MSG.post, { text: 42, thread: null }, { timeout: 5000 })).toEqual({ ok: false, error: 'invalid' });
    expect(long.room.connection.isOpen).toBe(true);
    await Promise.all([flood.leave(), long.leave()]);
  });

  it('keeps markup as text and only turns http(s) addresses into links', async () => {
    const a = await joinAsVisitor(server.url, 'a-5', 'Ира');
    const b = await joinAsVisitor(server.url, 'a-5', 'Кирилл');
    const evil = '<img src=x onerror=alert(1)> <script>alert(2)</script> javascript:alert(3) [x](javascript:alert(4))';
    expect((await a.post(evil)).ok).toBe(true);
    await until(() => b.seen.length === 1);
    expect(b.seen[0]!.text).toBe(evil);
    expect(splitLinks(b.seen[0]!.text)).toEqual([{ kind: 'text', text: evil }]);
    await Promise.all([a.leave(), b.leave()]);
  });

  it('a dropped link resumes without losing or doubling messages', async () => {
    const lena = await joinAsVisitor(server.url, 'b-1', 'Лена');
    const max = await joinAsVisitor(server.url, 'b-1', 'Макс');
    for (const text of ['раз', 'два']) expect((await max.post(text)).ok).toBe(true);
    await until(() => lena.seen.length === 2);
    const lastSeen = lena.seen.at(-1)!.id;

    const back = new Promise<void>((resolve) => lena.room.onReconnect(() => resolve()));
    (lena.room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws.close();
    // Sent while Лена's link is down: the room cannot deliver these to her live.
    for (const text of ['три', 'четыре', 'пять']) expect((await max.post(text)).ok).toBe(true);
    await back;
    // The client catches up from the last id it saw, and merges by id.
    const missed = await lena.since(lastSeen);
    lena.seen = [...lena.seen, ...missed.messages].sort((x, y) => x.id - y.id);
    const ids = lena.seen.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(texts(lena.seen)).toEqual(['раз', 'два', 'три', 'четыре', 'пять']);
    // Live delivery goes on after the reconnect.
    const nina = await joinAsVisitor(server.url, 'b-1', 'Нина');
    expect((await nina.post('шесть')).ok).toBe(true);
    await until(() => lena.seen.some((m) => m.text === 'шесть'));
    // Live, Лена got раз, два and шесть only: the rest came from catching up, nothing twice.
    expect(lena.events).toBe(3);
    await Promise.all([lena.leave(), max.leave(), nina.leave()]);
  });

  it('shows staff online to visitors and on the floor counts while the inbox is connected', async () => {
    const client = await visitorClient(server.url);
    const floor = await client.joinOrCreate(ROOMS.floor, { floorId: 'mini-b', name: 'Нина', protocol: PROTOCOL_VERSION });
    let counts: Counts | null = null;
    floor.onMessage(SERVER_MSG.counts, (c: Counts) => (counts = c));
    floor.onMessage('*', () => {});
    const visitor = await joinAsVisitor(server.url, 'b-3', 'Олег');
    expect(visitor.staff).toEqual([]);
    // A moderator is not the stand's staff: nobody is shown online.
    const moderator = await joinAsStaff(server.url, 'b-3', 'mod');
    const staff = await joinAsStaff(server.url, 'b-3', 'alpha');
    await until(() => visitor.staff.length === 1);
    expect(visitor.staff).toEqual([{ name: 'Alpha Staff' }]);
    await until(() => (counts as Counts | null)?.staff?.includes('b-3') === true, 4000);
    await staff.leave();
    await until(() => visitor.staff.length === 0);
    await until(() => !((counts as Counts | null)?.staff ?? []).includes('b-3'), 4000);
    await Promise.all([visitor.leave(), moderator.leave(), floor.leave(true)]);
  });

  it('tells a returning visitor about unread staff answers, and staff about unread questions', async () => {
    const browser = await visitorCookie(server.url);
    const pavel = await joinAsVisitor(server.url, 'b-2', 'Павел', browser);
    const ref = pavel.welcome.me.kind === 'visitor' ? pavel.welcome.me.ref : '';
    const q1 = await pavel.post('Публичный вопрос');
    const q2 = await pavel.post('Личный вопрос', ref);
    if (!q1.ok || !q2.ok) throw new Error('post failed');
    await pavel.leave();

    const cookie = await login(server.url, 'beta');
    let inbox = (await call(server.url, 'GET', API.chatInbox, { cookie })).json as Inbox;
    const thread = inbox.conversations.find((c) => c.standId === 'b-2' && c.thread === ref)!;
    expect(thread).toMatchObject({ visitorName: 'Павел', unread: 1, own: true, company: 'Gamma Lab', floorId: 'mini-b' });
    // The stand as the plan names it (its booth number), not the level file's id.
    const directory = (await call(server.url, 'GET', API.directory)).json as { stand: string; booth?: string }[];
    expect(thread.booth).toBe(directory.find((d) => d.stand === 'b-2')!.booth);
    expect(thread.booth).toBeTruthy();
    expect(inbox.conversations.find((c) => c.standId === 'b-2' && c.thread === null)).toMatchObject({ unread: 1 });
    // Quiet own stands are listed too; newest activity first.
    expect(inbox.conversations.some((c) => c.standId === 'a-2')).toBe(true);
    expect(inbox.conversations[0]!.standId).toBe('b-2');

    const staff = await joinAsStaff(server.url, 'b-2', 'beta');
    expect((await staff.post('Ответ всем')).ok).toBe(true);
    expect((await staff.post('Ответ лично', ref)).ok).toBe(true);
    staff.room.send(CHAT_CLIENT_MSG.read, { thread: ref, upTo: 1_000_000 });
    await new Promise((r) => setTimeout(r, 200));
    inbox = (await call(server.url, 'GET', API.chatInbox, { cookie })).json as Inbox;
    expect(inbox.conversations.find((c) => c.standId === 'b-2' && c.thread === ref)!.unread).toBe(0);
    await staff.leave();

    // Павел's browser asks with its cookie; the body names nobody.
    const unread = await call(server.url, 'POST', API.chatUnread, { cookie: browser, body: { marks: { 'b-2': q2.message.id, 'a-1': 0 } } });
    expect(unread.status).toBe(200);
    expect((unread.json as { unread: Record<string, number> }).unread['b-2']).toBe(2);
    // Another browser learns nothing about Павел's private answer, whatever id its body names.
    const other = await call(server.url, 'POST', API.chatUnread, { body: { visitorId: newVisitorId(), marks: { 'b-2': q2.message.id } } });
    expect((other.json as { unread: Record<string, number> }).unread['b-2']).toBe(1);
    const bad = await call(server.url, 'POST', API.chatUnread, { body: { visitorId: 'x', marks: {} } });
    expect(bad.status).toBe(400);

    // A moderator's inbox has the public chat but not the private thread.
    const modInbox = (await call(server.url, 'GET', API.chatInbox, { cookie: await login(server.url, 'mod') })).json as Inbox;
    expect(modInbox.conversations.some((c) => c.standId === 'b-2' && c.thread === null)).toBe(true);
    expect(modInbox.conversations.some((c) => c.thread === ref)).toBe(false);
    expect((await call(server.url, 'GET', API.chatInbox)).status).toBe(401);
  });

  it('keeps quick replies per exhibitor for its own staff', async () => {
    const path = apiPath(API.cabinetQuickReplies, { exhibitorId: 'alpha-school' });
    const alpha = await login(server.url, 'alpha');
    expect((await call(server.url, 'GET', path, { cookie: alpha })).json).toEqual({ replies: [] });
    const put = await call(server.url, 'PUT', path, { cookie: alpha, body: { replies: ['  Здравствуйте!  ', 'Каталог: https://alpha.example.org'] } });
    expect(put.status).toBe(200);
    expect((await call(server.url, 'GET', path, { cookie: alpha })).json).toEqual({ replies: ['Здравствуйте!', 'Каталог: https://alpha.example.org'] });
    const beta = await login(server.url, 'beta');
    expect((await call(server.url, 'PUT', path, { cookie: beta, body: { replies: [] } })).status).toBe(403);
    const bad = await call(server.url, 'PUT', path, { cookie: alpha, body: { replies: ['', 'x'.repeat(CHAT_TEXT_MAX + 1)] } });
    expect(bad.status).toBe(400);
    expect((bad.json as { details: string[] }).details.length).toBe(2);
    expect((await call(server.url, 'GET', path, { cookie: alpha })).json).toMatchObject({ replies: ['Здравствуйте!', 'Каталог: https://alpha.example.org'] });
    expect((await call(server.url, 'GET', path)).status).toBe(401);
  });

  it('answers joins to unknown stands with an error', async () => {
    await expect(joinAsVisitor(server.url, 'no-such-stand', 'Рита')).rejects.toThrow();
    // Neither a visitor cookie nor a ticket.
    await expect(joinWith(server.url, { standId: 'a-1' }, null)).rejects.toThrow();
  });
});
