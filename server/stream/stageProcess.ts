// One live stage's ffmpeg child, kept alive while the stage is armed: started by "go live",
// restarted when it exits (a sender that left, a crash, a kill) with a growing back-off,
// stopped gracefully by "end" (SIGINT: ffmpeg writes the last segment and ENDLIST). Its
// output goes to a ring log and its progress reports to the stage's stats.
import { type ChildProcess, spawn } from 'node:child_process';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import { type IngestSpec, ingestArgs } from './ffmpegArgs.ts';
import { type IngestStats, applyProgress, applyStderrLine, emptyStats, progressReader } from './ffmpegStats.ts';
import { RingLog } from './ringLog.ts';

export type StageStatus = 'waiting' | 'receiving' | 'restarting' | 'stopped';

/** Back-off after an exit: 0.5 s, 1 s, 2 s … up to 30 s; a child that ran 30 s resets it. */
export function backoffMs(failures: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, failures - 1));
}
const STABLE_MS = 30_000;
const STOP_GRACE_MS = 5_000;

export interface StageProcessOptions {
  ffmpeg: string;
  spec: IngestSpec;
  log: RingLog;
  /** Called after every exit of the child (recording bookkeeping). */
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
  onStatus?: (status: StageStatus) => void;
  /** Where the child's pid is kept, so a server killed with -9 can end its orphan on restart. */
  pidFile?: string;
  /**
   * Runs after an exit while the stage stays armed, before the next child starts: a sender that
   * dropped makes ffmpeg end its playlist (ENDLIST), which must be taken back while still live.
   */
  beforeRestart?: () => Promise<void>;
}

export class StageProcess {
  private child: ChildProcess | null = null;
  private armed = true;
  private failures = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private startedAt = 0;
  private exited: Promise<void> = Promise.resolve();
  /** The beforeRestart work in flight; stop() waits for it so "end" closes after it. */
  private restarting: Promise<void> = Promise.resolve();
  stats: IngestStats = emptyStats();
  status: StageStatus = 'waiting';
  restarts = 0;

  constructor(private readonly opts: StageProcessOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    await fs.mkdir(this.opts.spec.dir, { recursive: true });
    if (this.opts.spec.lowRung !== 'none') {
      await fs.mkdir(`${this.opts.spec.dir}/src`, { recursive: true });
      await fs.mkdir(`${this.opts.spec.dir}/low`, { recursive: true });
    }
    this.spawnChild();
  }

  private setStatus(status: StageStatus): void {
    this.status = status;
    this.opts.onStatus?.(status);
  }

  private spawnChild(): void {
    const { log } = this.opts;
    this.stats = emptyStats();
    this.startedAt = Date.now();
    const child = spawn(this.opts.ffmpeg, ingestArgs(this.opts.spec), { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    if (this.opts.pidFile && child.pid) fsSync.writeFileSync(this.opts.pidFile, String(child.pid));
    log.note(`ffmpeg started (pid ${child.pid ?? '?'}), listening on port ${this.opts.spec.port}`);
    this.setStatus('waiting');
    const progress = progressReader((block) => {
      this.stats = applyProgress(this.stats, block);
    });
    child.stdout?.setEncoding('utf8').on('data', progress);
    let pending = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      log.write(chunk);
      const lines = (pending + chunk).split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const before = this.stats.receiving;
        this.stats = applyStderrLine(this.stats, line);
        if (!before && this.stats.receiving) this.setStatus('receiving');
      }
    });
    this.exited = new Promise((resolve) => {
      child.on('error', (err) => {
        log.note(`ffmpeg could not start: ${err.message}`);
      });
      child.on('close', (code, signal) => {
        this.child = null;
        if (this.opts.pidFile) fsSync.rmSync(this.opts.pidFile, { force: true });
        log.note(`ffmpeg exited (${signal ? `signal ${signal}` : `code ${code}`})`);
        this.opts.onExit?.(code, signal);
        resolve();
        this.restarting = this.afterExit(code);
      });
    });
  }

  private async afterExit(code: number | null): Promise<void> {
    if (!this.armed) {
      this.setStatus('stopped');
      return;
    }
    try {
      await this.opts.beforeRestart?.();
    } catch (e) {
      this.opts.log.note(`before restart: ${(e as Error).message}`);
    }
    if (!this.armed) {
      this.setStatus('stopped');
      return;
    }
    // A clean exit is a sender that finished; anything else counts towards the back-off.
    if (code === 0 || Date.now() - this.startedAt > STABLE_MS) this.failures = 0;
    else this.failures++;
    const wait = code === 0 ? 200 : backoffMs(this.failures);
    this.restarts++;
    this.setStatus('restarting');
    this.opts.log.note(`restarting in ${wait} ms`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.armed) this.spawnChild();
    }, wait);
  }

  /** Ends the stage: SIGINT lets ffmpeg close the playlist; SIGKILL if it hangs. */
  async stop(): Promise<void> {
    this.armed = false;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const child = this.child;
    if (!child) {
      await this.restarting;
      this.setStatus('stopped');
      return;
    }
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
    await this.restarting;
  }
}

/**
 * Ends ffmpeg listeners a previous server process left running (killed with -9, its children
 * live on and hold the SRT ports). Only a pid whose command line is an ffmpeg SRT listener.
 */
export function endOrphans(pidDir: string): number {
  let ended = 0;
  let files: string[];
  try {
    files = fsSync.readdirSync(pidDir);
  } catch {
    return 0;
  }
  for (const f of files) {
    const file = `${pidDir}/${f}`;
    const pid = Number(fsSync.readFileSync(file, 'utf8').trim());
    fsSync.rmSync(file, { force: true });
    if (!Number.isInteger(pid) || pid <= 1) continue;
    let cmd: string;
    try {
      cmd = fsSync.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmd.includes('ffmpeg') || !cmd.includes('mode=listener')) continue;
    try {
      process.kill(pid, 'SIGKILL');
      ended++;
    } catch {
      // already gone
    }
  }
  return ended;
}
