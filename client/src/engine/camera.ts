// The hall camera: a world point at the screen centre and a zoom in pixels per metre.
// Pure math with no Pixi, so it is unit-tested directly.
import type { Rect, Vec } from '../../../shared/geometry.ts';

export const MIN_ZOOM = 0.6;
export const MAX_ZOOM = 48;

export interface Viewport {
  width: number;
  height: number;
}

export class Camera {
  /** World point (metres) shown at the centre of the screen. */
  x = 0;
  y = 0;
  zoom = 6;
  viewport: Viewport = { width: 1, height: 1 };
  /** The world the camera may show; its centre stays inside this. */
  bounds: Rect = { x: 0, y: 0, w: 100, h: 100 };
  /** Bumped on every change so views can redraw only when needed. */
  version = 0;
  private flight: { from: Vec & { zoom: number }; to: Vec & { zoom: number }; t: number; duration: number } | null = null;

  setViewport(width: number, height: number): void {
    this.viewport = { width: Math.max(1, width), height: Math.max(1, height) };
    this.clamp();
  }

  setBounds(bounds: Rect): void {
    this.bounds = bounds;
    this.clamp();
  }

  worldToScreen(p: Vec): Vec {
    return {
      x: (p.x - this.x) * this.zoom + this.viewport.width / 2,
      y: (p.y - this.y) * this.zoom + this.viewport.height / 2,
    };
  }

  screenToWorld(p: Vec): Vec {
    return {
      x: (p.x - this.viewport.width / 2) / this.zoom + this.x,
      y: (p.y - this.viewport.height / 2) / this.zoom + this.y,
    };
  }

  /** The world rectangle currently on screen. */
  visibleRect(): Rect {
    const w = this.viewport.width / this.zoom;
    const h = this.viewport.height / this.zoom;
    return { x: this.x - w / 2, y: this.y - h / 2, w, h };
  }

  /** Smallest zoom at which the whole floor fits with a margin. */
  fitZoom(): number {
    const z = Math.min(this.viewport.width / (this.bounds.w * 1.08), this.viewport.height / (this.bounds.h * 1.08));
    return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
  }

  minZoom(): number {
    return Math.min(this.fitZoom(), MIN_ZOOM * 4);
  }

  /** Moves by a screen-space delta (dragging the floor). */
  panBy(dxScreen: number, dyScreen: number): void {
    this.flight = null;
    this.x -= dxScreen / this.zoom;
    this.y -= dyScreen / this.zoom;
    this.clamp();
  }

  centreOn(p: Vec, zoom = this.zoom): void {
    this.flight = null;
    this.x = p.x;
    this.y = p.y;
    this.zoom = zoom;
    this.clamp();
  }

  /** Zooms by `factor`, keeping the world point under `screenPoint` fixed. */
  zoomAt(factor: number, screenPoint: Vec): void {
    this.flight = null;
    const before = this.screenToWorld(screenPoint);
    this.zoom = Math.max(this.minZoom(), Math.min(MAX_ZOOM, this.zoom * factor));
    const after = this.screenToWorld(screenPoint);
    this.x += before.x - after.x;
    this.y += before.y - after.y;
    this.clamp();
  }

  /** Off in light mode: a flight then lands on its next step (no frames in between to draw). */
  animate = true;

  /** Starts a smooth flight to a point and zoom; `step` advances it. */
  flyTo(p: Vec, zoom = this.zoom, duration = 0.6): void {
    this.flight = { from: { x: this.x, y: this.y, zoom: this.zoom }, to: { ...p, zoom }, t: 0, duration: this.animate ? duration : 0.001 };
  }

  get flying(): boolean {
    return this.flight !== null;
  }

  /** Advances a flight by dt seconds; returns whether the camera moved. */
  step(dt: number): boolean {
    const f = this.flight;
    if (!f) return false;
    f.t = Math.min(1, f.t + dt / f.duration);
    const e = f.t < 0.5 ? 4 * f.t ** 3 : 1 - (-2 * f.t + 2) ** 3 / 2;
    // Interpolate zoom geometrically so the flight feels even at every scale.
    this.zoom = f.from.zoom * (f.to.zoom / f.from.zoom) ** e;
    this.x = f.from.x + (f.to.x - f.from.x) * e;
    this.y = f.from.y + (f.to.y - f.from.y) * e;
    if (f.t >= 1) this.flight = null;
    this.clamp();
    return true;
  }

  /** Keeps the view centre over the floor and the zoom in range. */
  clamp(): void {
    this.zoom = Math.max(Math.min(this.minZoom(), MIN_ZOOM), Math.min(MAX_ZOOM, this.zoom));
    const b = this.bounds;
    this.x = Math.max(b.x, Math.min(b.x + b.w, this.x));
    this.y = Math.max(b.y, Math.min(b.y + b.h, this.y));
    this.version++;
  }

  /** Whether a world rect is fully on screen, with a margin in pixels. */
  shows(r: Rect, marginPx = 0): boolean {
    const a = this.worldToScreen({ x: r.x, y: r.y });
    const b = this.worldToScreen({ x: r.x + r.w, y: r.y + r.h });
    return a.x >= marginPx && a.y >= marginPx && b.x <= this.viewport.width - marginPx && b.y <= this.viewport.height - marginPx;
  }
}
