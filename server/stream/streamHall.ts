// The stream hall's registry: which stages exist (the programme's `source: { kind: "stage" }`
// ids), the SRT port and key of each, which event each stage is broadcasting, and which events
// have a finished recording (a closed playlist under <streamsDir>/<eventId>/). One StageProcess
// per armed stage; recordings are found on disk, so they survive restarts.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ProgrammeEvent } from '../../shared/programme/schema.ts';
import { type LowRung, mediaPlaylists, senderUrl } from './ffmpegArgs.ts';
import type { IngestStats } from './ffmpegStats.ts';
import { closePlaylist, readPlaylist } from './playlist.ts';
import { RingLog } from './ringLog.ts';
import { StageProcess, type StageStatus, endOrphans } from './stageProcess.ts';
import { stageKey } from './streamKeys.ts';

export interface StreamHallOptions {
  streamsDir: string;
  ffmpeg: string;
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

export class StreamHall {
  private readonly ports = new Map<string, number>();
  private readonly live = new Map<string, { eventId: string; proc: StageProcess }>();
  private readonly logs = new Map<string, RingLog>();
  /** Event id → real time its recording was closed. */
  private readonly recordings = new Map<string, number>();

  constructor(private readonly opts: StreamHallOptions) {}

  /** Finds recordings on disk; closes playlists a killed server left open. */
  async load(): Promise<void> {
    await fs.mkdir(this.pidDir, { recursive: true });
    const orphans = endOrphans(this.pidDir);
    if (orphans > 0) this.opts.log?.(`[stream] ended ${orphans} ffmpeg listener(s) a previous process left running`);
    // Give a killed orphan a moment to let go of its files before their playlists are closed.
    if (orphans > 0) await new Promise((r) => setTimeout(r, 300));
    for (const entry of await fs.readdir(this.opts.streamsDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !SAFE_ID.test(entry.name)) continue;
      await this.settleRecording(entry.name);
    }
    this.stages();
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

  dirOf(eventId: string): string {
    return path.join(this.opts.streamsDir, eventId);
  }

  logOf(stage: string): RingLog {
    let log = this.logs.get(stage);
    if (!log) this.logs.set(stage, (log = new RingLog()));
    return log;
  }

  keyOf(stage: string): string {
    return stageKey(this.opts.secret, stage);
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
    const current = this.live.get(stage);
    if (current && current.eventId !== eventId) {
      throw new StreamError(409, `stage "${stage}" is live with event "${current.eventId}"; end that first`);
    }
    if (!current) {
      const log = this.logOf(stage);
      log.note(`go live: event ${eventId}`);
      const proc = new StageProcess({
        ffmpeg: this.opts.ffmpeg,
        spec: { host: this.opts.bindHost, port, passphrase: this.keyOf(stage), dir: this.dirOf(eventId), lowRung: this.opts.lowRung },
        log,
        pidFile: path.join(this.pidDir, `${stage}.pid`),
      });
      this.live.set(stage, { eventId, proc });
      this.recordings.delete(eventId);
      await proc.start();
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
      await this.settleRecording(eventId);
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
  }

  async broadcast(eventId: string): Promise<BroadcastInfo> {
    const { stage, port } = this.stageOf(eventId);
    const l = this.live.get(stage);
    const mine = l?.eventId === eventId ? l : null;
    const host = this.opts.publicHost ?? this.opts.bindHost;
    const passphrase = this.keyOf(stage);
    const measured = await this.measure(eventId);
    return {
      eventId,
      stage,
      ingest: { protocol: 'srt', url: senderUrl(host, port, passphrase), host, port, passphrase },
      state: mine ? mine.proc.status : 'off',
      busyWith: l && !mine ? l.eventId : null,
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
    const all = [...this.live.entries()];
    this.live.clear();
    await Promise.all(all.map(([, l]) => l.proc.stop()));
    await Promise.all(all.map(([, l]) => this.settleRecording(l.eventId)));
  }
}
