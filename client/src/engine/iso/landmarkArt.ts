// Landmarks and portals as simple objects in the isometric view (their names are the plan's
// screen labels). Each is drawn in a w×d footprint with its far corner at the origin.
import type { GraphicsContext } from 'pixi.js';
import type { Landmark, Portal } from '../../../../shared/level/schema.ts';
import { box } from './boothArt.ts';

export function drawLandmark(g: GraphicsContext, kind: Landmark['kind'], w = 3.2, d = 3.2): void {
  switch (kind) {
    case 'programme':
      // A stage with a screen.
      box(g, 0, 0, w, d, 0, 0.45, 0x334155);
      box(g, 0.2, 0.2, w - 0.2, 0.4, 0.45, 2.6, 0x0f172a);
      return;
    case 'info':
      box(g, 0.6, 0.9, w - 0.6, d - 0.9, 0, 1.1, 0x0f766e);
      box(g, 0.55, 0.85, w - 0.55, d - 0.85, 1.1, 1.18, 0xf8fafc);
      box(g, w / 2 - 0.15, d / 2 - 0.15, w / 2 + 0.15, d / 2 + 0.15, 1.18, 2.2, 0x0f766e);
      return;
    case 'cafe':
      for (const [x, y] of [
        [0.4, 0.4],
        [1.9, 0.4],
        [0.4, 1.9],
        [1.9, 1.9],
      ] as const) {
        box(g, x + 0.35, y + 0.35, x + 0.55, y + 0.55, 0, 0.72, 0x78350f);
        box(g, x, y, x + 0.9, y + 0.9, 0.72, 0.78, 0xfef3c7);
      }
      return;
    case 'lounge':
      box(g, 0.3, 0.3, w - 0.3, 1.1, 0, 0.8, 0x6d28d9);
      box(g, 0.9, 1.6, w - 0.9, 2.4, 0, 0.45, 0xe9d5ff);
      return;
    case 'wc':
      box(g, 0.5, 0.5, w - 0.5, d - 0.5, 0, 2.2, 0x64748b);
      return;
    case 'entrance':
      box(g, 0, 0, 0.35, d, 0, 3, 0x1e3a8a);
      box(g, w - 0.35, 0, w, d, 0, 3, 0x1e3a8a);
      box(g, 0, 0, w, d, 3, 3.4, 0x1d4ed8);
      return;
  }
}

export function drawPortal(g: GraphicsContext, kind: Portal['kind'], w = 3, d = 3): void {
  switch (kind) {
    case 'stairs':
      for (let k = 0; k < 6; k++) box(g, 0, (k * d) / 6, w, ((k + 1) * d) / 6, 0, 0.25 * (6 - k), 0x9333ea);
      return;
    case 'lift':
      box(g, 0.2, 0.2, w - 0.2, d - 0.2, 0, 3, 0x7e22ce);
      box(g, w / 2 - 0.6, d - 0.21, w / 2 + 0.6, d - 0.2, 0, 2.2, 0xe9d5ff);
      return;
    case 'escalator':
      for (let k = 0; k < 6; k++) box(g, (k * w) / 6, 0.6, ((k + 1) * w) / 6, d - 0.6, 0, 0.3 * (k + 1), 0xa855f7);
      return;
  }
}
