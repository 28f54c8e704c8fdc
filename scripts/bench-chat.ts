// `npm run bench:chat`: 500 visitors listen in one stand chat while they post, together, a
// sustained 50 messages a second, against a real server process on 127.0.0.1. Reports the
// fan-out latency (post sent -> every listener has it) p50/p99, the poster's round trip (the
// answer comes once the message is on disk), server CPU and RSS, and, after restarting the
// server on the same data folder, that every acknowledged message is in the stored history,
// once and in order. Bounded in time; loopback only.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Room } from '@colyseus/sdk';
import { CHAT_PAGE_MAX, type ChatMessage, type ChatPage, type ChatPostResult } from '../shared/chat.ts';
import { CHAT_CLIENT_MSG, CHAT_SERVER_MSG, PROTOCOL_VERSION, ROOMS } from '../shared/protocol.ts';
import { ROOT } from '../server/config.ts';
import { visitorClient } from '../tests/fixtures/visitor.ts';
import { cpuTicks, freePort, pct, rssMb } from './lib/measure.ts';

const STAND = process.env.BENCH_STAND ?? 'sc-a11';
const LISTENERS = Number(process.env.BENCH_LISTENERS ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const WARM_S = 3;
const MEASURE_S = Number(process.env.BENCH_SECONDS ?? 20);
const HARD_LIMIT_MS = 4 * 60_000;
/** Listeners live in worker threads (one per core), so the harness is not the bottleneck. */
const WORKERS = Math.max(2, os.cpus().length);

/** One clock for every thread of this process: ms since the epoch, sub-millisecond. */
const now = () => performance.timeOrigin + performance.now();


// --- workers ------------------------------------------------------------------------------
//
// The crowd: most listeners live in "crowd" threads (one per core). They post their share of
// the rate with room.send and count what arrives without decoding it (a real visitor's
// browser decodes 50 messages a second easily; 250 of them in one thread would make the
// harness, not the server, the bottleneck). A "probe" thread, nearly idle, holds a few full
// clients that joined last (so they are the last in each broadcast), decode every message,
// time the fan-out from the send time written in the text, and post some messages as
// requests to time the answer, which the server gives once the message is on disk.

interface WorkerReport {
  fanout: number[];
  acks: number[];
  /** Bench messages posted during the measured window (by this thread). */
  sent: number;
  /** Sequence numbers of every bench message this thread posted (refused ones excluded). */
  posted: number[];
  /** Probes: the sequence numbers each probe received. */
  seen?: number[][];
  /** Frames (crowd) or bench messages (probes) received during the measured window. */
  received: number;
  refused: number;
  errors: number;
  connected: number;
  lagP99: number;
}

const PROBES = 10;
/** Messages a second the probes post themselves (each one every PROBES / PROBE_RATE s). */
const PROBE_RATE = 2.5;

function benchText(n: number): string {
  return `bench ${n} ${now().toFixed(3)}`;
}

/** One bot is one browser: its own signed visitor cookie, fetched like a page load. */
async function joinStand(url: string, name: string): Promise<Room> {
  return (await visitorClient(url)).joinOrCreate(ROOMS.standChat, { standId: STAND, name, protocol: PROTOCOL_VERSION });
}

function worker(): void {
  const { url, count, share, rate, probe } = workerData as { url: string; count: number; share: number; rate: number; probe: boolean };
  const rooms: Room[] = [];
  const report: WorkerReport = { fanout: [], acks: [], sent: 0, posted: [], received: 0, refused: 0, errors: 0, connected: 0, lagP99: 0 };
  const lag = monitorEventLoopDelay({ resolution: 10 });
  let measuring = false;
  let sending: ReturnType<typeof setInterval> | null = null;
  // Sequence numbers are unique across threads: thread i uses i, i + threads, ...
  let seq = share;
  let turn = 0;

  /** Probes: which bench messages each probe received (all run long), to find any lost one. */
  const seenBy: Set<number>[] = [];
  const onBench = (seen: Set<number>) => (batch: ChatMessage[]) => {
    const at = now();
    for (const m of batch) {
      const match = /^bench (\d+) (\d+(?:\.\d+)?)$/.exec(m.text);
      if (!match) continue;
      seen.add(Number(match[1]));
      if (!measuring) continue;
      report.received++;
      report.fanout.push(at - Number(match[2]));
    }
  };

  const post = (room: Room) => {
    const n = seq;
    seq += WORKERS + 1;
    if (measuring) report.sent++;
    report.posted.push(n);
    if (!probe) {
      room.send(CHAT_CLIENT_MSG.post, { text: benchText(n), thread: null });
      return;
    }
    const sentAt = now();
    room
      .request<unknown, ChatPostResult>(CHAT_CLIENT_MSG.post, { text: benchText(n), thread: null }, { timeout: 10_000 })
      .then((r) => {
        if (!r.ok) {
          report.refused++;
          report.posted.splice(report.posted.indexOf(n), 1);
        } else if (measuring) report.acks.push(now() - sentAt);
      })
      .catch(() => report.errors++);
  };

  parentPort!.on('message', async (msg: { cmd: string }) => {
    switch (msg.cmd) {
      case 'join': {
        for (let i = 0; i < count; i += 20) {
          const batch: Promise<void>[] = [];
          for (let j = i; j < Math.min(count, i + 20); j++) {
            batch.push(
              joinStand(url, `${probe ? 'Проба' : 'Слушатель'} ${share}-${j}`)
                .then((room) => {
                  room.reconnection.enabled = false;
                  if (probe) {
                    const seen = new Set<number>();
                    seenBy.push(seen);
                    room.onMessage(CHAT_SERVER_MSG.message, onBench(seen));
                    room.onMessage('*', () => {});
                  } else {
                    // Count frames, decode nothing (see above).
                    room.onMessage('*', () => {});
                    const ws = (room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws;
                    ws.onmessage = () => {
                      if (measuring) report.received++;
                    };
                  }
                  rooms.push(room);
                })
                .catch(() => {
                  report.errors++;
                }),
            );
          }
          await Promise.all(batch);
        }
        report.connected = rooms.length;
        parentPort!.postMessage({ joined: rooms.length });
        return;
      }
      case 'send': {
        // Round-robin over this thread's clients: each posts about once every
        // count / rate seconds, well inside a visitor's allowance.
        // Paced by the clock, not by timer ticks, so a late tick catches up and the rate holds.
        const start = now();
        let due = 0;
        sending = setInterval(() => {
          const target = Math.floor(((now() - start) / 1000) * rate);
          for (; due < target; due++) {
            const room = rooms[turn++ % rooms.length];
            if (room) post(room);
          }
        }, 10);
        return;
      }
      case 'measure':
        measuring = true;
        lag.enable();
        return;
      case 'stop-send':
        if (sending) clearInterval(sending);
        return;
      case 'report':
        measuring = false;
        lag.disable();
        report.lagP99 = lag.percentile(99) / 1e6;
        report.seen = seenBy.map((set) => [...set]);
        parentPort!.postMessage(report);
        return;
      case 'leave':
        await Promise.all(rooms.map((r) => r.leave(true).catch(() => {})));
        process.exit(0);
    }
  });
}

// --- main: the server, the threads, the figures --------------------------------------------




async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  // `--import tsx` keeps the server in this one process, so its CPU and RSS are what we read.
  const child = spawn(process.execPath, [...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/chatprof'] : []), '--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      QUIET: '1',
      LEVELS_WATCH: '0',
      // Every bot shares 127.0.0.1: lift the per-address limits, which are not what is measured.
      CHAT_POSTS_PER_ADDRESS: String(RATE * 60 * 10),
      MAX_SOCKETS_PER_ADDRESS: String(LISTENERS + 100),
      MAX_PENDING_JOINS_PER_ADDRESS: '100',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', () => {});
  for (let i = 0; i < 150; i++) {
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

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

function ask<T>(w: Worker, msg: unknown): Promise<T> {
  return new Promise((resolve) => {
    w.once('message', (m: T) => resolve(m));
    w.postMessage(msg);
  });
}

/** Every stored message of the stand's public chat, oldest first, by paging back. */
async function storedHistory(url: string): Promise<ChatMessage[]> {
  const room = await (await visitorClient(url)).joinOrCreate(ROOMS.standChat, { standId: STAND, name: 'Проверка', protocol: PROTOCOL_VERSION });
  const all: ChatMessage[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await room.request<unknown, ChatPage>(CHAT_CLIENT_MSG.history, { thread: null, before, limit: CHAT_PAGE_MAX }, { timeout: 10_000 });
    all.unshift(...page.messages);
    if (!page.more || page.messages.length === 0) break;
    before = page.messages[0]!.id;
  }
  await room.leave(true).catch(() => {});
  return all;
}

async function main(): Promise<void> {
  const hard = setTimeout(() => {
    console.error('bench:chat: hard time limit reached');
    process.exit(1);
  }, HARD_LIMIT_MS);
  const load = os.loadavg()[0]!;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'expo-bench-chat-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let server = await startServer(port, dataDir);
  const workers: Worker[] = [];
  try {
    console.log(`Stand "${STAND}": ${LISTENERS} visitors in its chat, posting ${RATE} messages/s together (each one every ${(LISTENERS / RATE).toFixed(0)} s); ${WARM_S} s warm-up, ${MEASURE_S} s measured.`);
    const crowd = LISTENERS - PROBES;
    for (let i = 0; i < WORKERS; i++) {
      const count = Math.floor(crowd / WORKERS) + (i < crowd % WORKERS ? 1 : 0);
      workers.push(new Worker(new URL(import.meta.url), { workerData: { url, count, share: i, rate: (RATE - PROBE_RATE) / WORKERS, probe: false }, execArgv: ['--import', 'tsx'] }));
    }
    const prober = new Worker(new URL(import.meta.url), { workerData: { url, count: PROBES, share: WORKERS, rate: PROBE_RATE, probe: true }, execArgv: ['--import', 'tsx'] });
    const t0 = performance.now();
    const joined = await Promise.all(workers.map((w) => ask<{ joined: number }>(w, { cmd: 'join' })));
    // The probes join last: they are at the end of every broadcast.
    joined.push(await ask<{ joined: number }>(prober, { cmd: 'join' }));
    workers.push(prober);
    const listeners = joined.reduce((a, j) => a + j.joined, 0);
    console.log(`${listeners} listeners joined in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    for (const w of workers) w.postMessage({ cmd: 'send' });
    await new Promise((r) => setTimeout(r, WARM_S * 1000));
    for (const w of workers) w.postMessage({ cmd: 'measure' });
    const c0 = cpuTicks(server.pid!);
    const m0 = performance.now();
    await new Promise((r) => setTimeout(r, MEASURE_S * 1000));
    const secs = (performance.now() - m0) / 1000;
    const cpu = ((cpuTicks(server.pid!) - c0) / 100 / secs) * 100; // % of one core (100 ticks/s)
    const rss = rssMb(server.pid!);
    for (const w of workers) w.postMessage({ cmd: 'stop-send' });
    // In-flight messages land before we count.
    await new Promise((r) => setTimeout(r, 2000));
    const reports = await Promise.all(workers.map((w) => ask<WorkerReport>(w, { cmd: 'report' })));

    const probeReport = reports.at(-1)!;
    const crowdReports = reports.slice(0, -1);
    const fanout = [...probeReport.fanout].sort((a, b) => a - b);
    const acks = [...probeReport.acks].sort((a, b) => a - b);
    const sent = reports.reduce((a, r) => a + r.sent, 0);
    const posted = new Set(reports.flatMap((r) => r.posted));
    const crowdFrames = crowdReports.reduce((a, r) => a + r.received, 0);
    const crowdConnected = crowdReports.reduce((a, r) => a + r.connected, 0);
    const refused = reports.reduce((a, r) => a + r.refused, 0);
    const errors = reports.reduce((a, r) => a + r.errors, 0);
    const crowdLag = Math.max(...crowdReports.map((r) => r.lagP99));
    // Every message posted while all probes were listening must have reached every probe.
    const probeSeen = (probeReport.seen ?? []).map((list) => new Set(list));
    const undelivered = probeSeen.reduce((a, seen) => a + [...posted].filter((n) => !seen.has(n)).length, 0);

    await Promise.all(
      workers.map(
        (w) =>
          new Promise((r) => {
            w.once('exit', r);
            w.postMessage({ cmd: 'leave' });
            setTimeout(() => void w.terminate(), 3000);
          }),
      ),
    );
    workers.length = 0;

    // Every posted message must be stored: read the history now, then again after a restart
    // on the same data folder (what the server kept is what it wrote to disk).
    const seqsOf = (history: ChatMessage[]) => history.map((m) => Number(/^bench (\d+) /.exec(m.text)?.[1] ?? NaN)).filter((n) => !Number.isNaN(n));
    const before = seqsOf(await storedHistory(url));
    await stopServer(server);
    server = await startServer(port, dataDir);
    const history = await storedHistory(url);
    const after = seqsOf(history);
    const stored = new Set(after);
    const missing = [...posted].filter((n) => !stored.has(n)).length;
    const lostOnRestart = before.filter((n) => !stored.has(n)).length;
    const duplicates = after.length - stored.size;
    const ids = history.map((m) => m.id);
    const inOrder = ids.every((id, i) => i === 0 || id > ids[i - 1]!);

    const rate = sent / secs;
    const met = pct(fanout, 0.99) < 200 && rate >= RATE * 0.95 && listeners >= LISTENERS;
    const cpuInfo = os.cpus();
    const lines = [
      `Machine: ${cpuInfo[0]?.model ?? 'unknown'}, ${cpuInfo.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load average before the run ${load.toFixed(1)}. Listeners and server share the machine.`,
      '',
      '| listeners | messages/s | fan-out p50 ms | fan-out p99 ms | fan-out max ms | post→stored answer p50 ms | p99 ms | server CPU (% of a core) | server RSS MB | frames/s per listener | lost on the way to probes | refused | errors | crowd-thread lag p99 ms | probe-thread lag p99 ms |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      `| ${listeners} | ${rate.toFixed(1)} | ${pct(fanout, 0.5).toFixed(1)} | ${pct(fanout, 0.99).toFixed(1)} | ${(fanout.at(-1) ?? NaN).toFixed(1)} | ${pct(acks, 0.5).toFixed(1)} | ${pct(acks, 0.99).toFixed(1)} | ${cpu.toFixed(0)} | ${rss.toFixed(0)} | ${(crowdFrames / Math.max(1, crowdConnected) / secs).toFixed(1)} | ${undelivered} of ${posted.size * probeSeen.length} | ${refused} | ${errors} | ${crowdLag.toFixed(1)} | ${probeReport.lagP99.toFixed(1)} |`,
      '',
      `Fan-out is timed by ${PROBES} probe listeners that joined last (the end of every broadcast), ${fanout.length} samples; the answer to a post comes once the message is on disk (${acks.length} samples).`,
      `Stored: ${posted.size} messages posted in the run, ${stored.size} in the history after a restart: ${missing} missing, ${lostOnRestart} lost by the restart, ${duplicates} duplicated, ids ${inOrder ? 'in order' : 'OUT OF ORDER'}.`,
      `Target (p99 under 200 ms at ${RATE} messages/s with ${LISTENERS} listeners): ${met ? 'met' : 'NOT met'}.`,
    ];
    console.log(lines.join('\n'));
    clearTimeout(hard);
    if (missing > 0 || lostOnRestart > 0 || duplicates > 0 || !inOrder || undelivered > 0) process.exitCode = 1;
  } finally {
    for (const w of workers) void w.terminate();
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMainThread) await main();
else worker();
