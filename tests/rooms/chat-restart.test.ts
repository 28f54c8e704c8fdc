// Stand chat history lives in the store: it survives a server restart (same data folder)
// and pages back in order, without gaps or repeats.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChatMessage, type ChatPage } from '../../shared/chat.ts';
import { type RunningServer, startServer } from '../../server/app.ts';
import { ROOT } from '../../server/config.ts';
import { FIXTURE_EXHIBITORS, FIXTURE_LEVELS_DIR } from '../fixtures/fixtures.ts';
import { visitorCookie } from '../fixtures/visitor.ts';
import { joinAsStaff, joinAsVisitor, until } from './chatDriver.ts';

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-chat-'));

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
  });
}

afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('stand chat history', () => {
  it('survives a restart and pages back to the first message', async () => {
    let server = await boot();
    const sent: string[] = [];
    // Nine visitors ask five questions each (each visitor's burst), the staff answers one privately.
    for (let v = 0; v < 9; v++) {
      const u = await joinAsVisitor(server.url, 'a-1', `Посетитель ${v}`);
      for (let i = 0; i < 5; i++) {
        const text = `вопрос ${v}.${i}`;
        expect((await u.post(text)).ok).toBe(true);
        sent.push(text);
      }
      await u.leave();
    }
    // One browser before and after the restart: its cookie's key is kept in the data folder.
    const browser = await visitorCookie(server.url);
    const asker = await joinAsVisitor(server.url, 'a-1', 'Тайный', browser);
    const ref = asker.welcome.me.kind === 'visitor' ? asker.welcome.me.ref : '';
    expect((await asker.post('личный вопрос', ref)).ok).toBe(true);
    const staff = await joinAsStaff(server.url, 'a-1', 'alpha');
    expect((await staff.post('личный ответ', ref)).ok).toBe(true);
    await until(() => asker.seen.length === 2);
    await Promise.all([asker.leave(), staff.leave()]);
    await server.close();

    server = await boot();
    try {
      const reader = await joinAsVisitor(server.url, 'a-1', 'Читатель');
      expect(reader.welcome.lastId).toBe(47);
      const newest = (await reader.history(null)) as ChatPage;
      expect(newest.messages).toHaveLength(40);
      expect(newest.more).toBe(true);
      const older = (await reader.history(null, newest.messages[0]!.id)) as ChatPage;
      expect(older.more).toBe(false);
      const all: ChatMessage[] = [...older.messages, ...newest.messages];
      expect(all.map((m) => m.text)).toEqual(sent);
      expect(all.map((m) => m.id)).toEqual(sent.map((_, i) => i + 1));
      expect(all.every((m) => m.at > 0 && m.thread === null)).toBe(true);
      // The private thread is back for its visitor (same browser id), and only for them.
      const back = await joinAsVisitor(server.url, 'a-1', 'Тайный', browser);
      expect(((await back.history(ref)) as ChatPage).messages.map((m) => m.text)).toEqual(['личный вопрос', 'личный ответ']);
      expect((await reader.since(0)).messages.some((m) => m.thread !== null)).toBe(false);
      // New messages continue the numbering.
      const next = await reader.post('после перезапуска');
      expect(next.ok && next.message.id).toBe(48);
      await Promise.all([reader.leave(), back.leave()]);
    } finally {
      await server.close();
    }
  });
});
