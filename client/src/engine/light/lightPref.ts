// Light mode for this page: decided from the renderer the hall's canvas reports, the
// visitor's choice remembered in localStorage ("expo.lightMode": on / off), and listeners
// (the hall engine, the toggle, the notice that suggests the list view). The decisions
// themselves are lightMode.ts's.
import { type LightChoice, type LightDecision, type RenderProbe, decideLight, lightAfterFrames, parseChoice } from './lightMode.ts';

const KEY = 'expo.lightMode';
const listeners = new Set<(d: LightDecision) => void>();
let current: LightDecision | null = null;
let probed: RenderProbe | null = null;

export function storedLightChoice(): LightChoice {
  try {
    return parseChoice(localStorage.getItem(KEY));
  } catch {
    return null;
  }
}

/** Until the canvas exists: the visitor's choice, else off (the renderer is not known yet). */
function beforeCanvas(): LightDecision {
  return decideLight(storedLightChoice(), { renderer: '', caveat: false });
}

/** The decision for this page so far. */
export function lightMode(): LightDecision {
  current ??= beforeCanvas();
  return current;
}

/**
 * Decides with the renderer the hall's own WebGL context reports (no context of our own:
 * each costs a few hundred ms in software rendering). Marks the page (data-light on <html>)
 * and tells the listeners when the decision changed.
 */
export function decideForRenderer(renderer: string, noWebGL = false): LightDecision {
  probed = { renderer, caveat: false, noWebGL };
  const d = decideLight(storedLightChoice(), probed);
  const was = lightMode();
  emit(d.light === was.light && d.reason === was.reason ? was : d);
  return d;
}

/**
 * Where the renderer's name says nothing (browsers may hide it), a context asked with
 * failIfMajorPerformanceCaveat tells whether the browser itself would call rendering slow.
 * Done once, when the page is idle after the first picture, and only while light mode is off
 * and the visitor never chose.
 */
export function probeCaveat(): void {
  if (!probed || probed.caveat || storedLightChoice() || lightMode().light) return;
  const gl = document.createElement('canvas').getContext('webgl', { failIfMajorPerformanceCaveat: true });
  gl?.getExtension('WEBGL_lose_context')?.loseContext();
  probed = { ...probed, caveat: !gl };
  const d = decideLight(null, probed);
  if (d.light) emit(d);
}

/** The renderer as the hall reported it ("" before the canvas exists). */
export function rendererName(): string {
  return probed?.renderer ?? '';
}

function emit(d: LightDecision): void {
  current = d;
  document.documentElement.dataset.light = d.light ? 'on' : 'off';
  for (const fn of listeners) fn(d);
}

/** The visitor's toggle: remembered, applied at once. */
export function setLightMode(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  emit({ light: on, reason: 'chosen' });
}

/** Frame gaps measured while the hall moved; switches light mode on if they were slow and nobody chose. */
export function reportFrameGaps(gapsMs: readonly number[]): void {
  const d = lightAfterFrames(storedLightChoice(), lightMode(), gapsMs);
  if (d !== current) emit(d);
}

export function onLightMode(fn: (d: LightDecision) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
