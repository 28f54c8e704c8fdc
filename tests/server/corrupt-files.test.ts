// Damaged data files (issue 11, hole 9). A truncated, null, wrong-shaped or newer-version file
// stops the server with one error that names the file and what to do, quotes none of it (it is
// visitors' personal data) and leaves it untouched. A broken chat chunk keeps the server up:
// that stand's chat answers visitors with a generic error, and the log names the file.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { API, apiPath } from '../../shared/api.ts';
import { type RunningServer, startServer } from '../../server/app.ts';
import { ROOT } from '../../server/config.ts';
import { openLowdbStorage } from '../../server/storage/lowdbStorage.ts';
import { FIXTURE_EXHIBITORS, FIXTURE_LEVELS_DIR } from '../fixtures/fixtures.ts';
import { CALLBACK, call } from '../fixtures/cabinet.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});

function start(dataDir: string): Promise<RunningServer> {
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

/** A data folder a server has run on: seeded, with one lead and one chat message at a-1. */
async function usedDataDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-corrupt-'));
  dirs.push(dir);
  const server = await start(dir);
  try {
    const res = await call(server.url, 'POST', apiPath(API.callback, { exhibitorId: 'alpha-school' }), { body: CALLBACK });
    expect(res.status).toBe(201);
    await server.storage.addChatMessage({ standId: 'a-1', thread: null, author: { kind: 'visitor', ref: 'AAAAAAAAAAAAAAAA', name: 'Гость' }, text: 'Привет, Иван Петров', at: 1 });
  } finally {
    await server.close();
  }
  return dir;
}

async function refusesToStart(dir: string, file: string, damage: (text: string) => string, why: RegExp): Promise<void> {
  const target = path.join(dir, file);
  const damaged = damage(await fs.readFile(target, 'utf8'));
  await fs.writeFile(target, damaged);
  const error = await start(dir).then(
    async (s) => {
      await s.close();
      return null;
    },
    (e: unknown) => e as Error,
  );
  expect(error, `${file} should stop the server`).toBeInstanceOf(Error);
  const message = error!.message;
  expect(message).toContain(target);
  expect(message).toMatch(why);
  expect(message).toMatch(/restore .* from a backup, or move it aside/i);
  // Nothing of the file's content (names, phones, hashes) in the message.
  for (const secret of ['Иван', '999 123', 'scrypt', 'alpha@']) expect(message).not.toContain(secret);
  expect(await fs.readFile(target, 'utf8')).toBe(damaged);
}

describe('a damaged data file', () => {
  it('truncated leads.json: one clear error naming it, no lead data, file untouched', async () => {
    const dir = await usedDataDir();
    await refusesToStart(dir, 'leads.json', (t) => t.slice(0, Math.floor(t.length / 2)), /is not whole JSON/);
  });

  it('truncated accounts.json', async () => {
    const dir = await usedDataDir();
    await refusesToStart(dir, 'accounts.json', (t) => t.slice(0, t.indexOf('scrypt') + 10), /is not whole JSON/);
  });

  it('an empty leads.json', async () => {
    const dir = await usedDataDir();
    await refusesToStart(dir, 'leads.json', () => '', /is not whole JSON \(it is empty\)/);
  });

  it('leads.json holding null is refused, not started empty and overwritten', async () => {
    const dir = await usedDataDir();
    await refusesToStart(dir, 'leads.json', () => 'null', /does not hold a data object/);
  });

  it('a file of another schema version, or of the wrong shape', async () => {
    const dir = await usedDataDir();
    await refusesToStart(dir, 'leads.json', (t) => t.replace('"schema":1', '"schema":2'), /schema version 2; this server reads version 1/);
    await fs.writeFile(path.join(dir, 'leads.json'), '{"schema":1,"leads":[]}');
    await refusesToStart(dir, 'accounts.json', (t) => t.replace(/"passwordHash":"[^"]*"/, '"passwordHash":7'), /expected shape \(at accounts\.\w+\.passwordHash: invalid_type\)/);
  });

  it('the real process exits with the error on stderr and no lead data in its output', { timeout: 20_000 }, async () => {
    const dir = await usedDataDir();
    const target = path.join(dir, 'leads.json');
    const text = await fs.readFile(target, 'utf8');
    // Cut inside the visitor's name, where JSON.parse would quote the text around it.
    await fs.writeFile(target, text.slice(0, text.indexOf('Иван') + 6));
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'node'), ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, LEVELS_DIR: FIXTURE_LEVELS_DIR, SEED_FILE: FIXTURE_EXHIBITORS, LEVELS_WATCH: '0', CLIENT_DIR: path.join(dir, 'no-client') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(out).toContain(target);
    expect(out).toMatch(/move it aside/);
    expect(out).not.toContain('Иван');
    expect(out).not.toContain('listening on');
  });
});

describe('a damaged chat chunk', () => {
  it('keeps the server up; visitors and staff get a generic error, the log names the file, the file stays', async () => {
    const dir = await usedDataDir();
    const chunk = path.join(dir, 'chat', 'stands', 'a-1', '0.json');
    const damaged = (await fs.readFile(chunk, 'utf8')).slice(0, 40);
    await fs.writeFile(chunk, damaged);

    const server = await start(dir);
    try {
      const unread = await call(server.url, 'POST', API.chatUnread, { body: { marks: { 'a-1': 0 } } });
      expect(unread.status).toBe(500);
      expect(unread.text).not.toContain('0.json');
      expect(unread.text).not.toMatch(/JSON|position|Unexpected/);
      // Other stands' chats work.
      const other = await call(server.url, 'POST', API.chatUnread, { body: { marks: { 'a-2': 0 } } });
      expect(other.status).toBe(200);
    } finally {
      await server.close();
    }

    const lines: string[] = [];
    const storage = await openLowdbStorage(dir, { log: (l) => lines.push(l) });
    const error = await storage.chatMessages('a-1', { threads: 'all', limit: 10 }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('this chat is not available right now; please try again later');
    await storage.chatLastId('a-1').catch(() => {});
    // Said once, naming the file and what to do, quoting nothing of it.
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(chunk);
    expect(lines[0]).toMatch(/move it aside/);
    expect(lines[0]).not.toContain('Привет');
    await storage.close();
    expect(await fs.readFile(chunk, 'utf8')).toBe(damaged);
  });
});
