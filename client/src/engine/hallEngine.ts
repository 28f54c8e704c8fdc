// The hall engine: owns the Pixi scene and the per-frame loop for the current floor.
// React mounts it and renders DOM overlays; the engine reads the store with subscribe()
// and reports intents through HallCallbacks. Per-frame values never enter React state.
import { type Application, Container, UPDATE_PRIORITY } from 'pixi.js';
import type { Exhibitor } from '../../../shared/exhibitor.ts';
import { type Vec, dist, rectCentre } from '../../../shared/geometry.ts';
import { type FloorModel, buildFloorModel, clearLine } from '../../../shared/level/model.ts';
import { findWalk } from '../../../shared/level/pathfinding.ts';
import type { Level, Portal } from '../../../shared/level/schema.ts';
import { doorstep } from '../../../shared/level/stand.ts';
import { arrivalPoint } from '../../../shared/arrival.ts';
import { WALK_SPEED, checkMove, stepWithCollision } from '../../../shared/movement.ts';
import { AvatarLayer } from './avatars.ts';
import { IsoCamera } from './iso/isoCamera.ts';
import { IsoFigures } from './iso/isoFigures.ts';
import { type BoothMedia, IsoScene } from './iso/isoScene.ts';
import { boxesToFade, pointTarget } from '../../../shared/iso/fade.ts';
import { toView, type Rotation } from '../../../shared/iso/projection.ts';
import type { HallView } from './iso/viewPref.ts';
import { type FloorScene, buildFloorScene } from './floorScene.ts';
import type { FrameStats, HallApi, PlanLabel } from './hallApi.ts';
import { attachInput } from './input.ts';
import { LabelLayer, type LabelSource } from './labels.ts';
import { LogoLayer } from './logos.ts';
import { hexToNumber } from './palette.ts';
import { LayoutOverlay } from './layoutOverlay.ts';
import { Overlay } from './overlay.ts';
import type { DrawnRoute, RouteSummary } from './drawnRoute.ts';
import { RouteLayer } from './routeLayer.ts';
import { PeopleLayer } from './people.ts';
import { PlanTags, TAG_MIN_ZOOM } from './planTags.ts';
import type { PeopleDelta } from '../../../shared/protocol.ts';
import { FrameTimer } from './stats.ts';
import { FrameGaps, hideDecorations, whenIdle } from './light/frameGaps.ts';
import type { RenderSettings } from './light/lightMode.ts';
import { Walkers } from './walkers.ts';

export interface HallCallbacks {
  openStand(standId: string): void;
  usePortal(portal: Portal): void;
  hover(standId: string | null): void;
  focus(standId: string | null): void;
  escape(): void;
  /** Names for labels, in the visitor's language. */
  labels(level: Level): LabelSource;
  logoUrl(exhibitorId: string): string | null;
  /** Pictures for the 3D booths (video poster, a gallery image), as URLs; optional. */
  boothMedia?: (exhibitorId: string) => Promise<BoothMedia>;
  /** A stand clicked while the layout overlay is on: copy it instead of opening it. */
  copyStand(standId: string): void;
  /** Given only when the layout tools are unlocked: the L key toggles the overlay. */
  toggleLayout?: () => void;
  /** Gaps (ms) between frames drawn back to back while something moved: the light-mode watch. */
  frameGaps?: (gapsMs: readonly number[]) => void;
}

/** Zoom (px per metre) used when flying to a single stand. */
const STAND_ZOOM = 14;
const PORTAL_RADIUS = 1.8;

export class HallEngine implements HallApi {
  readonly camera = new IsoCamera();
  private app: Application | null = null;
  private host: HTMLElement | null = null;
  private readonly world = new Container({ label: 'world' });
  private readonly screenLayer = new Container({ label: 'screen' });
  private readonly avatars = new AvatarLayer();
  private readonly overlay = new Overlay();
  private readonly layout = new LayoutOverlay();
  private readonly pointerListeners = new Set<(p: Vec | null) => void>();
  private readonly route = new RouteLayer();
  private readonly people = new PeopleLayer();
  private readonly tags = new PlanTags();
  private readonly selfListeners = new Set<(p: Vec) => void>();
  private labels: LabelLayer | null = null;
  private logos: LogoLayer | null = null;
  private scene: FloorScene | null = null;
  private model: FloorModel | null = null;
  private exhibitors: Record<string, Exhibitor> = {};
  private names: LabelSource = { standNames: [], markerNames: [] };
  private self: Vec = { x: 0, y: 0 };
  private walkDir: Vec = { x: 0, y: 0 };
  private walk: { points: Vec[]; next: number; portal: Portal | null } | null = null;
  private insidePortal: string | null = null;
  private drawnVersion = -1;
  private sceneDirty = true;
  /** Something on screen changed since the last render. */
  private dirty = true;
  /** The next render is the first of a new floor (marked for load-time measurements). */
  private firstDraw = false;
  private hovered: string | null = null;
  private focused: string | null = null;
  private highlighted: string | null = null;
  private walkers: Walkers | null = null;
  private readonly timer = new FrameTimer();
  private readonly cameraListeners = new Set<(v: { x: number; y: number; w: number; h: number }) => void>();
  private readonly anchorListeners = new Set<(p: Vec | null) => void>();
  private disposers: (() => void)[] = [];
  /** The 3D (isometric) view: built on first use, per floor; null in the plan view. */
  private iso: IsoScene | null = null;
  private readonly figures = new IsoFigures();
  private view: HallView = 'plan';
  private rotation: Rotation = 0;
  private fadeAt: Vec | null = null;
  ready = false;
  /** Light mode's settings (lightMode.ts): decorations, animations. */
  private light: Pick<RenderSettings, 'decorations' | 'animations'> = { decorations: true, animations: true };
  private readonly gaps = new FrameGaps();

  constructor(private readonly cb: HallCallbacks) {}

  attach(app: Application, host: HTMLElement): void {
    this.app = app;
    this.host = host;
    this.labels = new LabelLayer();
    this.world.addChild(this.overlay.root, this.route.root, this.people.root, this.avatars.root);
    app.stage.addChild(this.world, this.screenLayer);
    this.screenLayer.addChild(this.labels.screenRoot, this.tags.root, this.layout.screenRoot);
    app.stage.eventMode = 'none';
    const resize = () => {
      this.camera.setViewport(app.screen.width, app.screen.height);
      this.sceneDirty = true;
      this.dirty = true;
    };
    app.renderer.on('resize', resize);
    resize();
    // Render on demand: an idle hall (nobody moving, camera still) costs no CPU or battery,
    // which matters on the weak laptops and phones many teachers use.
    app.ticker.remove(app.render, app);
    const frame = (ticker: { deltaMS: number }) => {
      this.timer.begin();
      this.timer.beginUpdate();
      this.update(Math.min(0.25, ticker.deltaMS / 1000));
      this.timer.endUpdate();
      const rendered = this.dirty;
      if (this.dirty) {
        this.dirty = false;
        app.render();
        this.timer.end();
        if (this.firstDraw) {
          this.firstDraw = false;
          performance.mark('expo:floor-drawn');
          // Names come after the first picture of the floor, once the page is idle: building
          // the font is one long task, and the hall should answer a hover before it.
          const labels = this.labels;
          this.disposers.push(
            whenIdle(() => {
              if (this.labels !== labels || !this.app) return;
              labels?.enable();
              this.sceneDirty = true;
            }),
          );
        }
      }
      // Watching for slow frames only while light mode is off (nothing to switch otherwise).
      if (this.light.animations && this.cb.frameGaps) this.gaps.tick(rendered, ticker.deltaMS, this.cb.frameGaps);
    };
    app.ticker.add(frame, undefined, UPDATE_PRIORITY.NORMAL);
    this.disposers.push(
      () => app.renderer.off('resize', resize),
      () => app.ticker.remove(frame),
      attachInput(host, {
        camera: this.camera,
        standAt: (p) => this.standAt(p),
        hover: (id) => this.cb.hover(id),
        click: (p) => this.click(p),
        setWalkDirection: (dx, dy) => {
          this.walkDir = { x: dx, y: dy };
          if (dx || dy) this.setWalk(null);
        },
        focusStep: (d) => this.focusStep(d),
        openFocused: () => {
          if (this.focused) this.cb.openStand(this.focused);
        },
        escape: () => this.cb.escape(),
        zoomBy: (f) => this.zoomBy(f),
        pointerWorld: (p) => {
          for (const fn of this.pointerListeners) fn(p);
        },
        toggleLayout: this.cb.toggleLayout,
      }),
    );
    // Q / E turn the 3D view by a quarter (by key position, so any keyboard layout works).
    const onKey = (e: KeyboardEvent) => {
      if (this.view !== '3d' || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.code === 'KeyQ' || e.code === 'KeyE') {
        e.preventDefault();
        this.rotate(e.code === 'KeyQ' ? -1 : 1);
      }
    };
    host.addEventListener('keydown', onKey);
    this.disposers.push(() => host.removeEventListener('keydown', onKey));
    this.ready = true;
  }

  detach(): void {
    for (const d of this.disposers.splice(0)) d();
    this.scene?.destroy();
    this.scene = null;
    this.destroyIso();
    this.logos?.destroy();
    this.labels?.destroy();
    this.app = null;
    this.ready = false;
  }

  /** Shows a floor. `arrival` places the avatar at a portal (walking between floors). */
  setLevel(level: Level, exhibitors: Record<string, Exhibitor>, arrival?: { portalId?: string }): void {
    this.exhibitors = exhibitors;
    const sameFloor = this.model?.level.id === level.id;
    this.model = buildFloorModel(level);
    this.names = this.cb.labels(level);
    this.scene?.destroy();
    this.logos?.destroy();
    this.scene = buildFloorScene(level, exhibitors);
    this.logos = new LogoLayer(
      (i) => {
        const s = level.stands[i];
        return s ? this.cb.logoUrl(s.exhibitor) : null;
      },
      (i) => {
        const ex = exhibitors[level.stands[i]?.exhibitor ?? ''];
        return ex ? hexToNumber(ex.colour) : 0x94a3b8;
      },
      () => (this.sceneDirty = true),
    );
    this.labels?.reset(level, this.names);
    hideDecorations(this.scene.root, !this.light.decorations);
    this.logos.root.visible = this.light.decorations;
    this.layout.setLevel(level);
    this.destroyIso();
    this.assembleWorld();
    if (!sameFloor) this.people.clear();
    this.camera.setBounds({ x: 0, y: 0, w: level.size.width, h: level.size.height });
    if (this.view === '3d') this.showIso();
    this.walkers = null;
    this.avatars.ensureOthers(0, this.camera.zoom);
    if (!sameFloor) {
      this.setWalk(null);
      // Shown at once; the floor room's welcome then places us where it decided (the same rule).
      const start = arrivalPoint(level, arrival?.portalId);
      this.self = start.at;
      this.insidePortal = start.portal;
      if (start.portal) this.camera.centreOn(this.self, Math.max(this.camera.zoom, 6));
      else this.camera.centreOn(rectCentre(this.camera.bounds), this.camera.fitZoom());
    }
    this.refreshMarks();
    this.route.set(this.routeData, level.id, this.camera.zoom);
    this.sceneDirty = true;
    if (!sameFloor) {
      performance.mark('expo:floor-built');
      this.firstDraw = true;
    }
  }

  /** Light mode (lightMode.ts renderSettings): fewer layers, no animations; applied at once. */
  setLight(settings: Pick<RenderSettings, 'decorations' | 'animations'>): void {
    this.light = { decorations: settings.decorations, animations: settings.animations };
    this.camera.animate = settings.animations;
    this.gaps.clear();
    if (this.scene) hideDecorations(this.scene.root, !settings.decorations);
    if (this.logos) this.logos.root.visible = settings.decorations;
    this.sceneDirty = true;
    this.dirty = true;
  }

  lightSettings(): { decorations: boolean; animations: boolean } {
    return { ...this.light };
  }

  /** The plan layers in drawing order (also restores them after the 3D view borrowed some). */
  private assembleWorld(): void {
    this.world.removeChildren();
    if (this.scene && this.logos) this.world.addChild(this.scene.root, this.logos.root);
    if (this.labels) this.world.addChild(this.labels.worldRoot);
    this.world.addChild(this.layout.root);
    this.world.addChild(this.overlay.root, this.route.root, this.people.root, this.avatars.root);
    this.world.visible = true;
  }

  /** Builds (if needed) and shows the 3D view; floor-level layers move onto its floor. */
  private showIso(): void {
    const model = this.model;
    const app = this.app;
    if (!model || !app) return;
    if (!this.iso) {
      const level = model.level;
      this.iso = new IsoScene(
        level,
        this.exhibitors,
        model.grid,
        this.names.standNames,
        this.rotation,
        (i) => (level.stands[i] ? this.cb.logoUrl(level.stands[i]!.exhibitor) : null),
        () => (this.sceneDirty = true),
        (i) => {
          const s = level.stands[i];
          return s && this.cb.boothMedia ? this.cb.boothMedia(s.exhibitor) : null;
        },
      );
      app.stage.addChildAt(this.iso.root, 0);
    }
    this.iso.ground.addChild(this.layout.root, this.overlay.root, this.route.root);
    this.iso.root.visible = true;
    this.world.visible = false;
    if (this.labels) this.labels.worldRoot.visible = false;
    this.camera.setIso(this.iso.frame);
    this.fadeAt = null;
    this.refreshMarks();
    this.sceneDirty = true;
  }

  private destroyIso(): void {
    if (!this.iso) return;
    // The borrowed plan layers go back before the 3D scene is destroyed with its children.
    this.assembleWorld();
    this.figures.clear();
    this.iso.destroy();
    this.iso = null;
  }

  /** Switches between the plan and the 3D view; the camera keeps its target and zoom. */
  setView(view: HallView): void {
    if (view === this.view) return;
    this.view = view;
    if (view === '3d') this.showIso();
    else {
      this.assembleWorld();
      if (this.iso) this.iso.root.visible = false;
      if (this.labels) this.labels.worldRoot.visible = true;
      this.camera.setIso(null);
      this.refreshMarks();
    }
    this.sceneDirty = true;
    this.dirty = true;
  }

  currentView(): HallView {
    return this.view;
  }

  /** Turns the 3D view by quarter turns; the focused stand (else the view centre) stays in view. */
  rotate(quarters: number): void {
    if (!this.iso) return;
    this.rotation = ((((this.rotation + quarters) % 4) + 4) % 4) as Rotation;
    this.iso.setRotation(this.rotation);
    this.camera.setIso(this.iso.frame);
    const focused = this.stand(this.focused) ?? this.stand(this.hovered);
    if (focused && !this.camera.shows(focused, 40)) this.camera.centreOn(rectCentre(focused));
    this.fadeAt = null;
    this.refreshMarks();
    this.sceneDirty = true;
  }

  currentRotation(): Rotation {
    return this.rotation;
  }

  /** Booths in front of the avatar, the focused or highlighted stand fade (3D view). */
  private refreshFade(): void {
    const iso = this.iso;
    if (!iso) return;
    const targets = [pointTarget(this.self)];
    for (const s of [this.stand(this.focused), this.stand(this.highlighted)]) if (s) targets.push({ rect: s, height: 3 });
    iso.setFaded(new Set(boxesToFade(iso.frame, iso.boxes(), targets)));
    this.fadeAt = this.self;
  }

  /** Re-reads hover/focus/highlight from the store; cheap, called on store changes. */
  setMarks(marks: { hovered: string | null; focused: string | null; highlighted: string | null }): void {
    this.hovered = marks.hovered;
    this.focused = marks.focused;
    this.highlighted = marks.highlighted;
    this.refreshMarks();
  }

  setNames(names: LabelSource): void {
    this.names = names;
    this.iso?.setNames(names.standNames);
    if (this.model) this.labels?.reset(this.model.level, names);
    this.sceneDirty = true;
  }

  private stand(id: string | null) {
    if (!id || !this.model) return null;
    const i = this.model.standIndex.get(id);
    return i === undefined ? null : this.model.level.stands[i]!;
  }

  private refreshMarks(): void {
    const z = this.camera.zoom;
    // The focused and highlighted stands' labels take precedence in the placement.
    this.sceneDirty = true;
    this.overlay.setHover(this.stand(this.hovered));
    this.overlay.setFocus(this.stand(this.focused), z);
    this.overlay.setHighlight(this.stand(this.highlighted), z);
    if (this.iso && this.view === '3d') {
      const idx = (id: string | null) => (id ? (this.model?.standIndex.get(id) ?? -1) : -1);
      this.iso.setMarks(idx(this.hovered), idx(this.focused), idx(this.highlighted));
      this.refreshFade();
    }
    this.emitAnchor();
    this.dirty = true;
  }

  private standAt(p: Vec): string | null {
    if (!this.model) return null;
    // In 3D the booth drawn under the pointer wins, fascia and walls included.
    const i = this.iso && this.view === '3d' ? this.iso.pick(this.camera.screenToView(this.camera.worldToScreen(p))) : this.model.grid.at(p.x, p.y);
    return i < 0 ? null : this.model.level.stands[i]!.id;
  }

  private portalAt(p: Vec, radius = PORTAL_RADIUS): Portal | null {
    if (!this.model) return null;
    return this.model.level.portals.find((q) => dist(q, p) <= radius) ?? null;
  }

  private click(p: Vec): void {
    const standId = this.standAt(p);
    if (standId && this.layout.on) {
      this.cb.copyStand(standId);
      return;
    }
    if (standId) {
      this.cb.focus(standId);
      this.cb.openStand(standId);
      return;
    }
    const portal = this.portalAt(p, Math.max(PORTAL_RADIUS, 14 / this.camera.zoom));
    if (portal) {
      this.walkTo(portal, portal);
      return;
    }
    this.walkTo(p, null);
  }

  private walkTo(target: Vec, portal: Portal | null): boolean {
    const model = this.model;
    if (!model) return false;
    const w = findWalk(model.graph, this.self, target, (a, b) => clearLine(model, a, b));
    if (!w) return false;
    this.setWalk({ points: w.points, next: 1, portal });
    return true;
  }

  private setWalk(walk: HallEngine['walk']): void {
    this.walk = walk;
    this.overlay.setPath(walk ? [this.self, ...walk.points.slice(walk.next)] : [], this.camera.zoom);
  }

  private focusStep(delta: 1 | -1): boolean {
    const model = this.model;
    if (!model || model.tabOrder.length === 0) return false;
    const order = model.tabOrder;
    const cur = this.focused ? order.indexOf(model.standIndex.get(this.focused) ?? -1) : -1;
    const next = cur === -1 ? (delta === 1 ? 0 : order.length - 1) : cur + delta;
    if (next < 0 || next >= order.length) {
      this.cb.focus(null);
      return false;
    }
    const s = model.level.stands[order[next]!]!;
    this.cb.focus(s.id);
    if (!this.camera.shows(s, 40)) {
      this.camera.flyTo(rectCentre(s), Math.max(this.camera.zoom, 6), 0.35);
    }
    return true;
  }

  private update(dt: number): void {
    const model = this.model;
    if (!model) return;
    if (this.camera.step(dt)) this.dirty = true;
    const before = this.self;
    this.moveSelf(dt);
    if (before !== this.self) {
      this.dirty = true;
      for (const fn of this.selfListeners) fn(this.self);
    }
    if (this.people.step(dt)) this.dirty = true;
    if (this.walkers) {
      this.dirty = true;
      this.walkers.step(dt);
      const w = this.walkers;
      for (let i = 0; i < w.count; i++) this.avatars.setOther(i, w.x[i]!, w.y[i]!, w.tint[i]!);
    }
    this.avatars.setSelf(this.self);
    // The highlight's pulse is an animation: light mode keeps it still.
    if (this.light.animations && this.overlay.tick(dt)) this.dirty = true;
    if (this.iso && this.view === '3d') {
      // Name tags keep clear of the landmark and portal labels; light mode draws none.
      if (this.dirty || this.walkers) {
        const avoid = this.labels?.shownLabels().map((l) => l.box) ?? [];
        this.figures.sync(this.iso, [this.people.root, this.avatars.root], dt, this.camera.zoom, { on: this.light.decorations, avoid });
      }
      if (!this.fadeAt || dist(this.fadeAt, this.self) > 0.75) this.refreshFade();
    }
    if (this.camera.version !== this.drawnVersion || this.sceneDirty) {
      this.redrawView();
      this.dirty = true;
    } else if (!this.dirty && this.labels) {
      // An idle frame: prepare labels around the view for the next pan.
      this.labels.prebuild(model.level, model.grid, this.names, this.camera.zoom, this.camera.visibleRect());
    }
    if (this.dirty) this.placeTags();
  }

  /** Visitors' name tags on the plan, after its labels (planTags.ts); none in 3D or light mode. */
  private placeTags(): void {
    const cam = this.camera;
    const on = this.view === 'plan' && this.light.decorations && (this.labels?.enabled ?? false) && this.people.count > 0 && cam.zoom >= TAG_MIN_ZOOM;
    const taken = on ? (this.labels?.shownLabels().map((l) => l.box) ?? []) : [];
    this.tags.update(this.people, cam, this.self, taken, on ? this.route.obstacles((p) => cam.worldToScreen(p), cam.zoom) : [], on);
  }

  private moveSelf(dt: number): void {
    const model = this.model!;
    const before = this.self;
    if (this.walkDir.x || this.walkDir.y) {
      const len = Math.hypot(this.walkDir.x, this.walkDir.y);
      const step = (WALK_SPEED * dt) / len;
      this.self = stepWithCollision(model.level, model.grid, this.self, this.walkDir.x * step, this.walkDir.y * step);
      this.keepInView(0.3);
    } else if (this.walk) {
      let budget = WALK_SPEED * dt;
      const walk = this.walk;
      while (budget > 0 && walk.next < walk.points.length) {
        const target = walk.points[walk.next]!;
        const d = dist(this.self, target);
        if (d <= budget) {
          this.self = target;
          budget -= d;
          walk.next++;
        } else {
          this.self = { x: this.self.x + ((target.x - this.self.x) / d) * budget, y: this.self.y + ((target.y - this.self.y) / d) * budget };
          budget = 0;
        }
      }
      this.overlay.setPath([this.self, ...walk.points.slice(walk.next)], this.camera.zoom);
      this.keepInView(0.15);
      if (walk.next >= walk.points.length) {
        this.setWalk(null);
        if (walk.portal) {
          this.cb.usePortal(walk.portal);
          return;
        }
      }
    }
    if (before === this.self) return;
    // The floor room's own rule: a position it would refuse is never shown (nor sent).
    if (!checkMove(model.level, model.grid, before, this.self, dt).ok) {
      this.self = before;
      if (this.walk) this.setWalk(null);
      return;
    }
    // Walking into a portal freely uses it; standing on one after arriving does not.
    const portal = this.portalAt(this.self, 1.2);
    if (portal && portal.id !== this.insidePortal && !this.walk) {
      this.insidePortal = portal.id;
      this.cb.usePortal(portal);
    } else if (!portal) this.insidePortal = null;
  }

  /** Pans so the avatar stays inside the central part of the screen. */
  private keepInView(margin: number): void {
    const p = this.camera.worldToScreen(this.self);
    const { width, height } = this.camera.viewport;
    const mx = width * margin;
    const my = height * margin;
    const dx = p.x < mx ? p.x - mx : p.x > width - mx ? p.x - (width - mx) : 0;
    const dy = p.y < my ? p.y - my : p.y > height - my ? p.y - (height - my) : 0;
    if (dx || dy) this.camera.panBy(-dx, -dy);
  }

  private redrawView(): void {
    const model = this.model!;
    const cam = this.camera;
    this.world.scale.set(cam.zoom);
    this.world.position.set(cam.viewport.width / 2 - cam.x * cam.zoom, cam.viewport.height / 2 - cam.y * cam.zoom);
    const view = cam.visibleRect();
    if (this.iso && this.view === '3d' && cam.frame) {
      const c = toView(cam.frame, { x: cam.x, y: cam.y });
      this.iso.root.scale.set(cam.zoom);
      this.iso.root.position.set(cam.viewport.width / 2 - c.x * cam.zoom, cam.viewport.height / 2 - c.y * cam.zoom);
      this.iso.update(cam.zoom, view, this.labels?.enabled ?? false);
    }
    const zoomChanged = this.lastZoom !== cam.zoom;
    this.lastZoom = cam.zoom;
    const idx = (id: string | null) => (id ? (model.standIndex.get(id) ?? -1) : -1);
    // The plan's names and logos are laid out only while the plan is shown.
    const plan = this.view === 'plan';
    const obstacles = plan ? this.route.obstacles((p) => cam.worldToScreen(p), cam.zoom) : [];
    this.labels?.update(model.level, model.grid, this.names, cam, view, { focused: idx(this.focused), highlighted: idx(this.highlighted), stands: plan, obstacles });
    this.layout.update(cam, view);
    const labels = this.labels;
    // Light mode shows no logos (nor downloads them): names carry the stands.
    if (plan && this.light.decorations) this.logos?.update(model.grid, cam.zoom, view, (i) => labels?.logoBox(i) ?? null);
    if (zoomChanged) {
      this.avatars.setZoom(cam.zoom);
      this.people.setZoom(cam.zoom, Math.max(1.3, 16 / cam.zoom));
      this.overlay.setFocus(this.stand(this.focused), cam.zoom);
      this.overlay.setHighlight(this.stand(this.highlighted), cam.zoom);
      if (this.walk) this.overlay.setPath([this.self, ...this.walk.points.slice(this.walk.next)], cam.zoom);
      this.route.setZoom(cam.zoom);
    }
    this.drawnVersion = cam.version;
    // Labels left over by the per-frame build budget are built on the next frames.
    this.sceneDirty = (this.labels?.pending ?? false) || (this.logos?.pending ?? false) || (this.iso?.pending ?? false);
    for (const fn of this.cameraListeners) fn(view);
    this.emitAnchor();
  }

  private lastZoom = 0;

  private emitAnchor(): void {
    if (this.anchorListeners.size === 0) return;
    const s = this.stand(this.hovered) ?? this.stand(this.focused);
    const p = s ? (this.view === '3d' && this.iso ? this.boothPoint(s.id, 'top') : this.camera.worldToScreen({ x: s.x + s.w / 2, y: s.y })) : null;
    for (const fn of this.anchorListeners) fn(p);
  }

  // ---- HallApi -------------------------------------------------------------------------

  flyToStand(standId: string, opts: { zoomIn?: boolean; onlyIfHidden?: boolean } = {}): void {
    const s = this.stand(standId);
    if (!s) return;
    if (opts.onlyIfHidden && this.camera.shows(s, 0) && s.w * this.camera.zoom >= 24) return;
    const zoom = opts.zoomIn === false ? this.camera.zoom : Math.max(this.camera.zoom, STAND_ZOOM);
    this.camera.flyTo(rectCentre(s), zoom, 0.8);
  }

  walkToStand(standId: string): void {
    const s = this.stand(standId);
    if (s) this.walkTo(doorstep(s), null);
  }

  zoomBy(factor: number): void {
    const { width, height } = this.camera.viewport;
    this.camera.zoomAt(factor, { x: width / 2, y: height / 2 });
  }

  fitFloor(): void {
    this.camera.flyTo(rectCentre(this.camera.bounds), this.camera.fitZoom(), 0.5);
  }

  centreOnAvatar(): void {
    this.camera.flyTo(this.self, Math.max(this.camera.zoom, 8), 0.5);
  }

  standScreenPoint(standId: string): Vec | null {
    const s = this.stand(standId);
    return s ? this.camera.worldToScreen(rectCentre(s)) : null;
  }

  worldToScreen(p: Vec): Vec {
    return this.camera.worldToScreen(p);
  }

  /** A point of a stand's drawn booth on screen: its fascia (name board), floor centre or top. */
  boothPoint(standId: string, part: 'fascia' | 'floor' | 'top'): Vec | null {
    const s = this.stand(standId);
    const i = s ? this.model?.standIndex.get(standId) : undefined;
    if (!s || i === undefined) return null;
    if (!this.iso || this.view !== '3d' || part === 'floor') return this.camera.worldToScreen(rectCentre(s));
    const f = this.iso.fascia(i);
    if (part === 'fascia') return this.camera.worldToScreenAt(f.p, f.z);
    // The top of the booth's outline: where a popup anchors above it.
    const pts = [
      { x: s.x, y: s.y },
      { x: s.x + s.w, y: s.y },
      { x: s.x, y: s.y + s.h },
      { x: s.x + s.w, y: s.y + s.h },
    ].map((p) => this.camera.worldToScreenAt(p, f.z + 0.3));
    const top = pts.reduce((a, b) => (b.y < a.y ? b : a));
    return { x: pts.reduce((a, b) => a + b.x, 0) / 4, y: top.y };
  }

  moveCameraTo(p: Vec): void {
    this.camera.centreOn(p);
  }

  focusCanvas(): void {
    this.host?.focus({ preventScroll: true });
  }

  avatarPosition(): Vec {
    return { ...this.self };
  }

  onCamera(fn: (v: { x: number; y: number; w: number; h: number }) => void): () => void {
    this.cameraListeners.add(fn);
    fn(this.camera.visibleRect());
    return () => this.cameraListeners.delete(fn);
  }

  onAnchor(fn: (p: Vec | null) => void): () => void {
    this.anchorListeners.add(fn);
    this.emitAnchor();
    return () => this.anchorListeners.delete(fn);
  }

  applyPeople(delta: PeopleDelta): void {
    this.people.apply(delta);
    this.dirty = true;
  }

  clearPeople(): void {
    this.people.clear();
    this.dirty = true;
  }

  /** The server placed us (welcome, resume, or a refused move). */
  placeSelf(p: Vec): void {
    const walk = this.walk;
    const moved = dist(p, this.self) > 0.5;
    this.self = { ...p };
    // A walk in progress goes on from where the server put us, planned again from there: the
    // floor room's welcome may come after the first click (its SDK loads after the first draw).
    // Once per walk: a server that refuses the way again stops it, as before.
    if (walk && moved) {
      const target = walk.points[walk.points.length - 1];
      if (walk === this.replanned || !target || !this.walkTo(target, walk.portal)) this.setWalk(null);
      else this.replanned = this.walk;
    }
    this.dirty = true;
  }

  private replanned: HallEngine['walk'] = null;

  onSelfMove(fn: (p: Vec) => void): () => void {
    this.selfListeners.add(fn);
    return () => this.selfListeners.delete(fn);
  }

  walkToPoint(p: Vec): void {
    this.walkTo(p, null);
  }

  private routeData: DrawnRoute | null = null;

  setRoute(route: DrawnRoute | null): void {
    this.routeData = route;
    this.route.set(route, this.model?.level.id ?? null, this.camera.zoom);
    // The plan's labels are placed again around the new stops.
    this.sceneDirty = true;
    this.dirty = true;
  }

  planLabels(): PlanLabel[] {
    if (this.view !== 'plan' || !this.labels || !this.model) return [];
    const stands = this.model.level.stands;
    const labels: PlanLabel[] = this.labels.shownLabels().map((l) => ({ kind: l.kind, text: l.text, standId: l.kind === 'marker' ? null : stands[l.index]!.id, ...l.box }));
    return [...labels, ...this.tags.shown().map((t): PlanLabel => ({ kind: 'tag', text: t.text, standId: null, ...t.box }))];
  }

  routeSummary(): RouteSummary {
    return this.route.summary();
  }

  walkToPortal(portalId: string): boolean {
    const portal = this.model?.level.portals.find((p) => p.id === portalId);
    return portal ? this.walkTo(portal, portal) : false;
  }

  walkTarget(): Vec | null {
    const last = this.walk?.points[this.walk.points.length - 1];
    return last ? { ...last } : null;
  }

  peopleCount(): number {
    return this.people.count;
  }

  peopleSnapshot(): { id: number; name: string; x: number; y: number }[] {
    return this.people.snapshot();
  }

  settled(): boolean {
    return !this.camera.flying;
  }

  shownFloor(): string | null {
    return this.model?.level.id ?? null;
  }

  stats(): FrameStats {
    return {
      ...this.timer.summary(),
      displayObjects: countObjects(this.app?.stage ?? null),
    };
  }

  resetStats(): void {
    this.timer.reset();
  }

  /** Organisers' grid, ids and coordinates over the floor (see layoutOverlay.ts). */
  setLayoutOverlay(on: boolean): void {
    if (on === this.layout.on) return;
    this.layout.setOn(on);
    this.sceneDirty = true;
    this.dirty = true;
  }

  onPointerWorld(fn: (p: Vec | null) => void): () => void {
    this.pointerListeners.add(fn);
    return () => this.pointerListeners.delete(fn);
  }

  spawnWalkers(n: number): void {
    if (!this.model) return;
    this.walkers = n > 0 ? new Walkers(this.model.graph, n) : null;
    this.avatars.ensureOthers(n, this.camera.zoom);
  }
}

/** Objects that are drawn: visible ones and their visible children. */
function countObjects(root: Container | null): number {
  if (!root || !root.visible) return 0;
  let n = 1;
  for (const c of root.children) n += countObjects(c as Container);
  return n;
}
