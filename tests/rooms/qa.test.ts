// The moderated Q&A of a programme event (issue 13), on a real server with real
// @colyseus/sdk clients: what visitors see before and after moderation, who may moderate,
// one vote per visitor (per signed cookie), anonymity kept even from moderators, polls and
// reactions rules, comment limits answered as errors, and everything back after a restart on
// the same data folder.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, ROOMS } from '../../shared/protocol.ts';
import {
  COMMENT_MAX,
  type Poll,
  QA_CLIENT_MSG,
  QA_SERVER_MSG,
  type QaClientMessages,
  type QaComment,
  type QaReactionsMsg,
  type QaReplies,
  type QaWelcome,
  type Question,
} from '../../shared/qa.ts';
import { type RunningServer, startServer } from '../../server/app.ts';
import { ROOT } from '../../server/config.ts';
import { FIXTURE_EXHIBITORS, FIXTURE_LEVELS_DIR } from '../fixtures/fixtures.ts';
import { visitorCookie } from '../fixtures/visitor.ts';
import { ticketFor, until } from './chatDriver.ts';

/** An event of the sample programme (programme/events). */
const EVENT = 'cont-d1-school-architecture-1';

interface QaUser {
  room: Room;
  welcome: QaWelcome;
  cookie: string | null;
  /** Questions as the client keeps them: merged by id, hidden ones dropped. */
  questions: Map<number, Question>;
  polls: Map<number, Poll>;
  comments: QaComment[];
  reactions: QaReactionsMsg[];
  /** Every question payload received live, to check nothing unapproved leaked. */
  raw: Question[];
  req<K extends keyof QaReplies & keyof QaClientMessages>(type: K, payload: QaClientMessages[K]): Promise<QaReplies[K]>;
  leave(): Promise<void>;
}

async function join(url: string, options: Record<string, unknown>, cookie: string | null): Promise<QaUser> {
  const client = new Client(url, { headers: cookie ? { Cookie: cookie } : {} });
  const room = await client.joinOrCreate(ROOMS.qa, { protocol: PROTOCOL_VERSION, eventId: EVENT, ...options });
  let welcomed!: () => void;
  const ready = new Promise<void>((r) => (welcomed = r));
  const u: QaUser = {
    room,
    welcome: undefined as unknown as QaWelcome,
    cookie,
    questions: new Map(),
    polls: new Map(),
    comments: [],
    reactions: [],
    raw: [],
    req: (type, payload) => room.request(type, payload, { timeout: 5000 }),
    leave: async () => {
      await room.leave(true).catch(() => {});
    },
  };
  room.onMessage(QA_SERVER_MSG.welcome, (w: QaWelcome) => {
    u.welcome = w;
    u.questions = new Map(w.questions.map((q) => [q.id, q]));
    u.polls = new Map(w.polls.map((p) => [p.id, p]));
    u.comments = w.comments;
    welcomed();
  });
  room.onMessage(QA_SERVER_MSG.questions, (qs: Question[]) => {
    u.raw.push(...qs);
    for (const q of qs) u.questions.set(q.id, q);
  });
  room.onMessage(QA_SERVER_MSG.hidden, (ids: number[]) => {
    for (const id of ids) if (!u.welcome.mine.includes(id)) u.questions.delete(id);
  });
  room.onMessage(QA_SERVER_MSG.polls, (ps: Poll[]) => ps.forEach((p) => u.polls.set(p.id, p)));
  room.onMessage(QA_SERVER_MSG.comments, (cs: QaComment[]) => {
    for (const c of cs) {
      const at = u.comments.findIndex((x) => x.id === c.id);
      if (at >= 0) u.comments[at] = c;
      else u.comments.push(c);
    }
  });
  room.onMessage(QA_SERVER_MSG.reactions, (m: QaReactionsMsg) => u.reactions.push(m));
  room.onMessage('*', () => {});
  await ready;
  return u;
}

async function visitor(url: string, name: string, cookie?: string): Promise<QaUser> {
  return join(url, { name }, cookie ?? (await visitorCookie(url)));
}

async function moderator(url: string, who: 'mod' | 'org' | 'alpha' = 'mod'): Promise<QaUser> {
  return join(url, { ticket: await ticketFor(url, who) }, null);
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-qa-'));

function boot(): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    levelsDir: FIXTURE_LEVELS_DIR,
    assetsDir: path.join(ROOT, 'assets'),
    clientDir: path.join(dataDir, 'no-client'),
    seedFile: FIXTURE_EXHIBITORS,
    quiet: true,
    watchLevels: false,
    watchProgramme: false,
    // Many test clients share 127.0.0.1: the per-address socket caps are not under test here.
    maxSocketsPerAddress: 1000,
    maxPendingJoinsPerAddress: 100,
  });
}

let server: RunningServer;
beforeAll(async () => {
  server = await boot();
});
afterAll(async () => {
  await server?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('event Q&A room', () => {
  it('refuses unknown events and outdated pages', async () => {
    const cookie = await visitorCookie(server.url);
    const client = new Client(server.url, { headers: { Cookie: cookie } });
    await expect(client.joinOrCreate(ROOMS.qa, { protocol: PROTOCOL_VERSION, eventId: 'no-such-event' })).rejects.toThrow();
    await expect(client.joinOrCreate(ROOMS.qa, { eventId: EVENT })).rejects.toMatchObject({ code: 4409 });
  });

  it('keeps unapproved questions from other visitors, shows approved ones to all, and only moderators moderate', async () => {
    const asker = await visitor(server.url, 'Аня');
    const other = await visitor(server.url, 'Борис');
    const mod = await moderator(server.url);
    const asked = await asker.req(QA_CLIENT_MSG.ask, { text: 'Когда начнётся приём?', anonymous: false });
    expect(asked.ok).toBe(true);
    const id = asked.ok ? asked.question.id : 0;
    expect(asked.ok && asked.question.status).toBe('pending');
    await until(() => mod.questions.get(id)?.status === 'pending');
    // The other visitor cannot vote for it, nor moderate it, nor see it.
    expect(await other.req(QA_CLIENT_MSG.vote, { id })).toMatchObject({ ok: false, error: 'not-found' });
    expect(await other.req(QA_CLIENT_MSG.moderate, { id, action: 'approve' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await asker.req(QA_CLIENT_MSG.moderate, { id, action: 'approve' })).toMatchObject({ ok: false, error: 'forbidden' });
    // An exhibitor's staff ticket does not make a Q&A moderator.
    await expect(moderator(server.url, 'alpha')).rejects.toThrow(/moderate/);
    const late = await visitor(server.url, 'Вера');
    expect(late.welcome.questions.map((q) => q.id)).not.toContain(id);
    await new Promise((r) => setTimeout(r, 250));
    expect(other.raw.some((q) => q.id === id)).toBe(false);

    expect(await mod.req(QA_CLIENT_MSG.moderate, { id, action: 'approve' })).toMatchObject({ ok: true });
    await until(() => other.questions.get(id)?.status === 'approved' && late.questions.has(id));
    expect(other.questions.get(id)?.text).toBe('Когда начнётся приём?');
    expect(other.questions.get(id)?.name).toBe('Аня');

    // Pinned, answered live and in writing; rejected again it leaves the visitors' list.
    expect(await mod.req(QA_CLIENT_MSG.moderate, { id, action: 'pin' })).toMatchObject({ ok: true });
    await until(() => other.questions.get(id)?.pinnedAt !== null);
    expect(await mod.req(QA_CLIENT_MSG.answer, { id, text: 'В 10:00.' })).toMatchObject({ ok: true });
    expect(await mod.req(QA_CLIENT_MSG.moderate, { id, action: 'answered' })).toMatchObject({ ok: true });
    await until(() => other.questions.get(id)?.answer?.text === 'В 10:00.' && other.questions.get(id)?.answeredAt !== null);
    const dup = await late.req(QA_CLIENT_MSG.ask, { text: 'А во сколько приём?', anonymous: false });
    const dupId = dup.ok ? dup.question.id : 0;
    expect(await mod.req(QA_CLIENT_MSG.moderate, { id: dupId, action: 'merge', into: id })).toMatchObject({ ok: true, question: { status: 'merged', mergedInto: id } });
    await until(() => other.questions.get(id)?.merged === 1);
    expect(other.questions.has(dupId)).toBe(false);
    await until(() => late.questions.get(dupId)?.status === 'merged');
    await Promise.all([asker, other, mod, late].map((u) => u.leave()));
  });

  it('counts one vote per visitor, however many tabs or requests', async () => {
    const asker = await visitor(server.url, 'Спрашивающий');
    const mod = await moderator(server.url);
    const asked = await asker.req(QA_CLIENT_MSG.ask, { text: 'Есть ли общежитие?', anonymous: false });
    const id = asked.ok ? asked.question.id : 0;
    await mod.req(QA_CLIENT_MSG.moderate, { id, action: 'approve' });
    const cookie = await visitorCookie(server.url);
    const tab1 = await visitor(server.url, 'Голосующий', cookie);
    const tab2 = await visitor(server.url, 'Голосующий', cookie);
    const results = await Promise.all([tab1.req(QA_CLIENT_MSG.vote, { id }), tab2.req(QA_CLIENT_MSG.vote, { id }), tab1.req(QA_CLIENT_MSG.vote, { id })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === 'already')).toHaveLength(2);
    expect(await asker.req(QA_CLIENT_MSG.vote, { id })).toMatchObject({ ok: true });
    await until(() => mod.questions.get(id)?.votes === 2);
    const again = await visitor(server.url, 'Голосующий', cookie);
    expect(again.welcome.voted).toContain(id);
    await Promise.all([asker, mod, tab1, tab2, again].map((u) => u.leave()));
  });

  it('keeps an anonymous asker anonymous, to moderators as well', async () => {
    const asker = await visitor(server.url, 'Секретный Сергей');
    const mod = await moderator(server.url);
    const watcher = await visitor(server.url, 'Зритель');
    const asked = await asker.req(QA_CLIENT_MSG.ask, { text: 'Анонимный вопрос', anonymous: true });
    const id = asked.ok ? asked.question.id : 0;
    await until(() => mod.questions.has(id));
    const seenByMod = mod.questions.get(id)!;
    expect(seenByMod).toMatchObject({ anonymous: true, name: null });
    expect(JSON.stringify(seenByMod)).not.toContain('Сергей');
    await mod.req(QA_CLIENT_MSG.moderate, { id, action: 'approve' });
    await until(() => watcher.questions.has(id));
    expect(JSON.stringify(watcher.questions.get(id))).not.toContain('Сергей');
    expect(watcher.questions.get(id)).toMatchObject({ anonymous: true, name: null });
    // The asker still knows it is theirs.
    const back = await visitor(server.url, 'Секретный Сергей', asker.cookie!);
    expect(back.welcome.mine).toContain(id);
    expect(watcher.welcome.mine).not.toContain(id);
    await Promise.all([asker, mod, watcher, back].map((u) => u.leave()));
  });

  it('runs polls draft → open → closed with one ballot per visitor and live results', async () => {
    const mod = await moderator(server.url);
    const v1 = await visitor(server.url, 'Первый');
    const v2 = await visitor(server.url, 'Второй');
    expect(await v1.req(QA_CLIENT_MSG.pollSave, { question: 'Взлом?', options: ['a', 'b'], multiple: false })).toMatchObject({ ok: false, error: 'forbidden' });
    const saved = await mod.req(QA_CLIENT_MSG.pollSave, { question: 'Какой формат удобнее?', options: ['Очно', 'Онлайн', 'Смешанный'], multiple: false });
    expect(saved).toMatchObject({ ok: true, poll: { status: 'draft' } });
    const pollId = saved.ok ? saved.poll.id : 0;
    // A draft is invisible to visitors and takes no ballots.
    await new Promise((r) => setTimeout(r, 250));
    expect(v1.polls.has(pollId)).toBe(false);
    expect(await v1.req(QA_CLIENT_MSG.ballot, { pollId, choices: [0] })).toMatchObject({ ok: false, error: 'not-found' });
    expect(await mod.req(QA_CLIENT_MSG.pollState, { id: pollId, status: 'closed' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await mod.req(QA_CLIENT_MSG.pollState, { id: pollId, status: 'open' })).toMatchObject({ ok: true });
    await until(() => v1.polls.get(pollId)?.status === 'open');
    expect(await v1.req(QA_CLIENT_MSG.ballot, { pollId, choices: [0, 1] })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await v1.req(QA_CLIENT_MSG.ballot, { pollId, choices: [5] })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await v1.req(QA_CLIENT_MSG.ballot, { pollId, choices: [1] })).toMatchObject({ ok: true });
    expect(await v1.req(QA_CLIENT_MSG.ballot, { pollId, choices: [2] })).toMatchObject({ ok: false, error: 'already' });
    expect(await v2.req(QA_CLIENT_MSG.ballot, { pollId, choices: [1] })).toMatchObject({ ok: true });
    await until(() => v2.polls.get(pollId)?.counts.join() === '0,2,0' && v2.polls.get(pollId)?.voters === 2);
    // An open poll's options no longer change.
    expect(await mod.req(QA_CLIENT_MSG.pollSave, { id: pollId, question: 'Другой', options: ['x', 'y'], multiple: false })).toMatchObject({ ok: false, error: 'closed' });
    expect(await mod.req(QA_CLIENT_MSG.pollState, { id: pollId, status: 'closed' })).toMatchObject({ ok: true });
    await until(() => v1.polls.get(pollId)?.status === 'closed');
    expect(await v2.req(QA_CLIENT_MSG.ballot, { pollId, choices: [0] })).toMatchObject({ ok: false, error: 'closed' });
    await Promise.all([mod, v1, v2].map((u) => u.leave()));
  });

  it('sums reactions into one aggregate per second, one reaction per visitor per 2 s', async () => {
    const a = await visitor(server.url, 'А');
    const b = await visitor(server.url, 'Б');
    expect(await a.req(QA_CLIENT_MSG.react, { emoji: '👏' })).toMatchObject({ ok: true });
    const second = await a.req(QA_CLIENT_MSG.react, { emoji: '👏' });
    expect(second).toMatchObject({ ok: false, error: 'rate' });
    expect(!second.ok && second.retryInMs! > 0 && second.retryInMs! <= 2000).toBe(true);
    expect(await b.req(QA_CLIENT_MSG.react, { emoji: '👏' })).toMatchObject({ ok: true });
    expect(await b.req(QA_CLIENT_MSG.react, { emoji: '❤️' })).toMatchObject({ ok: false, error: 'rate' });
    await until(() => a.reactions.reduce((n, m) => n + (m.counts['👏'] ?? 0), 0) === 2, 4000);
    // Two reactions, at most two aggregates (they may straddle a tick), never one message per reaction beyond that.
    expect(a.reactions.length).toBeLessThanOrEqual(2);
    await Promise.all([a, b].map((u) => u.leave()));
  });

  it('keeps approved and answered questions, votes, polls and settings across a restart', async () => {
    const cookie = await visitorCookie(server.url);
    const v = await visitor(server.url, 'Постоянный', cookie);
    const mod = await moderator(server.url);
    const asked = await v.req(QA_CLIENT_MSG.ask, { text: 'Переживёт перезапуск?', anonymous: false });
    const id = asked.ok ? asked.question.id : 0;
    await mod.req(QA_CLIENT_MSG.answer, { id, text: 'Да.' });
    await mod.req(QA_CLIENT_MSG.moderate, { id, action: 'answered' });
    expect(await v.req(QA_CLIENT_MSG.vote, { id })).toMatchObject({ ok: true });
    const poll = await mod.req(QA_CLIENT_MSG.pollSave, { question: 'Нравится?', options: ['да', 'нет'], multiple: true });
    const pollId = poll.ok ? poll.poll.id : 0;
    await mod.req(QA_CLIENT_MSG.pollState, { id: pollId, status: 'open' });
    expect(await v.req(QA_CLIENT_MSG.ballot, { pollId, choices: [0, 1] })).toMatchObject({ ok: true });
    await mod.req(QA_CLIENT_MSG.slowMode, { seconds: 15 });
    await Promise.all([v.leave(), mod.leave()]);
    await server.close();

    server = await boot();
    const back = await visitor(server.url, 'Постоянный', cookie);
    const q = back.welcome.questions.find((x) => x.id === id);
    expect(q).toMatchObject({ status: 'approved', votes: 1, answer: { text: 'Да.' } });
    expect(q?.answeredAt).toBeGreaterThan(0);
    expect(back.welcome.voted).toContain(id);
    expect(back.welcome.mine).toContain(id);
    expect(back.welcome.ballots[String(pollId)]).toEqual([0, 1]);
    expect(back.welcome.polls.find((p) => p.id === pollId)).toMatchObject({ status: 'open', counts: [1, 1], voters: 1 });
    expect(back.welcome.slowModeSeconds).toBe(15);
    expect(await back.req(QA_CLIENT_MSG.vote, { id })).toMatchObject({ ok: false, error: 'already' });
    await back.leave();
  });
  it('answers comment limits, slow mode and mutes with errors, not disconnects', async () => {
    const mod = await moderator(server.url);
    const v = await visitor(server.url, 'Болтун');
    const w = await visitor(server.url, 'Слушатель');
    expect(await v.req(QA_CLIENT_MSG.comment, { text: 'x'.repeat(COMMENT_MAX + 1) })).toMatchObject({ ok: false, error: 'too-long', max: COMMENT_MAX });
    expect(await v.req(QA_CLIENT_MSG.comment, { text: '   ' })).toMatchObject({ ok: false, error: 'empty' });
    expect(await v.req(QA_CLIENT_MSG.slowMode, { seconds: 30 })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await mod.req(QA_CLIENT_MSG.slowMode, { seconds: 30 })).toMatchObject({ ok: true });
    const first = await v.req(QA_CLIENT_MSG.comment, { text: 'Привет всем' });
    expect(first.ok).toBe(true);
    const slow = await v.req(QA_CLIENT_MSG.comment, { text: 'И ещё' });
    expect(slow).toMatchObject({ ok: false, error: 'slow' });
    expect(!slow.ok && slow.retryInMs! > 25_000).toBe(true);
    await until(() => w.comments.some((c) => c.text === 'Привет всем'));
    const commentId = first.ok ? first.comment.id : 0;
    expect(await mod.req(QA_CLIENT_MSG.removeComment, { id: commentId })).toMatchObject({ ok: true });
    await until(() => w.comments.find((c) => c.id === commentId)?.deleted === true);
    expect(w.comments.find((c) => c.id === commentId)?.text).toBe('');
    expect(await mod.req(QA_CLIENT_MSG.mute, { commentId, minutes: 5 })).toMatchObject({ ok: true });
    await mod.req(QA_CLIENT_MSG.slowMode, { seconds: 0 });
    expect(await v.req(QA_CLIENT_MSG.comment, { text: 'Я вернулся' })).toMatchObject({ ok: false, error: 'muted' });
    // A fresh cookie behind the same address is muted with them (address mute).
    const fresh = await visitor(server.url, 'Новый я');
    expect(await fresh.req(QA_CLIENT_MSG.comment, { text: 'Новый человек' })).toMatchObject({ ok: false, error: 'muted' });
    expect(await v.req(QA_CLIENT_MSG.ask, { text: 'Можно вопрос?', anonymous: false })).toMatchObject({ ok: false, error: 'muted' });
    // Still connected: the room answered every refusal.
    expect(v.room.connection.isOpen).toBe(true);
    // (Last in this file: the address mute holds 127.0.0.1, where every test client comes from.)
    await Promise.all([mod, v, w, fresh].map((u) => u.leave()));
  });

});
