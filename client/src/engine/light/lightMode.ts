// Whether the hall is drawn in light mode: a weak computer (no GPU, WebGL rendered in software
// by SwiftShader or llvmpipe) cannot draw the full hall smoothly, so it gets a lighter picture.
// Pure decisions only (no DOM, no clock): the probes in lightProbe.ts and the frame watch in
// the engine feed them, and tests call them directly.

/** The visitor's own choice, remembered; null while they never chose. */
export type LightChoice = 'on' | 'off' | null;

export type LightReason = 'chosen' | 'software' | 'caveat' | 'slow' | 'none';

export interface LightDecision {
  light: boolean;
  /** Why: the visitor chose; a software renderer; the browser warned of a major performance caveat; frames measured slow. */
  reason: LightReason;
}

export interface RenderProbe {
  /** The WebGL renderer's name (WEBGL_debug_renderer_info), "" when unknown. */
  renderer: string;
  /** A WebGL context asked with failIfMajorPerformanceCaveat was refused. */
  caveat: boolean;
  /** No WebGL at all: Pixi falls back to its canvas renderer. */
  noWebGL?: boolean;
}

/** Software rasterisers Chromium, Firefox and Mesa report when there is no usable GPU. */
export function softwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i.test(renderer);
}

/** Reads a stored choice; anything else means "never chose". */
export function parseChoice(v: string | null | undefined): LightChoice {
  return v === 'on' || v === 'off' ? v : null;
}

/** At start: the visitor's choice wins; otherwise light on a software renderer or a refused GPU. */
export function decideLight(choice: LightChoice, probe: RenderProbe): LightDecision {
  if (choice) return { light: choice === 'on', reason: 'chosen' };
  if (probe.noWebGL || softwareRenderer(probe.renderer)) return { light: true, reason: 'software' };
  if (probe.caveat) return { light: true, reason: 'caveat' };
  return { light: false, reason: 'none' };
}

/** Frames needed before frame times say anything (the first ones include shader compiles, uploads). */
export const SLOW_SAMPLE = 24;
/** Below ~12 frames per second walking feels like a slide show. */
export const SLOW_FRAME_MS = 85;

/**
 * After start: true when frames drawn while something moved (walking, camera flights) were
 * slow: the median gap between them over the last SLOW_SAMPLE frames is above SLOW_FRAME_MS.
 * Gaps are the times between consecutive animated frames; an idle hall draws none, so idle
 * time never counts as slowness.
 */
export function framesSlow(gapsMs: readonly number[]): boolean {
  if (gapsMs.length < SLOW_SAMPLE) return false;
  const last = [...gapsMs.slice(-SLOW_SAMPLE)].sort((a, b) => a - b);
  const median = (last[SLOW_SAMPLE / 2 - 1]! + last[SLOW_SAMPLE / 2]!) / 2;
  return median > SLOW_FRAME_MS;
}

/** Switch on light mode after slow frames only when the visitor never chose and it is off. */
export function lightAfterFrames(choice: LightChoice, current: LightDecision, gapsMs: readonly number[]): LightDecision {
  if (choice || current.light || !framesSlow(gapsMs)) return current;
  return { light: true, reason: 'slow' };
}

export interface RenderSettings {
  /** Canvas pixels per CSS pixel. */
  resolution: number;
  antialias: boolean;
  /** Stand shadows, the floor's pattern, logos on the boards. */
  decorations: boolean;
  /** Camera flights and other transitions; off, the camera jumps. */
  animations: boolean;
  /** The 3D view is not offered as the default. */
  plainView: boolean;
}

/**
 * What light mode changes. Software rendering costs per pixel drawn, so the canvas gets fewer
 * pixels (three quarters of the CSS size, scaled up by the browser) and fewer layers.
 */
export function renderSettings(light: boolean, devicePixelRatio: number): RenderSettings {
  const dpr = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  if (!light) return { resolution: Math.min(2, dpr), antialias: false, decorations: true, animations: true, plainView: false };
  return { resolution: 0.75, antialias: false, decorations: false, animations: false, plainView: true };
}
