// The hall camera with an optional isometric projection. It keeps the plan camera's state
// (the world point at the screen centre and the zoom), so switching views keeps what the
// visitor looks at; only the mapping between the floor and the screen changes. With no
// frame set it is exactly the plan camera.
import type { Rect, Vec } from '../../../../shared/geometry.ts';
import { type IsoFrame, type Rotation, fromView, toView, viewBounds, viewDeltaToWorld } from '../../../../shared/iso/projection.ts';
import { Camera, MAX_ZOOM, MIN_ZOOM } from '../camera.ts';

/** Booth walls reach this high (metres): the visible floor extends this far beyond the screen. */
const MAX_HEIGHT = 4;

export class IsoCamera extends Camera {
  /** The isometric frame, or null for the plan view. */
  frame: IsoFrame | null = null;

  setIso(frame: IsoFrame | null): void {
    this.frame = frame;
    this.clamp();
  }

  setRotation(rotation: Rotation): void {
    if (this.frame) this.setIso({ ...this.frame, rotation });
  }

  /** View units (see shared/iso/projection.ts) of the screen centre. */
  private centreView(f: IsoFrame): Vec {
    return toView(f, { x: this.x, y: this.y });
  }

  /** A world point at height z, on screen. */
  worldToScreenAt(p: Vec, z: number): Vec {
    const f = this.frame;
    if (!f) return super.worldToScreen(p);
    const v = toView(f, p, z);
    const c = this.centreView(f);
    return { x: (v.x - c.x) * this.zoom + this.viewport.width / 2, y: (v.y - c.y) * this.zoom + this.viewport.height / 2 };
  }

  override worldToScreen(p: Vec): Vec {
    return this.worldToScreenAt(p, 0);
  }

  /** The view point (view units) under a screen point. */
  screenToView(p: Vec): Vec {
    const f = this.frame!;
    const c = this.centreView(f);
    return { x: c.x + (p.x - this.viewport.width / 2) / this.zoom, y: c.y + (p.y - this.viewport.height / 2) / this.zoom };
  }

  override screenToWorld(p: Vec): Vec {
    const f = this.frame;
    return f ? fromView(f, this.screenToView(p)) : super.screenToWorld(p);
  }

  override panBy(dxScreen: number, dyScreen: number): void {
    const f = this.frame;
    if (!f) return super.panBy(dxScreen, dyScreen);
    const d = viewDeltaToWorld(f, { x: -dxScreen / this.zoom, y: -dyScreen / this.zoom });
    this.centreOn({ x: this.x + d.x, y: this.y + d.y });
  }

  /** The floor rectangle that may show on screen (the bounding box of the screen's footprint). */
  override visibleRect(): Rect {
    const f = this.frame;
    if (!f) return super.visibleRect();
    const { width, height } = this.viewport;
    const pts = [
      { x: 0, y: 0 },
      { x: width, y: 0 },
      { x: 0, y: height + MAX_HEIGHT * this.zoom },
      { x: width, y: height + MAX_HEIGHT * this.zoom },
    ].map((p) => this.screenToWorld(p));
    const xs = pts.map((p) => p.x);
    const ys = pts.map((p) => p.y);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
  }

  override fitZoom(): number {
    const f = this.frame;
    if (!f) return super.fitZoom();
    const b = viewBounds(f, this.bounds, 2);
    const z = Math.min(this.viewport.width / (b.w * 1.04), this.viewport.height / (b.h * 1.04));
    return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
  }

  override shows(r: Rect, marginPx = 0): boolean {
    if (!this.frame) return super.shows(r, marginPx);
    const corners = [
      { x: r.x, y: r.y },
      { x: r.x + r.w, y: r.y },
      { x: r.x, y: r.y + r.h },
      { x: r.x + r.w, y: r.y + r.h },
    ].map((p) => this.worldToScreen(p));
    return corners.every((p) => p.x >= marginPx && p.y >= marginPx && p.x <= this.viewport.width - marginPx && p.y <= this.viewport.height - marginPx);
  }
}
