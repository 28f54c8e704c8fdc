// The stream hall's registry: which stages exist (the programme's `source: { kind: "stage" }`
// ids), the SRT port and key of each, which event each stage is broadcasting, and which events
// have a finished recording (a closed playlist under <streamsDir>/<eventId>/). One StageProcess
// per armed stage; recordings are found on disk, so they survive restarts. A stage armed by
// "go live" stays armed across server restarts (a marker under .live/) until "end".
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ProgrammeEvent } from '../../shared/programme/schema.ts';
import { type LowRung, mediaPlaylists, senderUrl } from './ffmpegArgs.ts';
import type { IngestStats } from './ffmpegStats.ts';
import { type MasterMemo, ffprobeBeside, masterMemo, writeMasterPlaylist } from './masterPlaylist.ts';
import { closePlaylist, readPlaylist, reopenPlaylist } from './playlist.ts';
import { RingLog } from './ringLog.ts';
import { StageProcess, type StageStatus, endOrphans } from './stageProcess.ts';
import { stageKey } from './streamKeys.ts';

export interface StreamHallOptions {
  streamsDir: string;
  ffmpeg: string;
  /** Default: ffprobe beside ffmpeg. */
  ffprobe?: string;
  /** Address the SRT listeners bind to. */
  bindHost: string;
  /** Host shown in ingest URLs (what senders reach); default bindHost. */
  publicHost?: string;
  /** Stage n (in sorted order of first sight) listens on portBase + n. */
  portBase: number;
  secret: Buffer;
  lowRung: LowRung;
  events: () => readonly ProgrammeEvent[];
  event: (id: string) => ProgrammeEvent | undefined;
  /** Stored key generations of stages (regenerated keys); absent: every stage at 0. */
  keys?: { generation(stage: string): Promise<number>; next(stage: string): Promise<number> };
  /** Visitors watching an event now (its Q&A room's, summed over processes); absent: 0. */
  viewers?: (eventId: string) => Promise<number>;
  log?: (line: string) => void;
}

export type StageState = 'off' | StageStatus;

export interface StageInfo {
  stage: string;
  port: number;
  state: StageState;
  eventId: string | null;
}

export interface BroadcastInfo {
  eventId: string;
  stage: string;
  /** What the sender pushes to (passphrase inside). Only for organisers and moderators. */
  ingest: { protocol: 'srt'; url: string; host: string; port: number; passphrase: string };
  state: StageState;
  /** The stage is busy with another event. */
  busyWith: string | null;
  /** Visitors on the event's page now (its Q&A room). */
  viewers: number;
  stats: (IngestStats & { pid?: number; restarts: number }) | null;
  playlist: string;
  recordingReady: boolean;
  segments: number;
}

export class StreamError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Event ids are programme ids (lowercase, digits, "-"): safe as folder names. */
const SAFE_ID = /^[a-z0-9][a-z0-9-]*$/;
/** While live with a low rung, the master playlist is rewritten from measured rates this often. */
const MASTER_EVERY_MS = 2000;

export class StreamHall {
  private readonly ports = new Map<string, number>();
  private readonly live = new Map<string, { eventId: string; proc: StageProcess }>();
  private readonly logs = new Map<string, RingLog>();
  /** Event id → real time its recording was closed. */
  private readonly recordings = new Map<string, number>();
  /** Live events with a low rung: the master playlist's writer. */
  private readonly masters = new Map<string, { memo: MasterMemo; timer: NodeJS.Timeout }>();

  constructor(private readonly opts: StreamHallOptions) {}

  private get ffprobe(): string {
    return this.opts.ffprobe ?? ffprobeBeside(this.opts.ffmpeg);
  }

  /**
   * Finds recordings on disk; closes playlists a killed server left open, except those of
   * stages that were live when it went: those are armed again and continue their recording.
   */
  async load(): Promise<void> {
    await fs.mkdir(this.pidDir, { recursive: true });
    await fs.mkdir(this.liveDir, { recursive: true });
    const orphans = endOrphans(this.pidDir);
    if (orphans > 0) this.opts.log?.(`[stream] ended ${orphans} ffmpeg listener(s) a previous process left running`);
    // Give a killed orphan a moment to let go of its files before their playlists are closed.
    if (orphans > 0) await new Promise((r) => setTimeout(r, 300));
    const armed = await this.armedMarkers();
    const rearm = new Set(armed.map((m) => m.eventId));
    for (const entry of await fs.readdir(this.opts.streamsDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !SAFE_ID.test(entry.name) || rearm.has(entry.name)) continue;
      await this.settleRecording(entry.name);
    }
    this.stages();
    for (const { stage, eventId } of armed) {
      // No programme loaded (a broken file at start): neither arm nor end; the marker waits.
      if (this.opts.events().length === 0) {
        this.opts.log?.(`[stream] ${stage} stays armed for ${eventId}, but the programme is not loaded: not listening yet`);
        continue;
      }
      try {
        if (this.stageOf(eventId).stage !== stage) throw new StreamError(409, `event "${eventId}" is no longer on stage "${stage}"`);
        await this.reopen(eventId);
        await this.goLive(eventId);
        this.logOf(stage).note(`armed again after a restart: event ${eventId}`);
      } catch (e) {
        // The programme changed while the server was down: what was received is the recording.
        this.opts.log?.(`[stream] ${stage} not armed again for ${eventId}: ${(e as Error).message}`);
        await fs.rm(path.join(this.liveDir, stage), { force: true });
        if (SAFE_ID.test(eventId)) await this.settleRecording(eventId);
      }
    }
  }

  /** Stages "go live" armed and "end" has not ended: .live/<stage> holds the event id. */
  private async armedMarkers(): Promise<{ stage: string; eventId: string }[]> {
    const out: { stage: string; eventId: string }[] = [];
    for (const stage of (await fs.readdir(this.liveDir).catch(() => [] as string[])).sort()) {
      if (!SAFE_ID.test(stage)) continue;
      const eventId = (await fs.readFile(path.join(this.liveDir, stage), 'utf8').catch(() => '')).trim();
      if (SAFE_ID.test(eventId)) out.push({ stage, eventId });
    }
    return out;
  }

  /** Stage ids of the programme, each with a port that stays its own while the process runs. */
  stages(): StageInfo[] {
    const ids = [...new Set(this.opts.events().flatMap((e) => (e.source?.kind === 'stage' ? [e.source.stage] : [])))].sort();
    for (const id of ids) if (!this.ports.has(id)) this.ports.set(id, this.opts.portBase + this.ports.size);
    return ids.map((stage) => {
      const l = this.live.get(stage);
      return { stage, port: this.ports.get(stage)!, state: l ? l.proc.status : 'off', eventId: l?.eventId ?? null };
    });
  }

  private stageOf(eventId: string): { event: ProgrammeEvent; stage: string; port: number } {
    const event = SAFE_ID.test(eventId) ? this.opts.event(eventId) : undefined;
    if (!event) throw new StreamError(404, `event "${eventId}" not found`);
    if (event.source?.kind !== 'stage') throw new StreamError(409, `event "${eventId}" is not broadcast from a stage of ours (its source is ${event.source?.kind ?? 'not set'})`);
    const stage = event.source.stage;
    this.stages();
    return { event, stage, port: this.ports.get(stage)! };
  }

  /** Pid files of running children (a dot folder: never an event id, never served). */
  private get pidDir(): string {
    return path.join(this.opts.streamsDir, '.pids');
  }

  /** Markers of armed stages (a dot folder too). */
  private get liveDir(): string {
    return path.join(this.opts.streamsDir, '.live');
  }

  dirOf(eventId: string): string {
    return path.join(this.opts.streamsDir, eventId);
  }

  logOf(stage: string): RingLog {
    let log = this.logs.get(stage);
    if (!log) this.logs.set(stage, (log = new RingLog()));
    return log;
  }

  async keyOf(stage: string): Promise<string> {
    return stageKey(this.opts.secret, stage, (await this.opts.keys?.generation(stage)) ?? 0);
  }

  /** A new key for the event's stage. Refused while the stage is armed: its listener holds the old one. */
  async regenerateKey(eventId: string): Promise<BroadcastInfo> {
    const { stage } = this.stageOf(eventId);
    const current = this.live.get(stage);
    if (current) throw new StreamError(409, `stage "${stage}" is live with event "${current.eventId}"; end the broadcast before changing its key`);
    if (!this.opts.keys) throw new StreamError(501, 'stream keys cannot be changed on this server');
    const generation = await this.opts.keys.next(stage);
    this.logOf(stage).note(`stream key regenerated (generation ${generation})`);
    return this.broadcast(eventId);
  }

  /** The event's recording, when its playlist is closed and it is not being broadcast. */
  recordingOf(eventId: string): { endedAt: number } | null {
    const endedAt = this.recordings.get(eventId);
    if (endedAt === undefined) return null;
    for (const l of this.live.values()) if (l.eventId === eventId) return null;
    return { endedAt };
  }

  /** "go live": arms the stage's listener for this event. Idempotent for the same event. */
  async goLive(eventId: string): Promise<BroadcastInfo> {
    const { stage, port } = this.stageOf(eventId);
    // Read before the check: nothing may await between finding the stage free and taking it.
    const passphrase = await this.keyOf(stage);
    const current = this.live.get(stage);
    if (current && current.eventId !== eventId) {
      throw new StreamError(409, `stage "${stage}" is live with event "${current.eventId}"; end that first`);
    }
    if (!current) {
      const log = this.logOf(stage);
      log.note(`go live: event ${eventId}`);
      const proc = new StageProcess({
        ffmpeg: this.opts.ffmpeg,
        spec: { host: this.opts.bindHost, port, passphrase, dir: this.dirOf(eventId), lowRung: this.opts.lowRung },
        log,
        pidFile: path.join(this.pidDir, `${stage}.pid`),
        beforeRestart: async () => {
          if (await this.reopen(eventId)) log.note('sender gone: playlist kept open for its return');
        },
      });
      this.live.set(stage, { eventId, proc });
      this.recordings.delete(eventId);
      // Written before the listener starts: a server that dies from here on arms it again.
      await fs.mkdir(this.liveDir, { recursive: true });
      await fs.writeFile(path.join(this.liveDir, stage), eventId);
      await proc.start();
      if (this.opts.lowRung !== 'none') this.startMaster(eventId);
      this.opts.log?.(`[stream] ${stage} live for ${eventId} on SRT port ${port}`);
    }
    return this.broadcast(eventId);
  }

  /** "end": closes the listener; the playlist gets ENDLIST and becomes the recording. */
  async end(eventId: string): Promise<BroadcastInfo> {
    const { stage } = this.stageOf(eventId);
    const current = this.live.get(stage);
    if (current?.eventId === eventId) {
      this.logOf(stage).note(`end: event ${eventId}`);
      await current.proc.stop();
      this.live.delete(stage);
      this.stopMaster(eventId);
      await fs.rm(path.join(this.liveDir, stage), { force: true });
      await this.settleRecording(eventId);
      this.masters.delete(eventId);
      this.opts.log?.(`[stream] ${stage} ended ${eventId}`);
    }
    return this.broadcast(eventId);
  }

  private async settleRecording(eventId: string): Promise<void> {
    const dir = this.dirOf(eventId);
    let ended = true;
    let any = false;
    // Either layout: one rendition (index.m3u8) or a master over src/ and low/.
    for (const rel of [...mediaPlaylists('none'), ...mediaPlaylists('360p')]) {
      const file = path.join(dir, rel);
      const info = await readPlaylist(file);
      if (!info || info.variants.length > 0) continue;
      any = true;
      ended = (await closePlaylist(file)) && ended;
    }
    if (any && ended) this.recordings.set(eventId, Date.now());
    // The final rates of a two-rendition recording.
    if (any && (await readPlaylist(path.join(dir, 'src', 'index.m3u8')))) {
      await writeMasterPlaylist(dir, this.ffprobe, this.masters.get(eventId)?.memo).catch((e: unknown) => this.opts.log?.(`[stream] master playlist of ${eventId}: ${String(e)}`));
    }
  }

  /** Takes back the ENDLIST ffmpeg wrote on a sender's drop (or a server's stop) while the stage stays live. */
  private async reopen(eventId: string): Promise<boolean> {
    let any = false;
    for (const rel of [...mediaPlaylists('none'), ...mediaPlaylists('360p')]) {
      const file = path.join(this.dirOf(eventId), rel);
      const info = await readPlaylist(file);
      if (info && info.variants.length === 0) any = (await reopenPlaylist(file)) || any;
    }
    return any;
  }

  private startMaster(eventId: string): void {
    if (this.masters.has(eventId)) return;
    const memo = masterMemo();
    const dir = this.dirOf(eventId);
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      writeMasterPlaylist(dir, this.ffprobe, memo)
        .catch((e: unknown) => this.opts.log?.(`[stream] master playlist of ${eventId}: ${String(e)}`))
        .finally(() => (busy = false));
    }, MASTER_EVERY_MS);
    timer.unref();
    this.masters.set(eventId, { memo, timer });
  }

  private stopMaster(eventId: string): void {
    const m = this.masters.get(eventId);
    // The memo stays for the final write in settleRecording; the caller drops it after.
    if (m) clearInterval(m.timer);
  }

  async broadcast(eventId: string): Promise<BroadcastInfo> {
    const { stage, port } = this.stageOf(eventId);
    const l = this.live.get(stage);
    const mine = l?.eventId === eventId ? l : null;
    const host = this.opts.publicHost ?? this.opts.bindHost;
    const [passphrase, measured, viewers] = await Promise.all([this.keyOf(stage), this.measure(eventId), this.opts.viewers?.(eventId) ?? 0]);
    return {
      eventId,
      stage,
      ingest: { protocol: 'srt', url: senderUrl(host, port, passphrase), host, port, passphrase },
      state: mine ? mine.proc.status : 'off',
      busyWith: l && !mine ? l.eventId : null,
      viewers,
      stats: mine ? { ...mine.proc.stats, bitrate: measured.bitrate, pid: mine.proc.pid, restarts: mine.proc.restarts } : null,
      playlist: `/streams/${eventId}/index.m3u8`,
      recordingReady: this.recordingOf(eventId) !== null,
      segments: measured.segments,
    };
  }

  /** Segments so far and the bitrate of the last few (bytes on disk over their duration). */
  private async measure(eventId: string): Promise<{ segments: number; bitrate: number }> {
    const dir = this.dirOf(eventId);
    for (const rel of ['index.m3u8', 'src/index.m3u8']) {
      const info = await readPlaylist(path.join(dir, rel));
      if (!info || info.variants.length > 0) continue;
      const last = info.segments.slice(-5);
      let bytes = 0;
      let seconds = 0;
      for (const s of last) {
        const st = await fs.stat(path.join(dir, path.dirname(rel), s.uri)).catch(() => null);
        if (st) {
          bytes += st.size;
          seconds += s.duration;
        }
      }
      return { segments: info.segments.length, bitrate: seconds > 0 ? Math.round((bytes * 8) / seconds) : 0 };
    }
    return { segments: 0, bitrate: 0 };
  }

  /** The stage process (tests kill its child to see it come back). */
  processOf(stage: string): StageProcess | null {
    return this.live.get(stage)?.proc ?? null;
  }

  async close(): Promise<void> {
    // Not "end": the stages' markers stay, and the next start arms them again.
    const all = [...this.live.entries()];
    this.live.clear();
    for (const [, l] of all) this.stopMaster(l.eventId);
    await Promise.all(all.map(([, l]) => l.proc.stop()));
    await Promise.all(all.map(([, l]) => this.settleRecording(l.eventId)));
    this.masters.clear();
  }
}
