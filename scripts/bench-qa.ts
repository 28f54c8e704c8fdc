// `npm run bench:qa`: one programme event's Q&A room with BENCH_WATCHERS watchers (default
// 1 000; 5 000 is the target) against a real server process on 127.0.0.1. Reports:
// approved-question fan-out (moderator's approve sent -> every probe watcher has it) and
// poll fan-out (poll opened -> probes have it; a ballot cast -> probes see it counted) p50/p99,
// while the crowd up-votes and votes; the cost of reactions (every watcher reacting once per
// 2 s, summed by the server into one broadcast a second); server CPU and RSS. Bounded in time;
// loopback only. Watchers live in worker threads and count frames without decoding them.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Client, type Room } from '@colyseus/sdk';
import { API } from '../shared/api.ts';
import { PROTOCOL_VERSION, ROOMS } from '../shared/protocol.ts';
import { type Poll, QA_CLIENT_MSG, QA_SERVER_MSG, type QaReplies, REACTIONS, type Question } from '../shared/qa.ts';
import { ROOT } from '../server/config.ts';
import { visitorClient } from '../tests/fixtures/visitor.ts';
import { cpuTicks, freePort, pct, rssMb } from './lib/measure.ts';

const EVENT = process.env.BENCH_EVENT ?? 'main-d2-higher-education-1';
const WATCHERS = Number(process.env.BENCH_WATCHERS ?? 1000);
const QUESTION_ROUNDS = 20;
const POLL_ROUNDS = 10;
/** Up-votes and ballots a second from the crowd while questions and polls are timed. */
const CROWD_RATE = Number(process.env.BENCH_RATE ?? 200);
const REACT_S = 6;
const HARD_LIMIT_MS = 6 * 60_000;
const WORKERS = Math.max(2, os.cpus().length);
const PROBES = 10;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


// --- workers ------------------------------------------------------------------------------

interface ProbeSeen {
  /** question id -> first time seen approved, per probe. */
  approved: Record<string, number>[];
  /** poll id -> first time seen open, per probe. */
  opened: Record<string, number>[];
  /** "pollId:count0" -> first time the probe saw option 0 with that many ballots. */
  counted: Record<string, number>[];
  reactionMsgs: number;
}

interface WorkerReport {
  connected: number;
  errors: number;
  frames: number;
  probe?: ProbeSeen;
}

function worker(): void {
  const { url, count, probe, index } = workerData as { url: string; count: number; probe: boolean; index: number };
  const rooms: Room[] = [];
  const report: WorkerReport = { connected: 0, errors: 0, frames: 0 };
  const seen: ProbeSeen = { approved: [], opened: [], counted: [], reactionMsgs: 0 };
  let timer: ReturnType<typeof setInterval> | null = null;
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
  /** Sends `total` messages a second in turns over this thread's bots, each bot at most once (votes, ballots). */
  const pace = (rate: number, each: (room: Room, i: number) => void, once: boolean) => {
    stop();
    const start = now();
    let due = 0;
    timer = setInterval(() => {
      const target = Math.floor(((now() - start) / 1000) * rate);
      for (; due < target; due++) {
        if (once && due >= rooms.length) return stop();
        const room = rooms[due % rooms.length];
        if (room) each(room, due);
      }
    }, 10);
  };

  parentPort!.on('message', async (msg: { cmd: string; id?: number; rate?: number }) => {
    switch (msg.cmd) {
      case 'join': {
        for (let i = 0; i < count; i += 25) {
          const batch: Promise<void>[] = [];
          for (let j = i; j < Math.min(count, i + 25); j++) {
            batch.push(
              (async () => {
                const client = await visitorClient(url);
                const room = await client.joinOrCreate(ROOMS.qa, { eventId: EVENT, name: `Зритель ${index}-${j}`, protocol: PROTOCOL_VERSION });
                room.reconnection.enabled = false;
                room.onMessage('*', () => {});
                if (probe) {
                  const approved: Record<string, number> = {};
                  const opened: Record<string, number> = {};
                  const counted: Record<string, number> = {};
                  seen.approved.push(approved);
                  seen.opened.push(opened);
                  seen.counted.push(counted);
                  room.onMessage(QA_SERVER_MSG.questions, (qs: Question[]) => {
                    const at = now();
                    for (const q of qs) if (q.status === 'approved') approved[q.id] ??= at;
                  });
                  room.onMessage(QA_SERVER_MSG.polls, (ps: Poll[]) => {
                    const at = now();
                    for (const p of ps) {
                      if (p.status === 'open') opened[p.id] ??= at;
                      counted[`${p.id}:${p.counts[0] ?? 0}`] ??= at;
                    }
                  });
                  room.onMessage(QA_SERVER_MSG.reactions, () => seen.reactionMsgs++);
                } else {
                  const ws = (room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws;
                  ws.onmessage = () => report.frames++;
                }
                rooms.push(room);
              })().catch(() => {
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
      case 'vote':
        pace(msg.rate!, (room) => room.send(QA_CLIENT_MSG.vote, { id: msg.id! }), true);
        return;
      case 'ballot':
        // The crowd never chooses option 0: that one counts the timed ballots only.
        pace(msg.rate!, (room, i) => room.send(QA_CLIENT_MSG.ballot, { pollId: msg.id!, choices: [1 + (i % 2)] }), true);
        return;
      case 'react':
        // Each bot once per 2 s (the server's allowance), spread evenly.
        pace(msg.rate!, (room, i) => room.send(QA_CLIENT_MSG.react, { emoji: REACTIONS[i % REACTIONS.length]! }), false);
        return;
      case 'stop':
        stop();
        return;
      case 'report':
        stop();
        if (probe) report.probe = seen;
        parentPort!.postMessage(report);
        return;
      case 'leave':
        await Promise.all(rooms.map((r) => r.leave(true).catch(() => {})));
        process.exit(0);
    }
  });
}

// --- main -------------------------------------------------------------------------------




async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      QUIET: '1',
      LEVELS_WATCH: '0',
      // Every bot shares 127.0.0.1: lift the per-address limits, which are not what is measured.
      CHAT_POSTS_PER_ADDRESS: '100000',
      MAX_SOCKETS_PER_ADDRESS: String(WATCHERS + 200),
      MAX_PENDING_JOINS_PER_ADDRESS: '200',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', () => {});
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

function ask<T>(w: Worker, msg: unknown): Promise<T> {
  return new Promise((resolve) => {
    w.once('message', (m: T) => resolve(m));
    w.postMessage(msg);
  });
}

async function moderatorRoom(url: string): Promise<Room> {
  const login = await fetch(url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'moderator@expo.local', password: 'expo-demo-moderator' }),
  });
  const session = login.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('expo_session=')) ?? '';
  const t = await fetch(url + API.chatTicket, { method: 'POST', headers: { cookie: session, origin: url } });
  const { ticket } = (await t.json()) as { ticket: string };
  return quiet(await new Client(url).joinOrCreate(ROOMS.qa, { eventId: EVENT, ticket, protocol: PROTOCOL_VERSION }));
}

/** The harness's own clients take every message without decoding it into a handler. */
function quiet(room: Room): Room {
  room.onMessage('*', () => {});
  return room;
}

const req = <K extends keyof QaReplies>(room: Room, type: K, payload: unknown) => room.request<unknown, QaReplies[K]>(type, payload, { timeout: 15_000 });

async function main(): Promise<void> {
  const hard = setTimeout(() => {
    console.error('bench:qa: hard time limit reached');
    process.exit(1);
  }, HARD_LIMIT_MS);
  const load = os.loadavg()[0]!;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'expo-bench-qa-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startServer(port, dataDir);
  const workers: Worker[] = [];
  try {
    const cpuSince = () => {
      const c0 = cpuTicks(server.pid!);
      const t0 = performance.now();
      return () => ((cpuTicks(server.pid!) - c0) / ((performance.now() - t0) / 1000)) * 1; // ticks/s = % of a core
    };
    const mod = await moderatorRoom(url);
    const crowd = WATCHERS - PROBES;
    for (let i = 0; i < WORKERS; i++) {
      const count = Math.floor(crowd / WORKERS) + (i < crowd % WORKERS ? 1 : 0);
      workers.push(new Worker(new URL(import.meta.url), { workerData: { url, count, probe: false, index: i }, execArgv: ['--import', 'tsx'] }));
    }
    const prober = new Worker(new URL(import.meta.url), { workerData: { url, count: PROBES, probe: true, index: WORKERS }, execArgv: ['--import', 'tsx'] });
    const j0 = performance.now();
    const joined = (await Promise.all(workers.map((w) => ask<{ joined: number }>(w, { cmd: 'join' })))).reduce((a, j) => a + j.joined, 0);
    const probesJoined = (await ask<{ joined: number }>(prober, { cmd: 'join' })).joined;
    console.log(`Event "${EVENT}": ${joined + probesJoined} watchers joined in ${((performance.now() - j0) / 1000).toFixed(1)} s (${PROBES} probes joined last).`);
    const crowdOnly = workers.slice();
    workers.push(prober);
    await sleep(2000);
    const idleCpu = cpuSince();
    await sleep(3000);
    const idle = idleCpu();

    // Questions: a fresh asker each round, the moderator approves; the crowd up-votes the last one.
    const approveSent: Record<number, number> = {};
    const qCpu = cpuSince();
    const perWorker = CROWD_RATE / crowdOnly.length;
    for (let r = 0; r < QUESTION_ROUNDS; r++) {
      const asker = quiet(await (await visitorClient(url)).joinOrCreate(ROOMS.qa, { eventId: EVENT, name: `Спрашивающий ${r}`, protocol: PROTOCOL_VERSION }));
      const asked = await req<'ask'>(asker, QA_CLIENT_MSG.ask, { text: `Вопрос номер ${r}: что будет дальше?`, anonymous: r % 3 === 0 });
      if (!asked.ok) throw new Error(`ask refused: ${asked.error}`);
      approveSent[asked.question.id] = now();
      const ok = await req<'moderate'>(mod, QA_CLIENT_MSG.moderate, { id: asked.question.id, action: 'approve' });
      if (!ok.ok) throw new Error(`approve refused: ${ok.error}`);
      for (const w of crowdOnly) w.postMessage({ cmd: 'vote', id: asked.question.id, rate: perWorker });
      void asker.leave(true).catch(() => {});
      await sleep(500);
    }
    const qCpuPct = qCpu();

    // Polls: open (timed), the crowd votes options 1-2, one timed ballot on option 0 per round.
    const voter = quiet(await (await visitorClient(url)).joinOrCreate(ROOMS.qa, { eventId: EVENT, name: 'Голосующий', protocol: PROTOCOL_VERSION }));
    const openSent: Record<number, number> = {};
    const ballotSent: Record<number, number> = {};
    const pCpu = cpuSince();
    for (let r = 0; r < POLL_ROUNDS; r++) {
      const saved = await req<'pollSave'>(mod, QA_CLIENT_MSG.pollSave, { question: `Опрос ${r}`, options: ['Первый', 'Второй', 'Третий'], multiple: false });
      if (!saved.ok) throw new Error(`poll refused: ${saved.error}`);
      const id = saved.poll.id;
      openSent[id] = now();
      await req<'pollState'>(mod, QA_CLIENT_MSG.pollState, { id, status: 'open' });
      for (const w of crowdOnly) w.postMessage({ cmd: 'ballot', id, rate: perWorker });
      await sleep(400);
      ballotSent[id] = now();
      const b = await req<'ballot'>(voter, QA_CLIENT_MSG.ballot, { pollId: id, choices: [0] });
      if (!b.ok) throw new Error(`ballot refused: ${b.error}`);
      await sleep(800);
      await req<'pollState'>(mod, QA_CLIENT_MSG.pollState, { id, status: 'closed' });
    }
    const pCpuPct = pCpu();
    for (const w of crowdOnly) w.postMessage({ cmd: 'stop' });
    await sleep(1000);

    // Reactions: every crowd bot once per 2 s.
    const reactRate = crowd / 2;
    const rCpu = cpuSince();
    for (const w of crowdOnly) w.postMessage({ cmd: 'react', rate: reactRate / crowdOnly.length });
    await sleep(REACT_S * 1000);
    const rCpuPct = rCpu();
    const rss = rssMb(server.pid!);
    for (const w of crowdOnly) w.postMessage({ cmd: 'stop' });
    await sleep(1500);

    const reports = await Promise.all(workers.map((w) => ask<WorkerReport>(w, { cmd: 'report' })));
    const probe = reports.at(-1)!.probe!;
    const errors = reports.reduce((a, r) => a + r.errors, 0);
    const lat = (sent: Record<number, number>, seen: Record<string, number>[], key: (id: number) => string) => {
      const out: number[] = [];
      let missing = 0;
      for (const [id, t] of Object.entries(sent)) {
        for (const s of seen) {
          const at = s[key(Number(id))];
          if (at === undefined) missing++;
          else out.push(at - t);
        }
      }
      return { sorted: out.sort((a, b) => a - b), missing };
    };
    const qLat = lat(approveSent, probe.approved, (id) => String(id));
    const oLat = lat(openSent, probe.opened, (id) => String(id));
    const bLat = lat(ballotSent, probe.counted, (id) => `${id}:1`);
    const row = (name: string, l: { sorted: number[]; missing: number }) =>
      `| ${name} | ${l.sorted.length} | ${pct(l.sorted, 0.5).toFixed(1)} | ${pct(l.sorted, 0.99).toFixed(1)} | ${(l.sorted.at(-1) ?? NaN).toFixed(1)} | ${l.missing} |`;
    const reactionCost = ((rCpuPct - idle) / 100 / reactRate) * 1e6;
    const cpuInfo = os.cpus();
    const met = pct(qLat.sorted, 0.99) < 250 && pct(bLat.sorted, 0.99) < 250 && pct(oLat.sorted, 0.99) < 250 && qLat.missing + oLat.missing + bLat.missing === 0;
    console.log(
      [
        `Machine: ${cpuInfo[0]?.model ?? 'unknown'}, ${cpuInfo.length} cores, Node ${process.version}, load average before the run ${load.toFixed(1)}. Watchers and server share the machine.`,
        '',
        `| fan-out to ${joined + probesJoined} watchers | samples | p50 ms | p99 ms | max ms | not received |`,
        '|---|---:|---:|---:|---:|---:|',
        row('question approved → visible', qLat),
        row('poll opened → visible', oLat),
        row('ballot cast → counted in results', bLat),
        '',
        '| phase | server CPU (% of a core) |',
        '|---|---:|',
        `| idle, ${joined + probesJoined} connected | ${idle.toFixed(0)} |`,
        `| questions + ${CROWD_RATE} up-votes/s | ${qCpuPct.toFixed(0)} |`,
        `| polls + ${CROWD_RATE} ballots/s | ${pCpuPct.toFixed(0)} |`,
        `| reactions, ${reactRate.toFixed(0)}/s (every watcher once per 2 s) | ${rCpuPct.toFixed(0)} |`,
        '',
        `Reactions: ${probe.reactionMsgs / PROBES} aggregate messages per probe in ${REACT_S} s (one per second expected); about ${reactionCost.toFixed(0)} µs of server CPU per reaction received.`,
        `Server RSS ${rss.toFixed(0)} MB; join errors ${errors}; crowd frames received ${reports.slice(0, -1).reduce((a, r) => a + r.frames, 0)}.`,
        `Target (p99 under 250 ms, nothing lost): ${met ? 'met' : 'NOT met'}.`,
      ].join('\n'),
    );
    clearTimeout(hard);
    await Promise.all([mod.leave(true).catch(() => {}), voter.leave(true).catch(() => {})]);
    if (!met) process.exitCode = 1;
  } finally {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise((r) => {
            w.once('exit', r);
            w.postMessage({ cmd: 'leave' });
            setTimeout(() => void w.terminate().then(r), 3000);
          }),
      ),
    );
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
    if (server.exitCode === null) server.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMainThread) await main();
else worker();
