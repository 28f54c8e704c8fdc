// "Acknowledged means durable": the real server runs as a child process, visitors submit
// leads concurrently, the process is killed with SIGKILL mid-stream, restarted on the same
// data folder, and every lead that was answered 201 must be there; every data file parses.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { API, type LeadAccepted, apiPath } from '../../shared/api.ts';
import type { Lead } from '../../shared/leads.ts';
import { ROOT } from '../../server/config.ts';
import { FIXTURE_EXHIBITORS, FIXTURE_LEVELS_DIR } from '../fixtures/fixtures.ts';
import { CALLBACK, CARD, call, login } from '../fixtures/cabinet.ts';

const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');
const children: ChildProcess[] = [];
let dataDir = '';

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

/** Starts server/main.ts on an ephemeral port and resolves with its URL once it listens. */
function startChild(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(NODE, ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      LEVELS_DIR: FIXTURE_LEVELS_DIR,
      SEED_FILE: FIXTURE_EXHIBITORS,
      CLIENT_DIR: path.join(dir, 'no-client'),
      LEVELS_WATCH: '0',
      // The test floods from one address on purpose.
      LEADS_PER_MINUTE: '1000000',
      QUIET: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 15_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}

describe('durability under SIGKILL', () => {
  it('keeps every acknowledged lead across a kill -9 and a restart', { timeout: 30_000 }, async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'expo-durability-'));
    const first = await startChild(dataDir);

    const acked = new Map<string, string>(); // lead id → exhibitor id
    let failed = 0;
    let killed = false;
    const exited = new Promise<void>((resolve) => first.child.once('exit', () => resolve()));

    /** One visitor after another, until the server dies under them. */
    async function visitor(n: number): Promise<void> {
      for (let i = 0; !killed; i++) {
        const exhibitorId = (n + i) % 2 === 0 ? 'alpha-school' : 'beta-university';
        const card = i % 5 === 4;
        try {
          const res = await call(first.url, 'POST', apiPath(card ? API.cardForMaterials : API.callback, { exhibitorId }), {
            body: card ? CARD : { ...CALLBACK, question: `visitor ${n}, request ${i}` },
          });
          if (res.status === 201) acked.set((res.json as LeadAccepted).id, exhibitorId);
          else throw new Error(`unexpected ${res.status}: ${res.text}`);
        } catch (e) {
          if (!killed) throw e;
          failed++;
          return;
        }
        if (killed) return;
      }
    }

    const visitors = Array.from({ length: 24 }, (_, n) => visitor(n));
    // Kill once plenty are acknowledged, while two dozen requests are still in flight.
    while (acked.size < 150) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    first.child.kill('SIGKILL');
    await Promise.all(visitors);
    await exited;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(failed).toBeGreaterThan(0);

    // Every data file is whole JSON (the atomic rename leaves the old or the new file).
    for (const name of (await fs.readdir(dataDir)).filter((f) => f.endsWith('.json') && !f.startsWith('.'))) {
      const text = await fs.readFile(path.join(dataDir, name), 'utf8');
      expect(() => JSON.parse(text), name).not.toThrow();
    }

    const second = await startChild(dataDir);
    const stored = new Set<string>();
    for (const [who, exhibitorId] of [['alpha', 'alpha-school'], ['beta', 'beta-university']] as const) {
      const cookie = await login(second.url, who);
      const res = await call(second.url, 'GET', apiPath(API.cabinetLeads, { exhibitorId }), { cookie });
      expect(res.status).toBe(200);
      for (const l of res.json as Lead[]) {
        expect(l.exhibitorId).toBe(exhibitorId);
        stored.add(l.id);
      }
    }
    const missing = [...acked.keys()].filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(acked.size);
    second.child.kill('SIGTERM');
  });
});
