// Light mode's decisions (client/src/engine/light/lightMode.ts): when a weak computer gets the
// lighter hall, and what light mode changes.
import { describe, expect, it } from 'vitest';
import {
  SLOW_FRAME_MS,
  SLOW_SAMPLE,
  decideLight,
  framesSlow,
  lightAfterFrames,
  parseChoice,
  renderSettings,
  softwareRenderer,
} from '../../client/src/engine/light/lightMode.ts';

const GPU = 'ANGLE (NVIDIA, NVIDIA GeForce GTX 1050 Direct3D11 vs_5_0 ps_5_0, D3D11)';
const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

describe('softwareRenderer', () => {
  it('names the software rasterisers', () => {
    expect(softwareRenderer(SWIFTSHADER)).toBe(true);
    expect(softwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(softwareRenderer('Microsoft Basic Render Driver')).toBe(true);
  });

  it('leaves real GPUs and unknown names alone', () => {
    expect(softwareRenderer(GPU)).toBe(false);
    expect(softwareRenderer('Apple M1')).toBe(false);
    expect(softwareRenderer('')).toBe(false);
  });
});

describe('decideLight', () => {
  it('turns light mode on for software rendering, a refused GPU or no WebGL', () => {
    expect(decideLight(null, { renderer: SWIFTSHADER, caveat: false })).toEqual({ light: true, reason: 'software' });
    expect(decideLight(null, { renderer: GPU, caveat: true })).toEqual({ light: true, reason: 'caveat' });
    expect(decideLight(null, { renderer: '', caveat: false, noWebGL: true })).toEqual({ light: true, reason: 'software' });
  });

  it('keeps the full hall on a GPU', () => {
    expect(decideLight(null, { renderer: GPU, caveat: false })).toEqual({ light: false, reason: 'none' });
  });

  it('lets the visitor’s choice win either way', () => {
    expect(decideLight('off', { renderer: SWIFTSHADER, caveat: true })).toEqual({ light: false, reason: 'chosen' });
    expect(decideLight('on', { renderer: GPU, caveat: false })).toEqual({ light: true, reason: 'chosen' });
  });
});

describe('parseChoice', () => {
  it('reads only on and off; anything else is no choice', () => {
    expect(parseChoice('on')).toBe('on');
    expect(parseChoice('off')).toBe('off');
    expect(parseChoice('true')).toBeNull();
    expect(parseChoice(null)).toBeNull();
    expect(parseChoice(undefined)).toBeNull();
  });
});

describe('framesSlow', () => {
  const gaps = (ms: number, n = SLOW_SAMPLE) => Array.from({ length: n }, () => ms);

  it('needs a full sample before it says anything', () => {
    expect(framesSlow(gaps(500, SLOW_SAMPLE - 1))).toBe(false);
    expect(framesSlow([])).toBe(false);
  });

  it('calls frames slow when their median gap is above the limit', () => {
    expect(framesSlow(gaps(SLOW_FRAME_MS + 50))).toBe(true);
    expect(framesSlow(gaps(16))).toBe(false);
    expect(framesSlow(gaps(SLOW_FRAME_MS))).toBe(false);
  });

  it('is not fooled by a few long frames (a shader compile, a texture upload)', () => {
    const mostlyFast = [...gaps(16, SLOW_SAMPLE - 5), ...gaps(900, 5)];
    expect(framesSlow(mostlyFast)).toBe(false);
  });

  it('looks at the latest frames only', () => {
    expect(framesSlow([...gaps(400), ...gaps(16)])).toBe(false);
    expect(framesSlow([...gaps(16), ...gaps(400)])).toBe(true);
  });
});

describe('lightAfterFrames', () => {
  const slow = Array.from({ length: SLOW_SAMPLE }, () => 200);
  const off = { light: false, reason: 'none' } as const;

  it('switches light mode on after slow frames when nobody chose', () => {
    expect(lightAfterFrames(null, off, slow)).toEqual({ light: true, reason: 'slow' });
  });

  it('never overrides a choice, and leaves fast frames and light mode as they are', () => {
    expect(lightAfterFrames('off', { light: false, reason: 'chosen' }, slow)).toEqual({ light: false, reason: 'chosen' });
    const fast = Array.from({ length: SLOW_SAMPLE }, () => 16);
    expect(lightAfterFrames(null, off, fast)).toBe(off);
    const on = { light: true, reason: 'software' } as const;
    expect(lightAfterFrames(null, on, slow)).toBe(on);
  });
});

describe('renderSettings', () => {
  it('draws the full hall at the screen’s density (at most 2) without light mode', () => {
    expect(renderSettings(false, 1)).toMatchObject({ resolution: 1, decorations: true, animations: true, plainView: false });
    expect(renderSettings(false, 3)).toMatchObject({ resolution: 2 });
    expect(renderSettings(false, Number.NaN)).toMatchObject({ resolution: 1 });
  });

  it('draws fewer pixels and layers, without animations, in the plan in light mode', () => {
    const light = renderSettings(true, 2);
    expect(light.resolution).toBeLessThan(1);
    expect(light).toMatchObject({ decorations: false, animations: false, plainView: true });
  });
});
