// A small cluster for tests and benchmarks: N server processes (server/main.ts on the
// project's Node 22 through tsx) sharing one Redis and one PostgreSQL, behind Debian's nginx
// running the sample configuration docs/deploy/nginx.conf with this run's ports put in.
// Process n is reachable directly (its own port) and through nginx; its rooms' sockets go
// through nginx's /p/n/ (PUBLIC_ADDRESS). kill9() ends a process the hard way (a crash).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../server/config.ts';
import { FIXTURE_EXHIBITORS, FIXTURE_LEVELS_DIR } from '../fixtures/fixtures.ts';

export const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
export const SAMPLE_NGINX_CONF = path.join(ROOT, 'docs', 'deploy', 'nginx.conf');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface ClusterProcess {
  n: number;
  port: number;
  /** Straight to this process, not through nginx. */
  url: string;
  child: ChildProcess;
  /** What it printed, for failure messages. */
  output(): string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export interface Cluster {
  /** Through nginx. */
  url: string;
  processes: ClusterProcess[];
  /** A process more, on a port the nginx config already routes (slots beyond the first ones). */
  start(n: number): Promise<ClusterProcess>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  processes: number;
  /** Slots nginx routes (processes may start later with start(n)); default: processes. */
  slots?: number;
  redisUrl: string;
  databaseUrl: string;
  /** Extra environment for every process. */
  env?: Record<string, string>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server process exited at start:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      await res.body?.cancel();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} not healthy after ${ms} ms:\n${output()}`);
}

/** The sample config with this run's ports, pid and log; checked with `nginx -t` first. */
export function renderNginxConf(sample: string, listenPort: number, ports: readonly number[], dir: string): string {
  let conf = sample
    .replace(/^pid .*;$/m, `pid ${path.join(dir, 'nginx.pid')};`)
    .replace(/^error_log .*;$/m, `error_log ${path.join(dir, 'error.log')} warn;`)
    .replace(/^worker_processes .*;$/m, 'worker_processes 1;')
    .replace(/worker_connections \d+;/, 'worker_connections 1024;')
    .replace(/listen 8080;/, `listen 127.0.0.1:${listenPort};`)
    .replace(/127\.0\.0\.1:300(\d)/g, (_m, d: string) => {
      const port = ports[Number(d) - 1];
      if (port === undefined) throw new Error(`the sample routes process ${d}, the cluster has ${ports.length} slots`);
      return `127.0.0.1:${port}`;
    });
  // Temporary files of a non-root run stay in the run's folder.
  conf = conf.replace(/^http \{$/m, `http {\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;`);
  return conf;
}

export async function startCluster(opts: ClusterOptions): Promise<Cluster> {
  if (!fs.existsSync(NGINX)) throw new Error(`${NGINX} not found: run \`node scripts/ensure-nginx.mjs\``);
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'expo-cluster-'));
  const slots = opts.slots ?? opts.processes;
  const nginxPort = await freePort();
  const ports: number[] = [];
  for (let i = 0; i < 3; i++) ports.push(await freePort());
  if (slots > 3) throw new Error('the sample nginx.conf routes 3 processes');

  const confFile = path.join(dir, 'nginx.conf');
  await fsp.writeFile(confFile, renderNginxConf(await fsp.readFile(SAMPLE_NGINX_CONF, 'utf8'), nginxPort, ports, dir));
  const check = spawnSync(NGINX, ['-t', '-q', '-c', confFile, '-p', dir]);
  if (check.status !== 0) throw new Error(`nginx -t refused the sample config:\n${String(check.stderr)}`);
  const nginx = spawn(NGINX, ['-c', confFile, '-p', dir, '-g', 'daemon off;'], { stdio: 'ignore' });
  const nginxUrl = `http://127.0.0.1:${nginxPort}`;

  const processes: ClusterProcess[] = [];
  const node = path.join(ROOT, 'node_modules', '.bin', 'node');

  async function start(n: number): Promise<ClusterProcess> {
    const port = ports[n - 1]!;
    const dataDir = path.join(dir, `data-${n}`);
    await fsp.mkdir(dataDir, { recursive: true });
    // tsx as a loader, not its CLI: the CLI runs the server in a child of its own, which a
    // SIGKILL of the CLI would leave running.
    const child = spawn(node, ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.tmpdir(),
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LEVELS_DIR: FIXTURE_LEVELS_DIR,
        SEED_FILE: FIXTURE_EXHIBITORS,
        CLIENT_DIR: path.join(dir, 'no-client'),
        LEVELS_WATCH: '0',
        PROGRAMME_WATCH: '0',
        DATABASE_URL: opts.databaseUrl,
        REDIS_URL: opts.redisUrl,
        PUBLIC_ADDRESS: `127.0.0.1:${nginxPort}/p/${n}`,
        TRUST_PROXY: '1',
        // Every process must recognise the others' visitor cookies and staff tickets.
        VISITOR_SECRET: 'cluster-test-visitor-secret-0123456789',
        CHAT_SECRET: 'cluster-test-chat-secret-0123456789',
        ...opts.env,
      },
    });
    const lines: string[] = [];
    const keep = (d: Buffer) => {
      lines.push(d.toString());
      if (lines.length > 400) lines.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const output = () => `[process ${n}]\n${lines.join('')}`;
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    const p: ClusterProcess = {
      n,
      port,
      url: `http://127.0.0.1:${port}`,
      child,
      output,
      async kill9() {
        child.kill('SIGKILL');
        await exited(child);
        process.off('exit', killOnExit);
      },
      async stop() {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited(child);
          clearTimeout(timer);
        }
        process.off('exit', killOnExit);
      },
    };
    await waitHealthy(p.url, child, output);
    processes[n - 1] = p;
    return p;
  }

  try {
    // The first seeds the database; the others find it seeded (seeding runs under a lock too).
    await start(1);
    await Promise.all(Array.from({ length: opts.processes - 1 }, (_, i) => start(i + 2)));
    await waitHealthy(nginxUrl, nginx, () => fs.readFileSync(path.join(dir, 'error.log'), 'utf8'));
  } catch (e) {
    await Promise.all(processes.map((p) => p?.stop()));
    nginx.kill('SIGKILL');
    throw e;
  }
  return {
    url: nginxUrl,
    processes,
    start,
    async stop() {
      await Promise.all(processes.map((p) => p?.stop()));
      // SIGTERM: nginx's fast stop (SIGQUIT would wait for every open socket and stream).
      nginx.kill('SIGTERM');
      await exited(nginx);
      await fsp.rm(dir, { recursive: true, force: true });
    },
  };
}
