// `npm run bench:login`: a login flood against a real server process on 127.0.0.1, and what it
// does to everyone else. BENCH_PARALLEL (default 80) logins with random e-mails stay in flight
// for BENCH_SECONDS (default 5), first from one address, then each from its own address (a
// botnet: the per-address limit does not help, only the bound on password hashing does).
// Meanwhile a probe posts a stand event and reads /api/health every 50 ms; the table gives
// p50/p99/max of those probes (also without a flood, as a baseline) and how the logins were
// answered. Set BENCH_HASH_CONCURRENCY
// (the server's HASH_CONCURRENCY) to compare bounds, e.g. 1000 for "unbounded".
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API, apiPath } from '../shared/api.ts';
import { ROOT } from '../server/config.ts';
import { freePort, pct } from './lib/measure.ts';

const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 80);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PROBE_EVERY_MS = 50;
/** Each flooding client's pause after a 429/503 (default 200 ms: 400 attempts/s from 80). */
const REFUSED_PAUSE_MS = Number(process.env.BENCH_REFUSED_PAUSE_MS ?? 200);
const EXHIBITOR = process.env.BENCH_EXHIBITOR ?? 'teplyj-dom';
const HARD_LIMIT_MS = 3 * 60_000;



async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, QUIET: '1', LEVELS_WATCH: '0', TRUST_PROXY: '1' };
  if (process.env.BENCH_HASH_CONCURRENCY) env.HASH_CONCURRENCY = process.env.BENCH_HASH_CONCURRENCY;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', () => {});
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}${API.health}`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

let addressSeq = 0;
/** A fresh client address each call (the server trusts one proxy hop). */
function freshAddress(): string {
  addressSeq++;
  return `10.${(addressSeq >> 16) & 255}.${(addressSeq >> 8) & 255}.${addressSeq & 255}`;
}

async function timed(fn: () => Promise<Response>): Promise<{ ms: number; status: number }> {
  const t = performance.now();
  try {
    const res = await fn();
    await res.arrayBuffer();
    return { ms: performance.now() - t, status: res.status };
  } catch {
    return { ms: performance.now() - t, status: 0 };
  }
}

interface Row {
  scenario: string;
  logins: number;
  statuses: string;
  loginP50: number;
  eventP50: number;
  eventP99: number;
  eventMax: number;
  healthP50: number;
  healthP99: number;
}

async function scenario(url: string, name: string, addressOf: () => string, parallel = PARALLEL): Promise<Row> {
  const end = performance.now() + SECONDS * 1000;
  const statuses = new Map<number, number>();
  const loginMs: number[] = [];
  const login = async (): Promise<void> => {
    while (performance.now() < end) {
      const body = JSON.stringify({ email: `${randomBytes(6).toString('hex')}@bench.local`, password: 'not-the-password' });
      const r = await timed(() =>
        fetch(url + API.login, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': addressOf() }, body }),
      );
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      loginMs.push(r.ms);
      // A refused attempt comes back at once; pause so the flood does not become a loopback
      // busy loop that measures HTTP throughput of both processes instead of the hashing.
      if (r.status === 429 || r.status === 503) await new Promise((res) => setTimeout(res, REFUSED_PAUSE_MS));
    }
  };
  const eventMs: number[] = [];
  const healthMs: number[] = [];
  // Open loop: a probe goes out every PROBE_EVERY_MS whether or not the last one came back,
  // so one slow answer cannot hide the ones that would have queued behind it.
  const probe = async (): Promise<void> => {
    const eventUrl = url + apiPath(API.standEvents, { exhibitorId: EXHIBITOR });
    const pending: Promise<void>[] = [];
    while (performance.now() < end) {
      const body = JSON.stringify({ kind: 'visit', visitorId: randomBytes(9).toString('base64url') });
      pending.push(
        timed(() => fetch(eventUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() }, body })).then((e) => {
          if (e.status !== 204) console.error(`stand event answered ${e.status}`);
          eventMs.push(e.ms);
        }),
        timed(() => fetch(url + API.health)).then((h) => {
          healthMs.push(h.ms);
        }),
      );
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
    }
    await Promise.all(pending);
  };
  await Promise.all([probe(), ...Array.from({ length: parallel }, login)]);
  const ev = [...eventMs].sort((a, b) => a - b);
  const he = [...healthMs].sort((a, b) => a - b);
  const lo = [...loginMs].sort((a, b) => a - b);
  return {
    scenario: name,
    logins: loginMs.length,
    statuses: [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}:${n}`).join(' '),
    loginP50: pct(lo, 0.5),
    eventP50: pct(ev, 0.5),
    eventP99: pct(ev, 0.99),
    eventMax: ev.at(-1) ?? NaN,
    healthP50: pct(he, 0.5),
    healthP99: pct(he, 0.99),
  };
}

async function main(): Promise<void> {
  const hard = setTimeout(() => {
    console.error('bench:login: hard time limit reached');
    process.exit(1);
  }, HARD_LIMIT_MS);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'expo-bench-login-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startServer(port, dataDir);
  try {
    console.log(
      `${PARALLEL} random-e-mail logins in flight for ${SECONDS} s per scenario; a stand event + health probe every ${PROBE_EVERY_MS} ms; ` +
        `pause after a refusal ${REFUSED_PAUSE_MS} ms; HASH_CONCURRENCY=${process.env.BENCH_HASH_CONCURRENCY ?? 'default'}; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}`,
    );
    const one = freshAddress();
    const rows = [
      // The same probes without a flood: what the machine gives at all (other load included).
      await scenario(url, 'no logins', freshAddress, 0),
      await scenario(url, 'one address', () => one),
      await scenario(url, 'address per login', freshAddress),
    ];
    const f = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '-');
    console.log('');
    console.log('| scenario | logins answered | statuses | login p50 ms | event p50 ms | event p99 ms | event max ms | health p50 ms | health p99 ms |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      console.log(
        `| ${r.scenario} | ${r.logins} | ${r.statuses} | ${f(r.loginP50)} | ${f(r.eventP50)} | ${f(r.eventP99)} | ${f(r.eventMax)} | ${f(r.healthP50)} | ${f(r.healthP99)} |`,
      );
    }
  } finally {
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
    clearTimeout(hard);
  }
}

await main();
