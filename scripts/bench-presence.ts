// `npm run bench:presence`: bot visitors walk one floor against a real server process on
// 127.0.0.1 and we report, per crowd size, the server's CPU and memory, the latency from a
// move to another visitor seeing it, and bytes per visitor per second, with interest
// management and in the naive everyone-sees-everyone mode. Prints figures; bounded in time.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Client, type Room } from '@colyseus/sdk';
import { PeopleMirror } from '../shared/peopleDelta.ts';
import type { Vec } from '../shared/geometry.ts';
import { buildFloorModel } from '../shared/level/model.ts';
import { findWalk } from '../shared/level/pathfinding.ts';
import { Level } from '../shared/level/schema.ts';
import { doorstep } from '../shared/level/stand.ts';
import { CLIENT_MSG, type PeopleDelta, PROTOCOL_VERSION, ROOMS, SERVER_MSG, type Welcome, toDm } from '../shared/protocol.ts';
import { ROOT } from '../server/config.ts';
import { seededRandom } from '../shared/random.ts';
import { cpuTicks, pct, rssMb } from './lib/measure.ts';

const FLOOR = 'school';
const SIZES = (process.env.BENCH_SIZES ?? '250,500,1000,2000').split(',').map(Number).filter((n) => n > 0);
const NAIVE_SIZES = (process.env.BENCH_NAIVE_SIZES ?? '250,500,1000').split(',').map(Number).filter((n) => n > 0);
const WARM_MS = 3000;
const MEASURE_MS = 8000;
const HARD_LIMIT_MS = 14 * 60_000;
/** Joining a crowd must finish within this, or the mode is reported as collapsed. */
const JOIN_LIMIT_MS = Number(process.env.BENCH_JOIN_LIMIT_S ?? 90) * 1000;

const level = Level.parse(JSON.parse(fs.readFileSync(path.join(ROOT, 'levels', `${FLOOR}.json`), 'utf8')));
const model = buildFloorModel(level);

const rng = seededRandom;

interface Stats {
  latencies: number[];
  down: number;
  up: number;
  errors: number;
}

/** Bots get to their random start this fast (the server places every newcomer at the entrance). */
const SPREAD_SPEED = 15;

/** A visitor's signed cookie, as a browser gets it from the first page it loads. */
async function visitorCookie(url: string): Promise<string> {
  const res = await fetch(`${url}/api/health`);
  await res.body?.cancel();
  const pair = res.headers.getSetCookie().map((c) => c.split(';')[0]!.trim()).find((c) => c.startsWith('expo_vid='));
  if (!pair) throw new Error('the server set no visitor cookie');
  return pair;
}

/** Send times of moves, keyed by "serverId:xdm:ydm", so an observer can time what it sees. */
const sentAt = new Map<string, number>();

class Bot {
  room: Room | null = null;
  id = -1;
  pos: Vec = { x: 0, y: 0 };
  private path: Vec[] = [];
  private speed: number;
  private idleUntil = 0;
  private lastSent = 0;
  /** Where this bot really starts walking; it hurries there from the entrance first. */
  private start: Vec | null = null;
  spread = false;

  constructor(
    private readonly random: () => number,
    private readonly stats: Stats,
    /** Probe bots pace between these two points without pausing, close to each other. */
    private readonly patrol: [Vec, Vec] | null = null,
  ) {
    this.speed = 1.1 + random() * 0.8;
  }

  async join(url: string): Promise<void> {
    const client = new Client(url, { headers: { Cookie: await visitorCookie(url) } });
    this.start = this.patrol ? this.patrol[Math.floor(this.random() * 2)]! : model.graph.nodes[Math.floor(this.random() * model.graph.nodes.length)]!;
    const room = await client.joinOrCreate(ROOMS.floor, { floorId: FLOOR, name: `Бот ${Math.floor(this.random() * 1e4)}`, protocol: PROTOCOL_VERSION });
    this.room = room;
    room.reconnection.enabled = false;
    const ws = (room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws;
    ws.addEventListener('message', (e: MessageEvent) => {
      this.stats.down += (e.data as ArrayBuffer).byteLength ?? 0;
    });
    const send = ws.send.bind(ws);
    ws.send = (data: Parameters<WebSocket['send']>[0]) => {
      this.stats.up += (data as ArrayBuffer).byteLength ?? 0;
      send(data);
    };
    room.onMessage(SERVER_MSG.welcome, (w: Welcome) => {
      this.id = w.id;
      this.pos = { x: w.x, y: w.y };
      if (this.start && !this.spread) {
        const walk = findWalk(model.graph, this.pos, this.start);
        this.path = walk ? walk.points.slice(1) : [];
      }
      // A typical viewport around the visitor, as the real client sends it once it knows where it is.
      room.send(CLIENT_MSG.view, { x: w.x - 60, y: w.y - 38, w: 120, h: 76 });
    });
    const mirror = new PeopleMirror();
    let n = 0;
    const moved = (p: { id: number; xDm: number; yDm: number }) => {
      // Sampled: one observation in four is enough and keeps the bots' own CPU down.
      if ((n++ & 3) !== 0) return;
      const t = sentAt.get(`${p.id}:${p.xDm}:${p.yDm}`);
      if (t !== undefined && this.stats.latencies.length < 400_000) this.stats.latencies.push(performance.now() - t);
    };
    room.onMessage(SERVER_MSG.people, (d: PeopleDelta) => mirror.apply(d, { moved }));
    room.onMessage(SERVER_MSG.correct, (p: Vec) => {
      this.pos = p;
      this.path = [];
    });
    room.onMessage('*', () => {});
    room.onLeave(() => {
      this.room = null;
    });
    room.onError(() => this.stats.errors++);
  }

  step(now: number, dt: number): void {
    if (!this.room || this.id < 0) return;
    if (!this.spread && this.path.length === 0) {
      this.spread = true;
      // The camera followed the avatar there: the view goes with it, as the real client sends it.
      this.room.send(CLIENT_MSG.view, { x: this.pos.x - 60, y: this.pos.y - 38, w: 120, h: 76 });
    }
    if (this.path.length === 0 && this.patrol) {
      const [a, b] = this.patrol;
      const far = Math.hypot(this.pos.x - a.x, this.pos.y - a.y) > Math.hypot(this.pos.x - b.x, this.pos.y - b.y) ? a : b;
      const w = findWalk(model.graph, this.pos, far);
      this.path = w ? w.points.slice(1) : [far];
    }
    if (this.path.length === 0) {
      if (now < this.idleUntil) return;
      // Walk to a random stand, look at it for a while, walk on.
      const s = level.stands[Math.floor(this.random() * level.stands.length)]!;
      const w = findWalk(model.graph, this.pos, doorstep(s));
      this.path = w ? w.points.slice(1) : [];
      this.idleUntil = now + 1000 + this.random() * 4000;
      return;
    }
    let budget = (this.spread ? this.speed : SPREAD_SPEED) * dt;
    while (budget > 0 && this.path.length > 0) {
      const t = this.path[0]!;
      const d = Math.hypot(t.x - this.pos.x, t.y - this.pos.y);
      if (d <= budget) {
        this.pos = t;
        this.path.shift();
        budget -= d;
      } else {
        this.pos = { x: this.pos.x + ((t.x - this.pos.x) / d) * budget, y: this.pos.y + ((t.y - this.pos.y) / d) * budget };
        budget = 0;
      }
    }
    if (now - this.lastSent >= 100) {
      this.lastSent = now;
      const x = Math.round(this.pos.x * 100) / 100;
      const y = Math.round(this.pos.y * 100) / 100;
      sentAt.set(`${this.id}:${toDm(x)}:${toDm(y)}`, performance.now());
      this.room.send(CLIENT_MSG.move, { x, y });
      if (Math.floor(now / 1000) % 2 === 0 && this.random() < 0.05) {
        this.room.send(CLIENT_MSG.view, { x: x - 60, y: y - 38, w: 120, h: 76 });
      }
    }
  }
}



async function startServer(port: number, naive: boolean): Promise<ChildProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'expo-bench-presence-'));
  // `--import tsx` keeps the server in this one process, so its CPU and RSS are what we read.
  // BENCH_SERVER_PROFILE=<dir> writes a V8 CPU profile of the server there (open in DevTools).
  const profile = process.env.BENCH_SERVER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_SERVER_PROFILE)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    // Every bot comes from 127.0.0.1: the per-address caps on sockets and joins are lifted.
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      QUIET: '1',
      ROOM_CAPACITY: '5000',
      PRESENCE_NAIVE: naive ? '1' : '0',
      LEVELS_WATCH: '0',
      MAX_SOCKETS_PER_ADDRESS: '100000',
      MAX_PENDING_JOINS_PER_ADDRESS: '100000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', () => {}); // warnings about refused moves are expected noise
  child.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}


interface Row {
  mode: string;
  bots: number;
  cpu: number;
  rss: number;
  p50: number;
  p99: number;
  down: number;
  up: number;
  errors: number;
  samples: number;
  /** Worst p99 event-loop lag of the bot threads: part of the latency is the harness. */
  lag: number;
  /** Latency seen by the probe visitors (an idle thread), and that thread's own lag. */
  probeP50: number;
  probeP99: number;
  probeSamples: number;
  probeLag: number;
  collapsed?: boolean;
}

/** Bots live in worker threads (one per core), so the harness is not the bottleneck. */
const WORKERS = Math.max(2, os.cpus().length);

/**
 * A few probe visitors in their own, nearly idle thread pace one alley near each other and
 * time each other's moves. The crowd's threads get busy at 1 000+ bots (their event loops
 * lag), which inflates their own timings; the probes' loop stays free, so their latency is
 * the server's and the network's, as a real visitor on their own machine would see it.
 */
const PROBES = 16;
const PATROL: [Vec, Vec] = (() => {
  const a = model.graph.nodes[Math.floor(model.graph.nodes.length / 2)]!;
  const near = model.graph.nodes.filter((n) => Math.hypot(n.x - a.x, n.y - a.y) > 6 && Math.hypot(n.x - a.x, n.y - a.y) < 14);
  return [{ x: a.x, y: a.y }, near[0] ? { x: near[0].x, y: near[0].y } : { x: a.x, y: a.y }];
})();

interface WorkerReport {
  latencies: number[];
  down: number;
  up: number;
  errors: number;
  connected: number;
  lagP99: number;
}

function botWorker(): void {
  const { url, seed, probe } = workerData as { url: string; seed: number; probe: boolean };
  const stats: Stats = { latencies: [], down: 0, up: 0, errors: 0 };
  const bots: Bot[] = [];
  const random = rng(seed);
  let last = performance.now();
  const lags: number[] = [];
  let expected = performance.now() + 50;
  setInterval(() => {
    const now = performance.now();
    lags.push(now - expected);
    expected = now + 50;
    const dt = (now - last) / 1000;
    last = now;
    for (const b of bots) b.step(now, dt);
    if (sentAt.size > 200_000) sentAt.clear();
  }, 50);
  parentPort!.on('message', async (msg: { cmd: 'grow'; n: number } | { cmd: 'reset' } | { cmd: 'report' } | { cmd: 'stop' }) => {
    switch (msg.cmd) {
      case 'grow':
        while (bots.length < msg.n) {
          const batch: Promise<void>[] = [];
          for (let i = 0; i < 20 && bots.length < msg.n; i++) {
            const b = new Bot(random, stats, probe ? PATROL : null);
            bots.push(b);
            batch.push(b.join(url).catch(() => void stats.errors++));
          }
          await Promise.all(batch);
        }
        // Measure a crowd spread over the floor, as before the server chose spawns.
        for (let i = 0; i < 400 && bots.some((b) => b.room && !b.spread); i++) await new Promise((r) => setTimeout(r, 50));
        parentPort!.postMessage({ done: true });
        return;
      case 'reset':
        stats.latencies = [];
        stats.down = 0;
        stats.up = 0;
        stats.errors = 0;
        lags.length = 0;
        return;
      case 'report': {
        const sorted = [...lags].sort((a, b) => a - b);
        const report: WorkerReport = {
          latencies: stats.latencies,
          down: stats.down,
          up: stats.up,
          errors: stats.errors,
          connected: bots.filter((b) => b.room).length,
          lagP99: pct(sorted, 0.99),
        };
        parentPort!.postMessage(report);
        return;
      }
      case 'stop':
        await Promise.all(bots.map((b) => b.room?.leave(true).catch(() => {})));
        process.exit(0);
    }
  });
}

function ask<T>(w: Worker, msg: unknown): Promise<T> {
  return new Promise((resolve) => {
    w.once('message', (m: T) => resolve(m));
    w.postMessage(msg);
  });
}

async function runMode(naive: boolean, sizes: number[], port: number, deadline: number): Promise<Row[]> {
  const server = await startServer(port, naive);
  const url = `http://127.0.0.1:${port}`;
  const workers = Array.from(
    { length: WORKERS },
    (_, i) => new Worker(new URL(import.meta.url), { workerData: { url, seed: (naive ? 100 : 200) + i, probe: false }, execArgv: ['--import', 'tsx'] }),
  );
  const prober = new Worker(new URL(import.meta.url), { workerData: { url, seed: naive ? 99 : 199, probe: true }, execArgv: ['--import', 'tsx'] });
  await ask(prober, { cmd: 'grow', n: PROBES });
  const rows: Row[] = [];
  try {
    for (const n of sizes) {
      if (Date.now() > deadline) break;
      const grown = await Promise.race([
        Promise.all(workers.map((w, i) => ask(w, { cmd: 'grow', n: Math.floor(n / WORKERS) + (i < n % WORKERS ? 1 : 0) }))).then(() => true),
        new Promise<false>((r) => setTimeout(() => r(false), JOIN_LIMIT_MS)),
      ]);
      if (!grown) {
        // The server cannot take this crowd in this mode: say so instead of waiting forever.
        console.log(`${(naive ? 'naive (everyone sees everyone)' : 'interest management').padEnd(31)} ${String(n).padStart(5)} bots  collapsed: joins did not finish in ${JOIN_LIMIT_MS / 1000} s`);
        rows.push({ mode: naive ? 'naive (everyone sees everyone)' : 'interest management', bots: n, cpu: NaN, rss: NaN, p50: NaN, p99: NaN, down: NaN, up: NaN, errors: NaN, samples: 0, lag: NaN, probeP50: NaN, probeP99: NaN, probeSamples: 0, probeLag: NaN, collapsed: true });
        break;
      }
      await new Promise((r) => setTimeout(r, WARM_MS));
      for (const w of [...workers, prober]) w.postMessage({ cmd: 'reset' });
      const t0 = performance.now();
      const c0 = cpuTicks(server.pid!);
      await new Promise((r) => setTimeout(r, MEASURE_MS));
      const reports = await Promise.all(workers.map((w) => ask<WorkerReport>(w, { cmd: 'report' })));
      const probeReport = await ask<WorkerReport>(prober, { cmd: 'report' });
      const probeSorted = [...probeReport.latencies].sort((a, b) => a - b);
      const secs = (performance.now() - t0) / 1000;
      const cpu = ((cpuTicks(server.pid!) - c0) / 100 / secs) * 100; // % of one core (100 ticks/s)
      const connected = reports.reduce((a, r) => a + r.connected, 0);
      const sorted = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
      const r: Row = {
        mode: naive ? 'naive (everyone sees everyone)' : 'interest management',
        bots: connected,
        cpu,
        rss: rssMb(server.pid!),
        p50: pct(sorted, 0.5),
        p99: pct(sorted, 0.99),
        down: reports.reduce((a, x) => a + x.down, 0) / connected / secs / 1024,
        up: reports.reduce((a, x) => a + x.up, 0) / connected / secs / 1024,
        errors: reports.reduce((a, x) => a + x.errors, 0) + (n - connected),
        samples: sorted.length,
        lag: Math.max(...reports.map((x) => x.lagP99)),
        probeP50: pct(probeSorted, 0.5),
        probeP99: pct(probeSorted, 0.99),
        probeSamples: probeSorted.length,
        probeLag: probeReport.lagP99,
      };
      rows.push(r);
      console.log(
        `${r.mode.padEnd(31)} ${String(r.bots).padStart(5)} bots  cpu ${r.cpu.toFixed(0).padStart(3)}%  rss ${r.rss.toFixed(0)} MB  ` +
          `p50 ${r.p50.toFixed(0)} ms  p99 ${r.p99.toFixed(0)} ms  down ${r.down.toFixed(2)} KB/s  up ${r.up.toFixed(2)} KB/s  errors ${r.errors}  bot lag p99 ${r.lag.toFixed(0)} ms  ` +
          `probes p50 ${r.probeP50.toFixed(0)} ms p99 ${r.probeP99.toFixed(0)} ms (${r.probeSamples} samples, lag p99 ${r.probeLag.toFixed(0)} ms)`,
      );
      if (r.p99 > 5000) {
        console.log('  (latency above 5 s: larger crowds in this mode are skipped)');
        break;
      }
    }
  } finally {
    await Promise.all(
      [...workers, prober].map(
        (w) =>
          new Promise((r) => {
            w.once('exit', r);
            w.postMessage({ cmd: 'stop' });
            setTimeout(() => void w.terminate(), 3000);
          }),
      ),
    );
    server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  return rows;
}

async function main(): Promise<void> {
  const deadline = Date.now() + HARD_LIMIT_MS;
  const hard = setTimeout(() => {
    console.error('bench:presence: hard time limit reached');
    process.exit(1);
  }, HARD_LIMIT_MS + 60_000);
  console.log(`Floor "${FLOOR}" (${level.stands.length} stands, ${level.size.width} x ${level.size.height} m); each visitor walks to random stands at 1.1-1.9 m/s, pauses 1-5 s, sends moves at 10 Hz.`);
  const rows = [
    ...(SIZES.length ? await runMode(false, SIZES, 3590, deadline) : []),
    ...(NAIVE_SIZES.length ? await runMode(true, NAIVE_SIZES, 3591, deadline) : []),
  ];
  clearTimeout(hard);
  const cpu = os.cpus();
  const md = [
    `Machine: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}. Bots and server share the machine.`,
    '',
    '| mode | visitors | server CPU (% of a core) | server RSS MB | crowd move→seen p50 ms | crowd p99 ms | probes p50 ms | probes p99 ms | down KB/s per visitor | up KB/s per visitor | errors | crowd samples | probe samples | crowd-thread lag p99 ms | probe-thread lag p99 ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) =>
      r.collapsed
        ? `| ${r.mode} | ${r.bots} | collapsed: could not admit this crowd within ${JOIN_LIMIT_MS / 1000} s | | | | | | | | | | | | |`
        :
        `| ${r.mode} | ${r.bots} | ${r.cpu.toFixed(0)} | ${r.rss.toFixed(0)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.probeP50.toFixed(0)} | ${r.probeP99.toFixed(0)} | ${r.down.toFixed(2)} | ${r.up.toFixed(2)} | ${r.errors} | ${r.samples} | ${r.probeSamples} | ${r.lag.toFixed(0)} | ${r.probeLag.toFixed(0)} |`,
    ),
  ].join('\n');
  console.log(`\n${md}`);
  fs.mkdirSync(path.join(ROOT, 'data'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'data', 'bench-presence.md'), `${md}\n`);
  process.exit(0);
}

if (isMainThread) void main();
else botWorker();
