// Small engine helpers for light mode: the watch on frame gaps, hiding the floor's decorative
// layers, and running setup work when the page is idle.
import { type Container, TilingSprite } from 'pixi.js';
import { SLOW_SAMPLE } from './lightMode.ts';

/**
 * Collects the gaps between frames drawn on consecutive ticks (walking, flights, builds): a
 * frame after an idle tick starts a new run, so time the hall spent idle never counts. Every
 * SLOW_SAMPLE gaps go to `report` (lightMode.ts framesSlow decides), then collection restarts.
 */
export class FrameGaps {
  private gaps: number[] = [];
  private last = false;
  /** The first frames of a page include shader compiles and texture uploads: not counted. */
  private skip = 6;

  tick(rendered: boolean, deltaMs: number, report: (gapsMs: readonly number[]) => void): void {
    if (rendered && this.last) {
      if (this.skip > 0) this.skip--;
      else this.gaps.push(deltaMs);
    }
    this.last = rendered;
    if (this.gaps.length >= SLOW_SAMPLE) {
      const full = this.gaps;
      this.gaps = [];
      report(full);
    }
  }

  clear(): void {
    this.gaps = [];
    this.last = false;
  }
}

/** The floor's tiled pattern costs a textured full-screen fill per frame in software rendering. */
export function hideDecorations(root: Container, hide: boolean): void {
  for (const c of root.children) if (c instanceof TilingSprite) c.visible = !hide;
}

/**
 * Runs `fn` when the main thread is idle (within `timeoutMs` at the latest); returns a cancel.
 * Safari has no requestIdleCallback: a timer then.
 */
export function whenIdle(fn: () => void, timeoutMs = 1500): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => fn(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 200);
  return () => clearTimeout(id);
}
