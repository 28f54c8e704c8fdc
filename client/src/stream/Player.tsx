// The stream hall's video player: a live broadcast with rewind (the event playlist keeps the
// whole event seekable) and a button back to the live edge, or a recording; quality choice
// when there are two renditions, captions when the stream or the page provides them, every
// control a real button or input, plus keys (space/k play, ←/→ 10 s, l live, m mute).
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { type PlaybackEngine, type PlaybackState, LIVE_SLACK_S, Playback } from './playback.ts';
import { type PlayerLang, word } from './labels.ts';
import { clock } from './clock.ts';
import './player.css';

export interface CaptionTrack {
  src: string;
  /** BCP 47, e.g. "ru". */
  lang: string;
  label: string;
}

export interface PlayerProps {
  /** The HLS address, e.g. "/streams/<eventId>/index.m3u8". */
  src: string;
  /** Accessible name of the player, e.g. the event's title. */
  title: string;
  lang?: PlayerLang;
  /** WebVTT files beside the stream's own subtitles. */
  captions?: CaptionTrack[];
  /** Start playing (muted, as browsers require) once loaded. */
  autoPlay?: boolean;
  /** "auto": hls.js where MediaSource exists, else the browser's own HLS. */
  engine?: 'auto' | PlaybackEngine;
  /** Hands out the playback (the replay's conversation follows its position); null when it goes. */
  onPlayback?: (playback: Playback | null) => void;
}

export function Player({ src, title, lang = 'ru', captions = [], autoPlay = false, engine = 'auto', onPlayback }: PlayerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const playbackRef = useRef<Playback | null>(null);
  const onPlaybackRef = useRef(onPlayback);
  const [state, setState] = useState<PlaybackState | null>(null);
  const [paused, setPaused] = useState(true);
  const [muted, setMuted] = useState(autoPlay);
  const [time, setTime] = useState({ now: 0, start: 0, end: 0 });
  const [tracks, setTracks] = useState<{ index: number; label: string }[]>([]);
  const [track, setTrack] = useState(-1);

  // Before the playback's effect, which calls it.
  useEffect(() => {
    onPlaybackRef.current = onPlayback;
  }, [onPlayback]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const playback = new Playback(video, src, engine);
    playbackRef.current = playback;
    onPlaybackRef.current?.(playback);
    const off = playback.subscribe(setState);
    const onTime = () => {
      const s = video.seekable;
      setTime({ now: video.currentTime, start: s.length ? s.start(0) : 0, end: s.length ? s.end(s.length - 1) : video.duration || 0 });
    };
    const onPlay = () => setPaused(video.paused);
    const onVolume = () => setMuted(video.muted);
    const onTracks = () =>
      setTracks(
        Array.from(video.textTracks)
          .map((t, index) => ({ t, index }))
          .filter(({ t }) => t.kind === 'subtitles' || t.kind === 'captions')
          .map(({ t, index }) => ({ index, label: t.label || t.language || `${index + 1}` })),
      );
    const events: [string, () => void][] = [
      ['timeupdate', onTime],
      ['durationchange', onTime],
      ['progress', onTime],
      ['play', onPlay],
      ['pause', onPlay],
      ['volumechange', onVolume],
    ];
    for (const [type, fn] of events) video.addEventListener(type, fn);
    video.textTracks.addEventListener('addtrack', onTracks);
    onTracks();
    if (autoPlay) {
      video.muted = true;
      video.addEventListener('canplay', () => void video.play().catch(() => {}), { once: true });
    }
    void playback.start();
    return () => {
      for (const [type, fn] of events) video.removeEventListener(type, fn);
      video.textTracks.removeEventListener('addtrack', onTracks);
      off();
      playback.dispose();
      playbackRef.current = null;
      onPlaybackRef.current?.(null);
    };
  }, [src, engine, autoPlay]);

  const video = () => videoRef.current;
  const toggle = () => {
    const v = video();
    if (!v) return;
    if (v.paused) void v.play().catch(() => {});
    else v.pause();
  };
  const seekBy = (d: number) => {
    const v = video();
    if (v) v.currentTime = Math.min(Math.max(time.start, v.currentTime + d), time.end || v.currentTime + d);
  };
  const chooseTrack = (index: number) => {
    const v = video();
    if (!v) return;
    Array.from(v.textTracks).forEach((t, i) => (t.mode = i === index ? 'showing' : 'disabled'));
    setTrack(index);
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const tag = (e.target as HTMLElement).tagName;
    if (tag === 'SELECT' || tag === 'INPUT' || e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key.toLowerCase();
    if (key === ' ' || key === 'k') {
      if (tag === 'BUTTON' && key === ' ') return;
      toggle();
    } else if (key === 'arrowleft') seekBy(-10);
    else if (key === 'arrowright') seekBy(10);
    else if (key === 'l') playbackRef.current?.toLive();
    else if (key === 'm') {
      const v = video();
      if (v) v.muted = !v.muted;
    } else return;
    e.preventDefault();
  };

  const mode = state?.mode ?? 'unknown';
  const atLive = mode === 'live' && (state?.behindLive ?? 0) <= LIVE_SLACK_S;
  return (
    <div
      className="player"
      role="region"
      aria-label={title}
      data-mode={mode}
      data-engine={state?.engine ?? ''}
      onKeyDown={onKey}
    >
      <video ref={videoRef} className="player-video" playsInline preload="metadata" onClick={toggle} aria-label={title}>
        {captions.map((c) => (
          <track key={c.src} kind="captions" src={c.src} srcLang={c.lang} label={c.label} />
        ))}
      </video>
      {state?.error && <p className="player-error" role="status">{word(lang, 'error')} ({state.error})</p>}
      <div className="player-bar">
        <button type="button" className="player-play" onClick={toggle} aria-label={word(lang, paused ? 'play' : 'pause')}>
          {paused ? '▶' : '❚❚'}
        </button>
        {mode !== 'unknown' && (
          <span className={`player-badge player-badge-${mode}`} aria-live="polite">
            {word(lang, mode)}
          </span>
        )}
        <input
          className="player-seek"
          type="range"
          aria-label={word(lang, 'position')}
          min={time.start}
          max={time.end || 0}
          step={1}
          value={time.now}
          aria-valuetext={mode === 'live' ? `${clock(state?.behindLive ?? 0)} ${word(lang, 'behind')}` : clock(time.now)}
          onChange={(e) => {
            const v = video();
            if (v) v.currentTime = Number(e.target.value);
          }}
        />
        <span className="player-time">{mode === 'live' ? (atLive ? '' : `−${clock(state?.behindLive ?? 0)}`) : `${clock(time.now)} / ${clock(time.end)}`}</span>
        {mode === 'live' && (
          <button type="button" className="player-live" onClick={() => playbackRef.current?.toLive()} disabled={atLive} aria-pressed={atLive}>
            {word(lang, 'toLive')}
          </button>
        )}
        <button type="button" onClick={() => video() && (video()!.muted = !muted)} aria-label={word(lang, muted ? 'unmute' : 'mute')}>
          {muted ? '🔇' : '🔊'}
        </button>
        {state && state.levels.length > 1 && (
          <label className="player-select">
            {word(lang, 'quality')}{' '}
            <select value={state.level} onChange={(e) => playbackRef.current?.setLevel(Number(e.target.value))}>
              <option value={-1}>{word(lang, 'auto')}</option>
              {state.levels.map((l) => (
                <option key={l.index} value={l.index}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {tracks.length > 0 && (
          <label className="player-select">
            {word(lang, 'captions')}{' '}
            <select value={track} onChange={(e) => chooseTrack(Number(e.target.value))}>
              <option value={-1}>{word(lang, 'off')}</option>
              {tracks.map((t) => (
                <option key={t.index} value={t.index}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </div>
  );
}
