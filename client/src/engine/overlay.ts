// Marks drawn over the floor: hover outline, keyboard focus ring, search highlight and the
// walk in progress. Redrawn only when one of them changes; the highlight pulses by alpha.
import { Container, Graphics } from 'pixi.js';
import type { Vec } from '../../../shared/geometry.ts';
import type { Stand } from '../../../shared/level/schema.ts';
import { PALETTE } from './palette.ts';

export class Overlay {
  readonly root = new Container({ label: 'overlay' });
  private readonly path = new Graphics();
  private readonly hover = new Graphics();
  private readonly focus = new Graphics();
  private readonly highlight = new Graphics();
  private pulse = 0;
  private pulsing = false;
  private highlighted: Stand | null = null;

  constructor() {
    this.root.eventMode = 'none';
    this.root.addChild(this.path, this.hover, this.highlight, this.focus);
  }

  setHover(s: Stand | null): void {
    this.hover.clear();
    if (s) this.hover.rect(s.x - 0.2, s.y - 0.2, s.w + 0.4, s.h + 0.4).stroke({ width: 0.4, color: PALETTE.hover });
  }

  /** The focus ring is drawn in screen-relative thickness so it is visible at any zoom. */
  setFocus(s: Stand | null, zoom: number): void {
    this.focus.clear();
    if (!s) return;
    const w = Math.max(0.35, 3 / zoom);
    const pad = w * 1.5;
    this.focus
      .roundRect(s.x - pad, s.y - pad, s.w + 2 * pad, s.h + 2 * pad, pad)
      .stroke({ width: w * 2.2, color: 0xffffff })
      .roundRect(s.x - pad, s.y - pad, s.w + 2 * pad, s.h + 2 * pad, pad)
      .stroke({ width: w, color: PALETTE.focus });
  }

  setHighlight(s: Stand | null, zoom: number): void {
    this.highlight.clear();
    if (s !== this.highlighted) {
      this.highlighted = s;
      this.pulse = 0;
      this.pulsing = s !== null;
    }
    if (!s) return;
    const w = Math.max(0.4, 4 / zoom);
    this.highlight
      .roundRect(s.x - w * 2, s.y - w * 2, s.w + w * 4, s.h + w * 4, w)
      .fill({ color: PALETTE.highlight, alpha: 0.15 })
      .stroke({ width: w, color: PALETTE.highlight });
  }

  setPath(points: readonly Vec[], zoom: number): void {
    this.path.clear();
    const [first, ...rest] = points;
    if (!first || rest.length === 0) return;
    this.path.moveTo(first.x, first.y);
    for (const p of rest) this.path.lineTo(p.x, p.y);
    this.path.stroke({ width: Math.max(0.5, 4 / zoom), color: PALETTE.path, alpha: 0.75, cap: 'round', join: 'round' });
    const last = rest[rest.length - 1]!;
    this.path.circle(last.x, last.y, Math.max(0.6, 6 / zoom)).fill(PALETTE.path);
  }

  /** Animates the search highlight (one alpha write); returns whether anything changed. */
  tick(dt: number): boolean {
    if (!this.pulsing) return false;
    this.pulse += dt * 4;
    this.highlight.alpha = 0.55 + 0.45 * Math.sin(this.pulse);
    // Pulse for a few seconds to catch the eye, then stay still (and stop re-rendering).
    if (this.pulse > 24) {
      this.pulsing = false;
      this.highlight.alpha = 1;
    }
    return true;
  }
}
