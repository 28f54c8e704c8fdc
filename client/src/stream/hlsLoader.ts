// Loads hls.js on demand, as its own chunk: pages without a player never download it, and a
// browser that plays HLS natively without MediaSource (iPhone Safari) never needs it.
import type HlsType from 'hls.js';

export type Hls = HlsType;
export type HlsClass = typeof HlsType;

let loading: Promise<HlsClass> | null = null;

export function loadHls(): Promise<HlsClass> {
  loading ??= import('hls.js').then((m) => m.default);
  return loading;
}

/** hls.js needs MediaSource (or ManagedMediaSource); checked before fetching its chunk. */
export function mediaSourceAvailable(): boolean {
  return typeof window !== 'undefined' && ('MediaSource' in window || 'ManagedMediaSource' in window);
}

export function nativeHls(video: HTMLVideoElement): boolean {
  return video.canPlayType('application/vnd.apple.mpegurl') !== '';
}
