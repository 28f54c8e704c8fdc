// One playback of an HLS address on a <video>: hls.js where MediaSource exists (rendition
// choice, program date-time, captions from the playlist), the browser's own HLS otherwise.
// A plain class the Player component subscribes to; dispose() frees hls.js and listeners.
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
}

/** Farther behind than three 2 s segments, a live viewer is "not at live". */
export const LIVE_SLACK_S = 6;

export class Playback {
  private hls: Hls | null = null;
  private disposed = false;
  private readonly listeners = new Set<(s: PlaybackState) => void>();
  private readonly offs: (() => void)[] = [];
  state: PlaybackState = { engine: null, mode: 'unknown', levels: [], level: -1, behindLive: 0, error: null };

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
    this.on(this.video, 'timeupdate', () => this.set({ behindLive: this.behind() }));
    if (useNative) {
      this.set({ engine: 'native' });
      this.on(this.video, 'loadedmetadata', () => this.set({ mode: this.video.duration === Infinity ? 'live' : 'recording' }));
      this.on(this.video, 'durationchange', () => this.set({ mode: this.video.duration === Infinity ? 'live' : 'recording' }));
      this.on(this.video, 'error', () => this.set({ error: this.video.error?.message || 'media error' }));
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
    hls.on(Hls.Events.MANIFEST_PARSED, (_e, data) => {
      const levels = data.levels.map((l, index) => ({ index, label: l.height ? `${l.height}p` : l.audioCodec && !l.videoCodec ? 'audio' : `${Math.round(l.bitrate / 1000)} kb/s` }));
      this.set({ levels: levels.length > 1 ? levels : [] });
    });
    hls.on(Hls.Events.LEVEL_UPDATED, (_e, data) => this.set({ mode: data.details.live ? 'live' : 'recording' }));
    hls.on(Hls.Events.LEVEL_SWITCHED, () => this.set({ level: hls.autoLevelEnabled ? -1 : hls.currentLevel }));
    hls.on(Hls.Events.ERROR, (_e, data) => {
      if (!data.fatal) return;
      // A live playlist that does not exist yet (404 before the first segment) is retried.
      if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
        this.set({ error: data.details });
        setTimeout(() => !this.disposed && hls.loadSource(this.src), 3000);
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
