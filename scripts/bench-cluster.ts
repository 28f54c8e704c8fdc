// `npm run bench:cluster`: 1 and 2 server processes behind nginx (docs/deploy/nginx.conf) on
// one private Redis and PostgreSQL, with visitors on loopback. Per run: floor joins through
// nginx (rate, latency), then the visitors hold still for a while: Redis commands per second
// and each process's CPU while they do. Bounded: BENCH_VISITORS (default 200) visitors,
// BENCH_HOLD_S (default 10) seconds of holding, ROOM_CAPACITY half the visitors, so two
// floor instances (in two processes when there are two).
import { Client, type Room } from '@colyseus/sdk';
import { Redis } from 'ioredis';
import { PROTOCOL_VERSION, ROOMS, SERVER_MSG } from '../shared/protocol.ts';
import { startCluster } from '../tests/cluster/cluster.ts';
import { freshDatabase, testPostgres, testRedis } from '../tests/fixtures/services.ts';
import { visitorCookie } from '../tests/fixtures/visitor.ts';
import { cpuTicks, pct } from './lib/measure.ts';

const VISITORS = Number(process.env.BENCH_VISITORS ?? 200);
const HOLD_MS = Number(process.env.BENCH_HOLD_S ?? 10) * 1000;
const JOINS_IN_FLIGHT = 10;


async function commandsProcessed(redis: Redis): Promise<number> {
  return Number(/total_commands_processed:(\d+)/.exec(await redis.info('stats'))?.[1] ?? 0);
}


interface Row {
  processes: number;
  joinsPerS: number;
  joinP50: number;
  joinP99: number;
  errors: number;
  redisPerS: number;
  cpu: string;
}

async function run(processes: number, redisUrl: string, databaseUrl: string): Promise<Row> {
  const db = await freshDatabase(databaseUrl, 'expo_bench');
  const cluster = await startCluster({
    processes,
    redisUrl,
    databaseUrl: db.url,
    env: { QUIET: '1', ROOM_CAPACITY: String(Math.ceil(VISITORS / 2)), MAX_PENDING_JOINS_PER_ADDRESS: '100000', MAX_SOCKETS_PER_ADDRESS: '100000' },
  });
  const rooms: Room[] = [];
  const latencies: number[] = [];
  let errors = 0;
  try {
    const cookies = await Promise.all(Array.from({ length: VISITORS }, () => visitorCookie(cluster.url)));
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: JOINS_IN_FLIGHT }, async () => {
        while (next < cookies.length) {
          const cookie = cookies[next++]!;
          const started = performance.now();
          try {
            const room = await new Client(cluster.url, { headers: { Cookie: cookie } }).joinOrCreate(ROOMS.floor, {
              floorId: 'mini-a',
              protocol: PROTOCOL_VERSION,
            });
            room.onMessage('*', () => {});
            room.onMessage(SERVER_MSG.people, () => {});
            rooms.push(room);
            latencies.push(performance.now() - started);
          } catch {
            errors++;
          }
        }
      }),
    );
    const joinMs = performance.now() - t0;
    const redis = new Redis(redisUrl);
    const pids = cluster.processes.map((p) => p.child.pid!);
    const c0 = await commandsProcessed(redis);
    const ticks0 = pids.map(cpuTicks);
    const h0 = performance.now();
    await new Promise((r) => setTimeout(r, HOLD_MS));
    const held = (performance.now() - h0) / 1000;
    const c1 = await commandsProcessed(redis);
    const cpu = pids.map((pid, i) => `${Math.round((cpuTicks(pid) - ticks0[i]!) / held)} %`).join(' / ');
    await redis.quit();
    latencies.sort((a, b) => a - b);
    return {
      processes,
      joinsPerS: Math.round((rooms.length / joinMs) * 1000),
      joinP50: Math.round(pct(latencies, 0.5)),
      joinP99: Math.round(pct(latencies, 0.99)),
      errors,
      redisPerS: Math.round((c1 - c0) / held),
      cpu,
    };
  } finally {
    await Promise.all(rooms.map((r) => r.leave().catch(() => {})));
    await cluster.stop();
    await db.drop();
  }
}

const [postgres, redis] = await Promise.all([testPostgres(), testRedis()]);
try {
  const rows: Row[] = [];
  for (const n of [1, 2]) rows.push(await run(n, redis.url, postgres.url));
  console.log(`\n${VISITORS} visitors joined through nginx (${JOINS_IN_FLIGHT} in flight), then ${HOLD_MS / 1000} s holding still\n`);
  console.log('| processes | joins/s | join p50 ms | join p99 ms | errors | Redis commands/s while holding | CPU per process while holding (% of a core) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.processes} | ${r.joinsPerS} | ${r.joinP50} | ${r.joinP99} | ${r.errors} | ${r.redisPerS} | ${r.cpu} |`);
} finally {
  await Promise.all([postgres.stop(), redis.stop()]);
}
