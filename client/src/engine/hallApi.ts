// What the rest of the client may ask of the hall engine. Kept free of Pixi imports so the
// UI shell and actions load before (and without) the lazily loaded canvas chunk.
import type { Vec } from '../../../shared/geometry.ts';
import type { PeopleDelta } from '../../../shared/protocol.ts';
import type { DrawnRoute, RouteSummary } from './drawnRoute.ts';

export interface FrameStats {
  frames: number;
  /** Our per-frame work (update + scene preparation + render submission), ms. */
  medianMs: number;
  p95Ms: number;
  updateP95Ms: number;
  displayObjects: number;
}

/** A label drawn on the plan, in CSS pixels relative to the hall element (tests); 'tag': a visitor's name. */
export interface PlanLabel {
  kind: 'name' | 'number' | 'marker' | 'tag';
  text: string;
  standId: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface HallApi {
  flyToStand(standId: string, opts?: { zoomIn?: boolean; onlyIfHidden?: boolean }): void;
  walkToStand(standId: string): void;
  zoomBy(factor: number): void;
  fitFloor(): void;
  centreOnAvatar(): void;
  /** Centre of a stand on screen, in CSS pixels relative to the hall element (tests, popups). */
  standScreenPoint(standId: string): Vec | null;
  worldToScreen(p: Vec): Vec;
  moveCameraTo(p: Vec): void;
  focusCanvas(): void;
  avatarPosition(): Vec;
  /** Subscribes to camera changes (minimap); returns an unsubscribe. */
  onCamera(fn: (view: { x: number; y: number; w: number; h: number }) => void): () => void;
  /** Subscribes to the hovered stand's anchor on screen (popup placement). */
  onAnchor(fn: (p: Vec | null) => void): () => void;
  /** No camera flight in progress (tests wait for this before pointing at stands). */
  settled(): boolean;
  /** Id of the floor on screen, once its scene is built. */
  shownFloor(): string | null;
  stats(): FrameStats;
  /** Other visitors near the view, as the presence server reports them. */
  applyPeople(delta: PeopleDelta): void;
  clearPeople(): void;
  placeSelf(p: Vec): void;
  onSelfMove(fn: (p: Vec) => void): () => void;
  walkToPoint(p: Vec): void;
  /** Other visitors currently drawn (tests). */
  peopleCount(): number;
  peopleSnapshot(): { id: number; name: string; x: number; y: number }[];
  resetStats(): void;
  /** Benchmark only: n walkers moving along the alleys, drawn like other visitors. */
  spawnWalkers(n: number): void;
  /** The planned personal route, drawn on every floor it touches (null hides it). */
  setRoute(route: DrawnRoute | null): void;
  /** Names, booth numbers and landmark labels shown on the plan (empty in the 3D view). */
  planLabels(): PlanLabel[];
  /** What of the route is drawn on the floor shown (tests). */
  routeSummary(): RouteSummary;
  /** Walks to a portal of the floor shown and takes it; false when there is no way. */
  walkToPortal(portalId: string): boolean;
  /** Where the walk in progress ends, or null when the avatar is not walking a path. */
  walkTarget(): Vec | null;
  /** Organisers' layout overlay: 10 m grid, coordinates and ids (clicks copy stands). */
  setLayoutOverlay(on: boolean): void;
  /** The world point under the mouse, null once it leaves the hall; returns an unsubscribe. */
  onPointerWorld(fn: (p: Vec | null) => void): () => void;
  /** The plan or the 3D (isometric) view; switching keeps the camera's target. */
  setView(view: 'plan' | '3d'): void;
  currentView(): 'plan' | '3d';
  /** Turns the 3D view by quarter turns (negative: anticlockwise). */
  rotate(quarters: number): void;
  currentRotation(): number;
  /** A point of a stand's drawn booth on screen (3D: its fascia, floor centre or top). */
  boothPoint(standId: string, part: 'fascia' | 'floor' | 'top'): Vec | null;
  ready: boolean;
}

let current: HallApi | null = null;

export function setHall(api: HallApi | null): void {
  current = api;
}

export function hall(): HallApi | null {
  return current;
}
