// One playback of an HLS address on a <video>: hls.js where MediaSource exists (rendition
// choice, program date-time, captions from the playlist), the browser's own HLS otherwise.
// A plain class the Player component subscribes to; dispose() frees hls.js and listeners.
import { type TimeAnchor, anchorsOf } from '../../../shared/replay.ts';
import { type Hls, loadHls, mediaSourceAvailable, nativeHls } from './hlsLoader.ts';

export type PlaybackEngine = 'hlsjs' | 'native';
export type PlaybackMode = 'live' | 'recording' | 'unknown';

export interface PlaybackState {
  engine: PlaybackEngine | null;
  mode: PlaybackMode;
  /** Renditions, lowest first; empty or one: no choice to offer. */
  levels: { index: number; label: string }[];
  /** -1: automatic. */
  level: number;
  /** Seconds the position is behind the live edge (live only). */
  behindLive: number;
  error: string | null;
  /** Segments with their program date-times, for mapping positions to wall time (shared/replay.ts). */
  timeline: TimeAnchor[];
  /** The video's current time, seconds. */
  position: number;
}

/** Farther behind than three 2 s segments, a live viewer is "not at live". */
export const LIVE_SLACK_S = 6;
/**
 * A live playlist that ended may be taken back: a sender that dropped, a server restarting
 * (server/stream reopens it while the stage stays live). hls.js stops asking once it read
 * ENDLIST, so the playback looks again this often, this many times, and picks the stream up.
 */
const REOPEN_CHECK_MS = 10_000;
const REOPEN_CHECKS = 12;

export class Playback {
  private hls: Hls | null = null;
  private disposed = false;
  private readonly listeners = new Set<(s: PlaybackState) => void>();
  private readonly offs: (() => void)[] = [];
  state: PlaybackState = { engine: null, mode: 'unknown', levels: [], level: -1, behindLive: 0, error: null, timeline: [], position: 0 };

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly src: string,
    private readonly prefer: 'auto' | PlaybackEngine = 'auto',
  ) {}

  subscribe(fn: (s: PlaybackState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(patch: Partial<PlaybackState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn(this.state);
  }

  private on(target: EventTarget, type: string, fn: () => void): void {
    target.addEventListener(type, fn);
    this.offs.push(() => target.removeEventListener(type, fn));
  }

  async start(): Promise<void> {
    const useNative = this.prefer === 'native' || (this.prefer === 'auto' && !mediaSourceAvailable() && nativeHls(this.video));
    this.on(this.video, 'timeupdate', () => this.set({ behindLive: this.behind(), position: this.video.currentTime }));
    this.on(this.video, 'seeked', () => this.set({ position: this.video.currentTime }));
    if (useNative) {
      this.set({ engine: 'native' });
      this.on(this.video, 'loadedmetadata', () => this.set({ mode: this.video.duration === Infinity ? 'live' : 'recording' }));
      this.on(this.video, 'durationchange', () => this.set({ mode: this.video.duration === Infinity ? 'live' : 'recording' }));
      this.on(this.video, 'error', () => this.set({ error: this.video.error?.message || 'media error' }));
      // Safari's own HLS gives the first segment's date-time only: one anchor at 0.
      this.on(this.video, 'loadedmetadata', () => {
        const start = (this.video as HTMLVideoElement & { getStartDate?: () => Date }).getStartDate?.().getTime();
        if (start !== undefined && Number.isFinite(start)) this.set({ timeline: [{ media: 0, wall: start, duration: Number.MAX_SAFE_INTEGER }] });
      });
      this.video.src = this.src;
      return;
    }
    const Hls = await loadHls();
    if (this.disposed) return;
    if (!Hls.isSupported()) {
      this.set({ error: 'HLS is not supported in this browser' });
      return;
    }
    // A live viewer starts near the edge; the whole event stays seekable (event playlist).
    const hls = new Hls({ liveSyncDurationCount: 2, liveMaxLatencyDurationCount: 10, backBufferLength: 60, enableWorker: true });
    this.hls = hls;
    this.set({ engine: 'hlsjs' });
    // Loading the source again re-attaches the media, which pauses the video: a viewer who was
    // watching keeps watching (sticky across reloads that fail while the server is away).
    let resume = false;
    const reload = () => {
      if (this.disposed || this.hls !== hls) return;
      // A live viewer at the edge played to the ENDLIST: ended (and paused), but watching.
      resume ||= !this.video.paused || this.video.ended;
      hls.loadSource(this.src);
    };
    hls.on(Hls.Events.MANIFEST_PARSED, (_e, data) => {
      const levels = data.levels.map((l, index) => ({ index, label: l.height ? `${l.height}p` : l.audioCodec && !l.videoCodec ? 'audio' : `${Math.round(l.bitrate / 1000)} kb/s` }));
      this.set({ levels: levels.length > 1 ? levels : [] });
      if (resume) {
        resume = false;
        void this.video.play().catch(() => {});
      }
    });
    const watchForReopen = (playlistUrl: string, left: number) => {
      const timer = setTimeout(() => {
        void fetch(playlistUrl, { cache: 'no-store' })
          .then((r) => (r.ok ? r.text() : null))
          .catch(() => null)
          .then((text) => {
            if (this.disposed || this.hls !== hls) return;
            if (text !== null && !text.includes('#EXT-X-ENDLIST')) reload();
            else if (left > 1) watchForReopen(playlistUrl, left - 1);
          });
      }, REOPEN_CHECK_MS);
      this.offs.push(() => clearTimeout(timer));
    };
    hls.on(Hls.Events.LEVEL_UPDATED, (_e, data) => {
      const mode = data.details.live ? 'live' : 'recording';
      if (this.state.mode === 'live' && mode === 'recording' && data.details.url) watchForReopen(data.details.url, REOPEN_CHECKS);
      this.set({ mode, timeline: anchorsOf(data.details.fragments) });
    });
    // Fragment starts move to their real PTS once parsed; the mapping follows.
    hls.on(Hls.Events.LEVEL_PTS_UPDATED, (_e, data) => this.set({ timeline: anchorsOf(data.details.fragments) }));
    hls.on(Hls.Events.LEVEL_SWITCHED, () => this.set({ level: hls.autoLevelEnabled ? -1 : hls.currentLevel }));
    hls.on(Hls.Events.ERROR, (_e, data) => {
      if (!data.fatal) return;
      // A live playlist that does not exist yet (404 before the first segment) is retried.
      if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
        this.set({ error: data.details });
        setTimeout(reload, 3000);
      } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
      else this.set({ error: data.details });
    });
    hls.on(Hls.Events.FRAG_LOADED, () => this.state.error && this.set({ error: null }));
    hls.attachMedia(this.video);
    hls.loadSource(this.src);
  }

  /** The live edge position: hls.js's sync point, or the end of the seekable range. */
  liveEdge(): number | null {
    if (this.hls?.liveSyncPosition != null) return this.hls.liveSyncPosition;
    const s = this.video.seekable;
    return s.length > 0 ? s.end(s.length - 1) : null;
  }

  private behind(): number {
    if (this.state.mode !== 'live') return 0;
    const edge = this.liveEdge();
    return edge === null ? 0 : Math.max(0, edge - this.video.currentTime);
  }

  toLive(): void {
    const edge = this.liveEdge();
    if (edge !== null) this.video.currentTime = edge;
    void this.video.play().catch(() => {});
  }

  /** Moves to a position (seconds) and plays. */
  seek(position: number): void {
    this.video.currentTime = position;
    void this.video.play().catch(() => {});
  }

  /** -1 for automatic. */
  setLevel(level: number): void {
    if (!this.hls) return;
    this.hls.currentLevel = level;
    this.set({ level });
  }

  /** The wall-clock time of the frame shown (EXT-X-PROGRAM-DATE-TIME), when known. */
  playingDate(): Date | null {
    return this.hls?.playingDate ?? null;
  }

  dispose(): void {
    this.disposed = true;
    for (const off of this.offs.splice(0)) off();
    this.hls?.destroy();
    this.hls = null;
    this.listeners.clear();
  }
}
