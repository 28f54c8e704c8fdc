// Names on the canvas, drawn in screen space so they stay crisp at every zoom. Only stands
// on screen and large enough to hold a readable name get a label (level of detail); labels
// are pooled, so panning a 2 000-stand floor creates no garbage.
import { BitmapFont, BitmapText, Container } from 'pixi.js';
import type { Rect } from '../../../shared/geometry.ts';
import type { Level } from '../../../shared/level/schema.ts';
import type { StandGrid } from '../../../shared/level/spatial.ts';
import type { Camera } from './camera.ts';
import { PALETTE } from './palette.ts';

const FONT = 'ExpoLabel';
const FONT_BOLD = 'ExpoLabelBold';
let installed = false;

function installFonts(): void {
  if (installed) return;
  installed = true;
  const chars = [['a', 'z'], ['A', 'Z'], ['0', '9'], ['а', 'я'], ['А', 'Я'], ' ёЁ«»—–-.,:;!?()"\'&+/№#%@'];
  const resolution = Math.min(2, window.devicePixelRatio || 1);
  BitmapFont.install({ name: FONT, style: { fontFamily: 'Arial, sans-serif', fontSize: 26, fill: '#ffffff' }, chars, resolution });
  BitmapFont.install({
    name: FONT_BOLD,
    style: { fontFamily: 'Arial, sans-serif', fontSize: 26, fontWeight: 'bold', fill: '#ffffff' },
    chars,
    resolution,
  });
}

/** Below this on-screen width (px) a stand shows no name. */
const MIN_STAND_PX = 46;
const MARKER_MIN_ZOOM = 2.2;

function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return maxChars <= 1 ? '…' : `${text.slice(0, maxChars - 1).trimEnd()}…`;
}

export interface LabelSource {
  standNames: string[];
  markerNames: string[];
}

export class LabelLayer {
  readonly root = new Container({ label: 'labels' });
  private readonly pool: BitmapText[] = [];
  private used = 0;
  private readonly visible: number[] = [];

  constructor() {
    installFonts();
    this.root.eventMode = 'none';
  }

  private take(font: string, size: number, colour: number): BitmapText {
    let t = this.pool[this.used];
    if (!t) {
      t = new BitmapText({ text: '', style: { fontFamily: font, fontSize: size } });
      t.anchor.set(0.5);
      this.pool.push(t);
      this.root.addChild(t);
    }
    this.used++;
    t.visible = true;
    if (t.style.fontFamily !== font) t.style.fontFamily = font;
    if (t.style.fontSize !== size) t.style.fontSize = size;
    t.tint = colour;
    return t;
  }

  /** Re-places labels for the current camera; call when the camera or level changes. */
  update(level: Level, grid: StandGrid, names: LabelSource, camera: Camera, view: Rect): void {
    this.used = 0;
    const zoom = camera.zoom;
    grid.query(view, this.visible);
    for (const i of this.visible) {
      const s = level.stands[i]!;
      const wPx = s.w * zoom;
      const hPx = s.h * zoom;
      if (wPx < MIN_STAND_PX || hPx < 22) continue;
      const size = Math.max(10, Math.min(15, Math.min(wPx, hPx) / 5));
      const maxChars = Math.floor((wPx - 8) / (size * 0.56));
      if (maxChars < 4) continue;
      const label = this.take(FONT_BOLD, size, PALETTE.label);
      label.text = truncate(names.standNames[i] ?? '', maxChars);
      const p = camera.worldToScreen({ x: s.x + s.w / 2, y: s.y + s.h * (s.entrance === 'north' ? 0.3 : 0.72) });
      label.position.set(Math.round(p.x), Math.round(p.y));
    }
    if (zoom >= MARKER_MIN_ZOOM) {
      const markers = [...level.landmarks, ...level.portals];
      // Lifts and stairs cluster in lobbies: label a cluster once, not on top of itself.
      const placed: { x: number; y: number }[] = [];
      markers.forEach((m, i) => {
        if (m.x < view.x - 10 || m.x > view.x + view.w + 10 || m.y < view.y - 10 || m.y > view.y + view.h + 10) return;
        const p = camera.worldToScreen({ x: m.x, y: m.y });
        const y = Math.round(p.y - Math.max(12, 2.2 * zoom));
        if (placed.some((q) => Math.abs(q.x - p.x) < 120 && Math.abs(q.y - y) < 18)) return;
        placed.push({ x: p.x, y });
        const label = this.take(FONT_BOLD, 13, i < level.landmarks.length ? PALETTE.landmark : PALETTE.portal);
        label.text = names.markerNames[i] ?? '';
        label.position.set(Math.round(p.x), y);
      });
    }
    for (let i = this.used; i < this.pool.length; i++) this.pool[i]!.visible = false;
  }

  get count(): number {
    return this.used;
  }

  destroy(): void {
    this.root.destroy({ children: true });
  }
}
