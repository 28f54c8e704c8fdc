// `npm run bench:hls`: the stream hall under load, against a real server process on 127.0.0.1
// with a live stage fed by the sample source (720p test pattern, SRT).
//   1. ffmpeg CPU of one stage: copy only (and, second run, copy + the 360p rung).
//   2. BENCH_VIEWERS (1 000) simulated viewers, each polling the playlist every target
//      duration and fetching every new segment (as hls.js at the live edge), over a bounded
//      pool of sockets: request p50/p99 per kind, bytes/s, server CPU; viewers that kept up.
//   3. Latency: when a segment is listed vs its EXT-X-PROGRAM-DATE-TIME, plus the sender's
//      start against the first PDT, and hls.js's hold-back of 2 segments: glass-to-glass.
//   4. "end" to playable: POST end until the playlist has ENDLIST and the programme says
//      recording-ready.
// Bounded in time; loopback only. Viewers and server share the machine.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { API, apiPath } from '../shared/api.ts';
import type { EventPageView, ProgrammeView } from '../shared/programme/views.ts';
import { ROOT } from '../server/config.ts';
import { parsePlaylist } from '../server/stream/playlist.ts';
import type { BroadcastInfo } from '../server/stream/streamHall.ts';
import { testSourcePushArgs } from '../server/stream/testSource.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { cpuTicks, freePort, pct } from './lib/measure.ts';

const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 1000);
const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 256);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CPU_SECONDS = Number(process.env.BENCH_CPU_SECONDS ?? 20);
const BITRATE = process.env.BENCH_BITRATE ?? '1500k';
const TICKS = 100;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


async function cpuOver(pid: number, seconds: number): Promise<number> {
  const c0 = cpuTicks(pid);
  const t0 = now();
  await sleep(seconds * 1000);
  return ((cpuTicks(pid) - c0) / TICKS / ((now() - t0) / 1000)) * 100;
}


async function startServer(port: number, dataDir: string, lowRung: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      QUIET: '1',
      LEVELS_WATCH: '0',
      PROGRAMME_WATCH: '0',
      FAIR_CLOCK_START: '2026-04-15T12:10:00+03:00',
      STREAM_SRT_PORT_BASE: String(30_000 + (process.pid % 2000) * 10),
      STREAM_LOW_RUNG: lowRung,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(8000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function login(base: string): Promise<string> {
  const mod = DEMO_ACCOUNTS.find((a) => a.role === 'moderator')!;
  const res = await fetch(base + API.login, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: mod.email, password: mod.password }) });
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('expo_session='))!;
}

interface Stage {
  server: ChildProcess;
  base: string;
  cookie: string;
  eventId: string;
  info: BroadcastInfo;
  sender: ChildProcess;
  senderStart: number;
  dataDir: string;
}

async function liveStage(lowRung: string): Promise<Stage> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-hls-'));
  const port = await freePort();
  const server = await startServer(port, dataDir, lowRung);
  const base = `http://127.0.0.1:${port}`;
  const cookie = await login(base);
  const programme = (await (await fetch(base + API.programme)).json()) as ProgrammeView;
  const event = programme.events.find((e) => e.state === 'live' && e.source?.kind === 'stage')!;
  const info = (await (await fetch(base + apiPath(API.broadcastLive, { eventId: event.id }), { method: 'POST', headers: { cookie } })).json()) as BroadcastInfo;
  const senderStart = now();
  const sender = spawn('ffmpeg', testSourcePushArgs(info.ingest.url, { bitrate: BITRATE, label: info.stage }), { stdio: 'ignore' });
  const media = lowRung === 'none' ? 'index.m3u8' : 'src/index.m3u8';
  for (let i = 0; i < 100; i++) {
    const r = await fetch(`${base}/streams/${event.id}/${media}`);
    if (r.ok && parsePlaylist(await r.text()).segments.length >= 3) break;
    await sleep(300);
  }
  return { server, base, cookie, eventId: event.id, info, sender, senderStart, dataDir };
}

async function ffmpegPid(s: Stage): Promise<number> {
  const b = (await (await fetch(s.base + apiPath(API.broadcastEvent, { eventId: s.eventId }), { headers: { cookie: s.cookie } })).json()) as BroadcastInfo;
  return b.stats!.pid!;
}

async function teardown(s: Stage): Promise<void> {
  s.sender.kill('SIGKILL');
  await stopServer(s.server);
  fs.rmSync(s.dataDir, { recursive: true, force: true });
}

// --- 1 + 2 + 3: copy-only stage, viewers, latency ----------------------------------------------

const rows: string[] = [];
const copy = await liveStage('none');
const copyCpu = await cpuOver(await ffmpegPid(copy), CPU_SECONDS);
rows.push(`ffmpeg CPU, one stage, copy (720p30 ${BITRATE} H.264 + AAC in): ${copyCpu.toFixed(1)} % of one core`);

// Latency probe: first sight of each segment vs its PDT.
const playlistUrl = `${copy.base}/streams/${copy.eventId}/index.m3u8`;
const firstSeen = new Map<string, { seen: number; pdt: number; dur: number }>();
let firstPdt = NaN;
const probe = (async () => {
  const end = now() + SECONDS * 1000;
  while (now() < end) {
    const p = parsePlaylist(await (await fetch(playlistUrl)).text());
    if (Number.isNaN(firstPdt)) firstPdt = p.segments[0]?.programDateTime ?? NaN;
    for (const s of p.segments) if (!firstSeen.has(s.uri) && s.programDateTime) firstSeen.set(s.uri, { seen: now(), pdt: s.programDateTime, dur: s.duration });
    await sleep(100);
  }
})();

const agent = new http.Agent({ keepAlive: true, maxSockets: SOCKETS });
const lat: Record<'playlist' | 'segment', number[]> = { playlist: [], segment: [] };
let bytes = 0;
let errors = 0;
let behind = 0;
const serverPid = copy.server.pid!;
const c0 = cpuTicks(serverPid);
const t0 = now();
const stopAt = t0 + SECONDS * 1000;

/** One GET over the bounded keep-alive pool; the body as text for playlists. */
function get(url: string, kind: 'playlist' | 'segment'): Promise<string | null> {
  const s = now();
  return new Promise((resolve) => {
    const req = http.get(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        lat[kind].push(now() - s);
        bytes += body.byteLength;
        if (res.statusCode !== 200) errors++;
        resolve(kind === 'playlist' ? body.toString('utf8') : null);
      });
      res.on('error', () => {
        errors++;
        resolve(null);
      });
    });
    req.on('error', () => {
      errors++;
      resolve(null);
    });
  });
}

async function viewer(i: number): Promise<void> {
  await sleep((i / VIEWERS) * 2000); // arrivals spread over one target duration
  const have = new Set<string>();
  let first = true;
  while (now() < stopAt) {
    const tick = now();
    const text = await get(playlistUrl, 'playlist');
    if (text) {
      const segs = parsePlaylist(text).segments;
      // A live viewer starts two segments back from the edge, as hls.js does.
      const todo = (first ? segs.slice(-2) : segs.filter((s) => !have.has(s.uri))).map((s) => s.uri);
      if (first) for (const s of segs) have.add(s.uri);
      first = false;
      for (const uri of todo) {
        have.add(uri);
        await get(`${copy.base}/streams/${copy.eventId}/${uri}`, 'segment');
      }
    }
    const spent = now() - tick;
    if (spent > 2000) behind++;
    await sleep(Math.max(0, 2000 - spent));
  }
}

await Promise.all(Array.from({ length: VIEWERS }, (_, i) => viewer(i)));
for (const xs of [lat.playlist, lat.segment]) xs.sort((a, b) => a - b);
const secs = (now() - t0) / 1000;
const serverCpu = ((cpuTicks(serverPid) - c0) / TICKS / secs) * 100;
await probe;
agent.destroy();
rows.push(
  `${VIEWERS} viewers over ${SOCKETS} sockets, ${secs.toFixed(0)} s: playlist p50 ${pct(lat.playlist, 0.5).toFixed(1)} ms / p99 ${pct(lat.playlist, 0.99).toFixed(1)} ms (${lat.playlist.length} requests); ` +
    `segment p50 ${pct(lat.segment, 0.5).toFixed(1)} ms / p99 ${pct(lat.segment, 0.99).toFixed(1)} ms (${lat.segment.length}); ` +
    `${(bytes / secs / 2 ** 20).toFixed(1)} MiB/s; server CPU ${serverCpu.toFixed(0)} % of one core; errors ${errors}; polls slower than 2 s ${behind}`,
);

const listed = [...firstSeen.values()].slice(1).map((s) => s.seen - (s.pdt + s.dur * 1000)).sort((a, b) => a - b);
const ingestDelay = firstPdt - copy.senderStart;
const g2g = pct(listed, 0.5) + 2 * 2000 + ingestDelay;
rows.push(
  `latency: a segment is listed ${pct(listed, 0.5).toFixed(0)} ms (p50) / ${pct(listed, 0.99).toFixed(0)} ms (p99) after its last frame (PDT + duration); ` +
    `sender start to first PDT ${ingestDelay.toFixed(0)} ms; glass-to-glass at hls.js's live edge (2 segments held back) ≈ ${(g2g / 1000).toFixed(1)} s`,
);

// --- 4: end to playable ------------------------------------------------------------------------

const tEnd = now();
await fetch(copy.base + apiPath(API.broadcastEnd, { eventId: copy.eventId }), { method: 'POST', headers: { cookie: copy.cookie } });
let playable = NaN;
for (let i = 0; i < 200; i++) {
  const list = await (await fetch(playlistUrl)).text();
  const page = (await (await fetch(copy.base + apiPath(API.programmeEvent, { eventId: copy.eventId }))).json()) as EventPageView;
  if (list.includes('#EXT-X-ENDLIST') && page.event.recording) {
    playable = now() - tEnd;
    break;
  }
  await sleep(50);
}
rows.push(`"end" to playable recording (ENDLIST served, programme lists the recording): ${playable.toFixed(0)} ms`);
await teardown(copy);

// --- 1b: copy + 360p rung -----------------------------------------------------------------------

const rung = await liveStage('360p');
const rungCpu = await cpuOver(await ffmpegPid(rung), CPU_SECONDS);
rows.push(`ffmpeg CPU, one stage, copy + 360p rung (libx264 veryfast 600k): ${rungCpu.toFixed(1)} % of one core`);
await teardown(rung);

const cpus = os.cpus();
console.log(`\nbench:hls on ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores, Node ${process.version}; load before ${os.loadavg()[0]!.toFixed(1)}`);
for (const r of rows) console.log(`- ${r}`);
