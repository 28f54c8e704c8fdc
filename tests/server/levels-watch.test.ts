// Live reload of floor files: the LevelStore reports what a reload changed, the watcher
// reloads on edits (in place or through a rename), and the running server tells the floor
// rooms and answers /api/levels/problems.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API, LevelProblemList } from '../../shared/api.ts';
import { type LevelChanged, type LevelProblems, PROTOCOL_VERSION, ROOMS, SERVER_MSG } from '../../shared/protocol.ts';
import { startServer } from '../../server/app.ts';
import { ROOT } from '../../server/config.ts';
import { type LevelChange, LevelStore } from '../../server/levels/levelStore.ts';
import { type LevelWatcher, watchLevels } from '../../server/levels/watchLevels.ts';
import { FIXTURE_EXHIBITORS, FIXTURE_LEVELS_DIR, fixtureExhibitorIds } from '../fixtures/fixtures.ts';
import { visitorClient } from '../fixtures/visitor.ts';

const temps: string[] = [];
async function tempDir(label: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `virtual-expo-${label}-`));
  temps.push(dir);
  return dir;
}

/** A copy of the fixture floors to edit. */
async function levelsCopy(): Promise<string> {
  const dir = await tempDir('levels');
  await fs.cp(FIXTURE_LEVELS_DIR, dir, { recursive: true });
  return dir;
}

/** Rewrites one floor file with `edit` applied to its text. */
async function editFile(dir: string, name: string, edit: (text: string) => string, viaRename = false): Promise<void> {
  const file = path.join(dir, name);
  const text = edit(await fs.readFile(file, 'utf8'));
  if (!viaRename) return fs.writeFile(file, text);
  // As many editors save: a temp file beside the original, then a rename over it.
  const tmp = path.join(dir, `.${name}.tmp`);
  await fs.writeFile(tmp, text);
  await fs.rename(tmp, file);
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 3000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const MOVE_A1 = (t: string) => t.replace('"id": "a-1", "exhibitor": "alpha-school", "x": 6,', '"id": "a-1", "exhibitor": "alpha-school", "x": 5,');
/** a-2 onto a-1 (and into the north-south alley). */
const BREAK_A2 = (t: string) => t.replace('"id": "a-2", "exhibitor": "beta-university", "x": 24,', '"id": "a-2", "exhibitor": "beta-university", "x": 10,');

afterAll(async () => {
  await Promise.all(temps.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

describe('LevelStore.onChange', () => {
  it('names the floors whose content changed and keeps untouched floors as they were', async () => {
    const dir = await levelsCopy();
    const store = new LevelStore(dir, async () => fixtureExhibitorIds(), () => {});
    await store.load();
    const a = store.get('mini-a')!;
    const b = store.get('mini-b')!;
    const changes: LevelChange[] = [];
    const dispose = store.onChange((c) => changes.push(c));

    await store.load();
    expect(changes).toEqual([]);
    expect(store.get('mini-a')).toBe(a);

    await editFile(dir, 'mini-a.json', MOVE_A1);
    await store.load();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ changed: ['mini-a'], problems: [], problemsChanged: false });
    expect(store.get('mini-a')!.stands.find((s) => s.id === 'a-1')!.x).toBe(5);
    expect(store.get('mini-b')).toBe(b);

    dispose();
    await editFile(dir, 'mini-a.json', (t) => t.replace('"x": 5,', '"x": 6,'));
    await store.load();
    expect(changes).toHaveLength(1);
  });

  it('a change that breaks a file reports problems only, and the previous version stays', async () => {
    const dir = await levelsCopy();
    const store = new LevelStore(dir, async () => fixtureExhibitorIds(), () => {});
    await store.load();
    const a = store.get('mini-a')!;
    const changes: LevelChange[] = [];
    store.onChange((c) => changes.push(c));

    await editFile(dir, 'mini-a.json', BREAK_A2);
    await store.load();
    expect(changes).toHaveLength(1);
    expect(changes[0]!.changed).toEqual([]);
    expect(changes[0]!.problemsChanged).toBe(true);
    expect(store.get('mini-a')).toBe(a);
    expect(store.problemsOf('mini-a').some((p) => /^\S+mini-a\.json:\d+:\d+ stands\[1\]: stand "a-2" overlaps stand "a-1"/.test(p))).toBe(true);
    expect(store.problemsOf('mini-b')).toEqual([]);

    await editFile(dir, 'mini-a.json', (t) => t.replace('"x": 10,', '"x": 24,'));
    await store.load();
    expect(changes[1]).toMatchObject({ changed: [], problems: [], problemsChanged: true });
  });

  it('a removed file takes its floor away', async () => {
    const dir = await levelsCopy();
    const store = new LevelStore(dir, async () => fixtureExhibitorIds(), () => {});
    await store.load();
    const changes: LevelChange[] = [];
    store.onChange((c) => changes.push(c));
    await fs.rm(path.join(dir, 'mini-b.json'));
    await store.load();
    expect(store.get('mini-b')).toBeUndefined();
    expect(changes[0]!.changed).toEqual(['mini-b']);
  });
});

describe('watchLevels', () => {
  let watcher: LevelWatcher | null = null;
  let dir = '';
  let store: LevelStore;
  let changes: LevelChange[];

  beforeEach(async () => {
    dir = await levelsCopy();
    store = new LevelStore(dir, async () => fixtureExhibitorIds(), () => {});
    await store.load();
    changes = [];
    store.onChange((c) => changes.push(c));
    watcher = watchLevels(store, dir, { debounceMs: 30, log: () => {} });
  });
  afterEach(() => watcher?.close());

  it('reloads after a file is written in place, once per burst', async () => {
    await editFile(dir, 'mini-a.json', MOVE_A1);
    await until(() => (changes.length > 0 ? true : undefined));
    await watcher!.idle();
    expect(changes).toHaveLength(1);
    expect(changes[0]!.changed).toEqual(['mini-a']);
  });

  it('reloads after an editor saves through a temp file and a rename', async () => {
    await editFile(dir, 'mini-a.json', MOVE_A1, true);
    await until(() => (store.get('mini-a')!.stands[0]!.x === 5 ? true : undefined));
    await editFile(dir, 'mini-a.json', (t) => t.replace('"x": 5,', '"x": 7,'), true);
    await until(() => (store.get('mini-a')!.stands[0]!.x === 7 ? true : undefined));
  });

  it('ignores files that are not floors and stops when closed', async () => {
    await fs.writeFile(path.join(dir, 'notes.txt'), 'hello');
    await fs.writeFile(path.join(dir, 'mini-a.json~'), 'backup');
    await new Promise((r) => setTimeout(r, 150));
    expect(changes).toEqual([]);
    watcher!.close();
    await editFile(dir, 'mini-a.json', MOVE_A1);
    await new Promise((r) => setTimeout(r, 150));
    expect(changes).toEqual([]);
  });
});

describe('the running server', () => {
  it('tells the floor’s rooms, serves the new layout and lists refused problems', async () => {
    const dir = await levelsCopy();
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: await tempDir('data'),
      levelsDir: dir,
      assetsDir: path.join(ROOT, 'assets'),
      clientDir: await tempDir('client'),
      seedFile: FIXTURE_EXHIBITORS,
      quiet: true,
    });
    const problemsNow = async () => LevelProblemList.parse(await (await fetch(server.url + API.levelProblems)).json()).problems;
    try {
      const room = await (await visitorClient(server.url)).joinOrCreate(ROOMS.floor, { floorId: 'mini-a', protocol: PROTOCOL_VERSION });
      const other = await (await visitorClient(server.url)).joinOrCreate(ROOMS.floor, { floorId: 'mini-b', protocol: PROTOCOL_VERSION });
      const changed: LevelChanged[] = [];
      const problems: LevelProblems[] = [];
      const otherChanged: LevelChanged[] = [];
      const otherProblems: LevelProblems[] = [];
      room.onMessage(SERVER_MSG.levelChanged, (m: LevelChanged) => changed.push(m));
      room.onMessage(SERVER_MSG.levelProblems, (m: LevelProblems) => problems.push(m));
      other.onMessage(SERVER_MSG.levelChanged, (m: LevelChanged) => otherChanged.push(m));
      other.onMessage(SERVER_MSG.levelProblems, (m: LevelProblems) => otherProblems.push(m));
      for (const type of [SERVER_MSG.welcome, SERVER_MSG.people, SERVER_MSG.counts]) {
        room.onMessage(type, () => {});
        other.onMessage(type, () => {});
      }
      expect(await problemsNow()).toEqual([]);

      await editFile(dir, 'mini-a.json', MOVE_A1);
      await until(() => changed[0]);
      expect(changed[0]).toEqual({ floorId: 'mini-a', problems: [] });
      const floor = (await (await fetch(`${server.url}/api/floors/mini-a`)).json()) as { stands: { id: string; x: number }[] };
      expect(floor.stands.find((s) => s.id === 'a-1')!.x).toBe(5);

      await editFile(dir, 'mini-a.json', BREAK_A2);
      const told = await until(() => problems[0]);
      expect(told.problems.some((p) => /mini-a\.json:\d+:\d+ stands\[1\]: stand "a-2" overlaps/.test(p))).toBe(true);
      await until(() => otherProblems[0]);
      expect(await problemsNow()).toEqual(told.problems);
      expect(changed).toHaveLength(1);
      expect(otherChanged).toEqual([]);

      await room.leave();
      await other.leave();
    } finally {
      await server.close();
    }
  });
});
