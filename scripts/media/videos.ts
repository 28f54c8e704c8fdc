// Records the sample videos in headless Chromium: animated slides on a <canvas>, captured with
// MediaRecorder as WebM (VP9, no audio), plus a JPEG poster and WebVTT captions per language.
import type { Page } from 'playwright-core';
import { pictogramSvg } from './pictograms.ts';
import { SLIDE_SECONDS, type Slide, type VideoScript } from './videoScripts.ts';
import { setWebmDuration, webmDurationMs } from './webmDuration.ts';

export const VIDEO_WIDTH = 640;
export const VIDEO_HEIGHT = 360;
/** Low on purpose: slides are flat colour and a clip must stay near 200 KB. */
const BITRATE = 170_000;
/** Where the poster is taken: the title slide once its entry animation has settled. */
const POSTER_AT = 1.6;

interface BrowserSpec {
  slides: { heading: string; lines: string[]; image: string }[];
  palette: VideoScript['palette'];
  slideSeconds: number;
  width: number;
  height: number;
  bitrate: number;
  posterAt: number;
}

interface Recorded {
  webm: string;
  poster: string;
  durationMs: number;
}

/** Runs inside the page: everything it needs is in `spec` (the function is serialised). */
async function recordInPage(spec: BrowserSpec): Promise<Recorded> {
  const canvas = document.createElement('canvas');
  canvas.width = spec.width;
  canvas.height = spec.height;
  document.body.append(canvas);
  const g = canvas.getContext('2d')!;
  const W = spec.width;
  const H = spec.height;
  const S = spec.slideSeconds;
  const total = S * spec.slides.length;
  const pal = spec.palette;
  const images = await Promise.all(
    spec.slides.map(async (s) => {
      const img = new Image();
      img.src = s.image;
      await img.decode();
      return img;
    }),
  );
  const ease = (x: number) => 1 - Math.pow(1 - Math.min(1, Math.max(0, x)), 3);

  const wrap = (text: string, maxWidth: number): string[] => {
    const out: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (g.measureText(next).width > maxWidth && line) {
        out.push(line);
        line = word;
      } else line = next;
    }
    if (line) out.push(line);
    return out;
  };

  const draw = (t: number) => {
    const bg = g.createLinearGradient(0, 0, W, H);
    bg.addColorStop(0, pal.dark);
    bg.addColorStop(1, pal.main);
    g.fillStyle = bg;
    g.fillRect(0, 0, W, H);
    // Slow floating bubbles give the flat slides some life.
    for (let k = 0; k < 6; k++) {
      const x = ((k * 131) % W) + Math.sin(t * 0.6 + k) * 30;
      const y = ((k * 89 + 40) % H) + Math.cos(t * 0.5 + k * 2) * 20;
      g.fillStyle = `rgba(255,255,255,${0.05 + (k % 3) * 0.02})`;
      g.beginPath();
      g.arc(x, y, 30 + (k % 4) * 22, 0, Math.PI * 2);
      g.fill();
    }
    const i = Math.min(spec.slides.length - 1, Math.floor(t / S));
    const u = t - i * S;
    const slide = spec.slides[i]!;
    const enter = ease(u / 0.5);
    const leave = i === spec.slides.length - 1 ? 1 : Math.min(1, (S - u) / 0.2);
    // Label and slide dots.
    g.globalAlpha = 1;
    g.fillStyle = 'rgba(255,255,255,0.16)';
    g.beginPath();
    g.roundRect(24, 18, 142, 28, 14);
    g.fill();
    g.fillStyle = '#fff';
    g.font = '600 14px "DejaVu Sans", sans-serif';
    g.fillText('ММСО · Экспо 2026', 36, 37);
    spec.slides.forEach((_, k) => {
      g.fillStyle = k === i ? pal.accent : 'rgba(255,255,255,0.4)';
      g.beginPath();
      g.arc(W - 90 + k * 18, 32, k === i ? 6 : 4, 0, Math.PI * 2);
      g.fill();
    });
    // Text column.
    g.globalAlpha = enter * leave;
    const dx = (1 - enter) * 60;
    g.fillStyle = '#fff';
    g.font = 'bold 32px "DejaVu Sans", sans-serif';
    const headLines = wrap(slide.heading, 320);
    let y = 120;
    for (const line of headLines) {
      g.fillText(line, 36 + dx, y);
      y += 40;
    }
    g.fillStyle = pal.accent;
    g.fillRect(36 + dx, y - 18, 56, 5);
    y += 22;
    g.font = '19px "DejaVu Sans", sans-serif';
    slide.lines.forEach((text, k) => {
      const a = ease((u - 0.3 - k * 0.25) / 0.4);
      g.globalAlpha = a * leave;
      const lx = 36 + (1 - a) * 30;
      g.fillStyle = pal.accent;
      g.beginPath();
      g.arc(lx + 6, y - 6, 5, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = '#fff';
      for (const line of wrap(text, 300)) {
        g.fillText(line, lx + 22, y);
        y += 26;
      }
      y += 6;
    });
    // Illustration in a white disc.
    g.globalAlpha = leave;
    const r = 112 * (0.6 + 0.4 * enter);
    const cx = 480;
    const cy = 196 + Math.sin(t * 2) * 4;
    g.fillStyle = 'rgba(0,0,0,0.18)';
    g.beginPath();
    g.ellipse(cx, 196 + 124, r * 0.8, 10, 0, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#fff';
    g.beginPath();
    g.arc(cx, cy, r, 0, Math.PI * 2);
    g.fill();
    const size = 170 * (0.6 + 0.4 * enter);
    g.drawImage(images[i]!, cx - size / 2, cy - size / 2, size, size);
    g.globalAlpha = 1;
    // Progress along the whole clip.
    g.fillStyle = 'rgba(255,255,255,0.25)';
    g.fillRect(0, H - 5, W, 5);
    g.fillStyle = pal.accent;
    g.fillRect(0, H - 5, (W * Math.min(t, total)) / total, 5);
  };

  const toBase64 = (blob: Blob) =>
    new Promise<string>((resolve, reject) => {
      const fr = new FileReader();
      fr.onload = () => resolve(String(fr.result).replace(/^data:[^,]*,/, ''));
      fr.onerror = () => reject(new Error('could not read the recording'));
      fr.readAsDataURL(blob);
    });

  draw(spec.posterAt);
  const posterBlob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.8));

  const stream = canvas.captureStream(25);
  const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp9', videoBitsPerSecond: spec.bitrate });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => chunks.push(e.data);
  const stopped = new Promise((resolve) => (recorder.onstop = resolve));
  draw(0);
  recorder.start();
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    const frame = () => {
      const t = (performance.now() - t0) / 1000;
      draw(Math.min(t, total));
      if (t < total + 0.1) requestAnimationFrame(frame);
      else resolve();
    };
    requestAnimationFrame(frame);
  });
  recorder.stop();
  await stopped;
  const webm = new Blob(chunks, { type: 'video/webm' });

  // A live recording has no duration in its header; seeking far makes the player find it.
  const video = document.createElement('video');
  video.muted = true;
  video.src = URL.createObjectURL(webm);
  await new Promise((resolve) => (video.onloadedmetadata = resolve));
  let duration = video.duration;
  if (!Number.isFinite(duration)) {
    video.currentTime = 1e9;
    await new Promise((resolve) => (video.ondurationchange = resolve));
    duration = video.duration;
  }
  return { webm: await toBase64(webm), poster: await toBase64(posterBlob), durationMs: Math.round(duration * 1000) };
}

export interface VideoFiles {
  webm: Uint8Array;
  poster: Uint8Array;
  captionsRu: string;
  captionsEn: string;
  durationMs: number;
}

function dataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

export async function recordVideo(page: Page, script: VideoScript): Promise<VideoFiles> {
  const spec: BrowserSpec = {
    slides: script.slides.map((s) => ({ heading: s.heading, lines: s.lines, image: dataUrl(pictogramSvg(s.pictogram, script.palette, 340)) })),
    palette: script.palette,
    slideSeconds: SLIDE_SECONDS,
    width: VIDEO_WIDTH,
    height: VIDEO_HEIGHT,
    bitrate: BITRATE,
    posterAt: POSTER_AT,
  };
  const rec = await page.evaluate(recordInPage, spec);
  const webm = setWebmDuration(new Uint8Array(Buffer.from(rec.webm, 'base64')), rec.durationMs);
  if (webmDurationMs(webm) === null) throw new Error(`${script.key}: the duration did not stick`);
  return {
    webm,
    poster: new Uint8Array(Buffer.from(rec.poster, 'base64')),
    captionsRu: webVtt(script.slides, 'captionRu'),
    captionsEn: webVtt(script.slides, 'captionEn'),
    durationMs: rec.durationMs,
  };
}

function stamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** One cue per slide, a little inside the slide's time so cues never overlap. */
export function webVtt(slides: Slide[], field: 'captionRu' | 'captionEn'): string {
  const cues = slides.map((s, i) => `${i + 1}\n${stamp(i * SLIDE_SECONDS + 0.2)} --> ${stamp((i + 1) * SLIDE_SECONDS - 0.1)}\n${s[field]}\n`);
  return `WEBVTT\n\n${cues.join('\n')}`;
}
