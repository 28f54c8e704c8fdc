// The isometric picture of one floor: the hall floor and alleys, outer walls, booths derived
// from the stands (shared/iso/booth.ts), landmarks and portals as simple objects, names on
// the fascias. Objects are positioned in view units (shared/iso/projection.ts); the engine
// scales and moves `root` with the camera. Booths far away collapse into one tile drawing.
import { BitmapText, Container, Graphics, GraphicsContext, Matrix, Sprite, TilingSprite } from 'pixi.js';
import type { Exhibitor } from '../../../../shared/exhibitor.ts';
import type { Rect, Vec } from '../../../../shared/geometry.ts';
import { type Booth, deriveBooth } from '../../../../shared/iso/booth.ts';
import { paintersOrder, pointRank } from '../../../../shared/iso/depth.ts';
import { type IsoFrame, KZ, type Rotation, boxOutline, fromView, insideConvex, rotatedRect, toView } from '../../../../shared/iso/projection.ts';
import type { Level, Side } from '../../../../shared/level/schema.ts';
import type { StandGrid } from '../../../../shared/level/spatial.ts';
import { PALETTE, floorColour, hexToNumber, mix } from '../palette.ts';
import { patternTexture } from '../floorScene.ts';
import { imageTexture, logoTexture } from '../logos.ts';

/** Pictures a booth shows in the 3D view: the video's poster on its screen, a gallery image on a roll-up banner. */
export interface BoothMedia {
  poster: string | null;
  banner: string | null;
}
import { type BoothShape, type RotSide, box, drawBooth, drawTile, shapeKey } from './boothArt.ts';
import { drawLandmark, drawPortal } from './landmarkArt.ts';

/** Below this zoom (px per view unit) booths are drawn as tiles. */
export const TILE_ZOOM = 4;
/** Back-wall logos: side in metres at most, shown from this many px, loads started per frame. */
const WALL_LOGO = 1.1;
const FASCIA_LOGO = 0.56;
const MIN_LOGO_PX = 10;
const LOGO_LOADS = 3;
/** Posters and banners show from this zoom; booths asked for their media per frame. */
const MEDIA_ZOOM = 10;
const MEDIA_ASKS = 2;
/** A name shows once its letters are at least this tall on screen (px). */
const MIN_LETTER_PX = 7;
const NAME_BUDGET = 6;
const FONT = 'ExpoLabelBold';
const HALL_WALL = 3.2;

const OPPOSITE_SIDE: Record<Side, Side> = { north: 'south', south: 'north', east: 'west', west: 'east' };
const DIR: Record<Side, Vec> = { north: { x: 0, y: -1 }, south: { x: 0, y: 1 }, east: { x: 1, y: 0 }, west: { x: -1, y: 0 } };

export function rotSide(rotation: Rotation, side: Side): RotSide {
  const { x, y } = DIR[side];
  const r = [
    { x, y },
    { x: -y, y: x },
    { x: -x, y: -y },
    { x: y, y: -x },
  ][rotation]!;
  return r.x > 0.5 ? 'x1' : r.x < -0.5 ? 'x0' : r.y > 0.5 ? 'y1' : 'y0';
}

interface Item {
  rect: Rect;
  height: number;
  view: Graphics;
}

export class IsoScene {
  readonly root = new Container({ label: 'iso' });
  /** Drawn on the floor in world metres (the engine puts the route and marks here). */
  readonly ground = new Container({ label: 'iso-ground' });
  /** Depth-sorted objects: booths, landmarks and the figures the engine adds. */
  readonly objects = new Container({ label: 'iso-objects', sortableChildren: true });
  private readonly groundArt = new Graphics();
  private readonly alleyArt = new Graphics();
  private floorTexture: TilingSprite | null = null;
  /** Logos on the back walls, by stand index; created when a booth is first shown close up. */
  private readonly logos = new Map<number, Sprite>();
  /** Poster and banner sprites per stand; the media are asked for once a booth is seen close up. */
  private readonly mediaAsked = new Map<number, BoothMedia | 'asking'>();
  private readonly pictures = new Map<number, { poster?: Sprite; banner?: Sprite }>();
  private readonly farWalls = new Graphics();
  private readonly nearWalls = new Graphics();
  private readonly tiles = new Graphics();
  private readonly names = new Container({ label: 'iso-names' });
  private readonly marks = new Graphics();
  readonly booths: Booth[];
  private readonly colours: number[];
  private readonly items: Item[] = [];
  private readonly contexts = new Map<string, GraphicsContext>();
  private rank = new Int32Array(0);
  private readonly labels = new Map<number, BitmapText>();
  private shown = new Set<number>();
  private tileMode: boolean | null = null;
  frame: IsoFrame;
  /** Some names were left for the next frame by the build budget. */
  pending = false;

  constructor(
    private readonly level: Level,
    exhibitors: Record<string, Exhibitor>,
    private readonly grid: StandGrid,
    private standNames: string[],
    rotation: Rotation,
    private readonly logoUrl: (standIndex: number) => string | null = () => null,
    private readonly onLogo: () => void = () => {},
    private readonly media: (standIndex: number) => Promise<BoothMedia> | null = () => null,
  ) {
    this.root.eventMode = 'none';
    this.frame = { rotation, width: level.size.width, height: level.size.height };
    const near: number[] = [];
    this.booths = level.stands.map((s, i) => {
      grid.query({ x: s.x - 1, y: s.y - 1, w: s.w + 2, h: s.h + 2 }, near);
      return deriveBooth(level, i, near.map((j) => level.stands[j]!));
    });
    this.colours = level.stands.map((s) => {
      const ex = exhibitors[s.exhibitor];
      return ex ? hexToNumber(ex.colour) : 0x94a3b8;
    });
    // The floor's material (parquet, carpet, concrete, marble) as on the plan, under the alleys.
    const { width, height } = level.size;
    const pattern = patternTexture(level.background.style, floorColour(level.background));
    this.floorTexture = new TilingSprite({ texture: pattern, width: width * 16, height: height * 16 });
    this.floorTexture.scale.set(1 / 16);
    this.ground.addChild(this.groundArt, this.floorTexture, this.alleyArt);
    this.root.addChild(this.ground, this.farWalls, this.tiles, this.objects, this.nearWalls, this.names, this.marks);
    for (const s of level.stands) {
      const view = new Graphics();
      view.visible = false;
      this.items.push({ rect: s, height: this.booths[this.items.length]!.height, view });
      this.objects.addChild(view);
    }
    for (const l of level.landmarks) this.addObject({ x: l.x - 1.6, y: l.y - 1.6, w: 3.2, h: 3.2 }, 2.2, (g) => drawLandmark(g, l.kind));
    for (const p of level.portals) this.addObject({ x: p.x - 1.5, y: p.y - 1.5, w: 3, h: 3 }, 3, (g) => drawPortal(g, p.kind));
    this.setRotation(rotation);
  }

  private readonly objectArt: ((g: GraphicsContext, w: number, d: number) => void)[] = [];

  private addObject(rect: Rect, height: number, draw: (g: GraphicsContext, w: number, d: number) => void): void {
    const view = new Graphics();
    this.items.push({ rect, height, view });
    this.objectArt.push(draw);
    this.objects.addChild(view);
  }

  /** Turns the floor a quarter at a time; rebuilds positions, shapes and the drawing order. */
  setRotation(rotation: Rotation): void {
    this.frame = { ...this.frame, rotation };
    const f = this.frame;
    const o = toView(f, { x: 0, y: 0 });
    const ex = toView(f, { x: 1, y: 0 });
    const ey = toView(f, { x: 0, y: 1 });
    this.ground.setFromMatrix(new Matrix(ex.x - o.x, ex.y - o.y, ey.x - o.x, ey.y - o.y, o.x, o.y));
    this.drawGround();
    this.drawHallWalls();
    const order = paintersOrder(f, this.items);
    this.rank = new Int32Array(this.items.length);
    order.forEach((i, k) => (this.rank[i] = k));
    const n = this.level.stands.length;
    this.tiles.clear();
    for (const i of order) {
      const it = this.items[i]!;
      const q = rotatedRect(f, it.rect);
      const corner = { x: (q.x0 - q.y0) * Math.SQRT1_2, y: ((q.x0 + q.y0) * Math.SQRT1_2) / 2 };
      it.view.position.set(corner.x, corner.y);
      it.view.zIndex = this.rank[i]!;
      if (i < n) {
        const b = this.booths[i]!;
        const shape: BoothShape = {
          w: round(q.x1 - q.x0),
          d: round(q.y1 - q.y0),
          height: b.height,
          colour: this.colours[i]!,
          walls: b.walls.map((s) => rotSide(rotation, s)),
          entrance: rotSide(rotation, b.entrance),
          screen: b.screen,
        };
        const key = shapeKey(shape);
        let ctx = this.contexts.get(key);
        if (!ctx) {
          ctx = drawBooth(shape);
          this.contexts.set(key, ctx);
        }
        it.view.context = ctx;
        drawTile(this.tiles.context, corner.x, corner.y, shape.w, shape.d, shape.colour);
      } else {
        const ctx = new GraphicsContext();
        this.objectArt[i - n]!(ctx, q.x1 - q.x0, q.y1 - q.y0);
        const old = it.view.context;
        it.view.context = ctx;
        if (old !== ctx) old.destroy();
      }
    }
    for (const [i, t] of this.labels) this.placeName(i, t);
    for (const [i, s] of this.logos) this.placeLogo(i, s);
    for (const [i, pics] of this.pictures) {
      if (pics.poster) this.placePicture(i, 'poster', pics.poster);
      if (pics.banner) this.placePicture(i, 'banner', pics.banner);
    }
    this.tileMode = null;
  }

  private drawGround(): void {
    const { width, height } = this.level.size;
    const g = this.groundArt.clear();
    g.rect(-1.5, -1.5, width + 3, height + 3).fill(PALETTE.wall);
    g.rect(0, 0, width, height).fill(floorColour(this.level.background));
    const al = this.alleyArt.clear();
    for (const a of this.level.alleys) {
      const [first, ...rest] = a.points;
      if (!first) continue;
      al.moveTo(first[0], first[1]);
      for (const [x, y] of rest) al.lineTo(x, y);
      al.stroke({ width: a.width, color: PALETTE.alley, cap: 'square', join: 'miter' });
    }
  }

  /** The two far hall walls stand tall; the two near ones are a low rail that hides nothing. */
  private drawHallWalls(): void {
    const f = this.frame;
    const q = rotatedRect(f, { x: 0, y: 0, w: f.width, h: f.height });
    const colour = 0xcbd5e1;
    const far = this.farWalls.clear().context;
    box(far, q.x0 - 0.4, q.y0 - 0.4, q.x1, q.y0, 0, HALL_WALL, colour);
    box(far, q.x0 - 0.4, q.y0, q.x0, q.y1, 0, HALL_WALL, colour);
    const near = this.nearWalls.clear().context;
    box(near, q.x0 - 0.4, q.y1, q.x1 + 0.4, q.y1 + 0.4, 0, 0.5, mix(colour, 0x000000, 0.1));
    box(near, q.x1, q.y0 - 0.4, q.x1 + 0.4, q.y1, 0, 0.5, mix(colour, 0x000000, 0.1));
  }

  /** Culling, level of detail and names for the current view. */
  update(zoom: number, view: Rect, namesOn: boolean): void {
    const tileMode = zoom < TILE_ZOOM;
    const n = this.level.stands.length;
    if (tileMode !== this.tileMode) {
      this.tileMode = tileMode;
      this.tiles.visible = tileMode;
      for (const i of this.shown) this.items[i]!.view.visible = false;
      this.shown.clear();
      for (let i = n; i < this.items.length; i++) this.items[i]!.view.visible = true;
    }
    const want = new Set<number>(tileMode ? [] : this.grid.query(view));
    for (const i of this.shown) if (!want.has(i)) this.items[i]!.view.visible = false;
    for (const i of want) this.items[i]!.view.visible = true;
    this.shown = want;
    this.updateNames(zoom, view, namesOn);
    this.updateLogos(zoom, want);
    this.updateMedia(zoom, want);
  }

  /** Posters on the screens and roll-up banners of the larger booths shown close up. */
  private updateMedia(zoom: number, shown: ReadonlySet<number>): void {
    const close = zoom >= MEDIA_ZOOM;
    let asks = MEDIA_ASKS;
    for (const i of close ? shown : []) {
      if (!this.booths[i]!.screen) continue;
      const known = this.mediaAsked.get(i);
      if (known === undefined) {
        if (asks-- <= 0) {
          this.pending = true;
          continue;
        }
        const p = this.media(i);
        if (!p) continue;
        this.mediaAsked.set(i, 'asking');
        p.then(
          (m) => {
            this.mediaAsked.set(i, m);
            this.onLogo();
          },
          () => this.mediaAsked.set(i, { poster: null, banner: null }),
        );
        continue;
      }
      if (known === 'asking') continue;
      const pics = this.pictures.get(i) ?? {};
      this.pictures.set(i, pics);
      for (const kind of ['poster', 'banner'] as const) {
        const url = known[kind];
        if (!url || pics[kind]) continue;
        const [tw, th] = kind === 'poster' ? [256, 144] : [96, 240];
        const t = imageTexture(url, tw, th, this.onLogo);
        if (typeof t === 'string') continue;
        const s = new Sprite(t);
        pics[kind] = s;
        this.objects.addChild(s);
        this.placePicture(i, kind, s);
      }
    }
    for (const [i, pics] of this.pictures) {
      const on = close && shown.has(i);
      if (pics.poster) pics.poster.visible = on;
      if (pics.banner) pics.banner.visible = on;
    }
  }

  /** Maps a poster onto the booth's screen (as drawn in boothArt.ts), or a banner onto a roll-up stand near the entrance. */
  private placePicture(i: number, kind: 'poster' | 'banner', sprite: Sprite): void {
    const f = this.frame;
    const b = this.booths[i]!;
    const q = rotatedRect(f, this.level.stands[i]!);
    const w = q.x1 - q.x0;
    const d = q.y1 - q.y0;
    const kx = Math.SQRT1_2;
    const ky = Math.SQRT1_2 / 2;
    const px = (x: number, y: number, z: number) => ({ x: (x - y) * kx + (q.x0 - q.y0) * kx, y: (x + y) * ky + (q.x0 + q.y0) * ky - z * KZ });
    const tw = sprite.texture.width;
    const th = sprite.texture.height;
    const back = rotSide(f.rotation, OPPOSITE_SIDE[b.entrance]);
    sprite.zIndex = this.rank[i]! + 0.3;
    if (kind === 'poster') {
      // Only far back walls carry a screen (boothArt.ts): the same rectangle, a hair in front of it.
      if (back !== 'x0' && back !== 'y0') {
        sprite.visible = false;
        sprite.renderable = false;
        return;
      }
      const len = back === 'y0' ? w : d;
      const sw = Math.min(2.4, len * 0.4);
      const m = len / 2;
      const [z0, z1] = [1.0, Math.min(b.height - 0.45, 2.3)];
      const inset = 0.05;
      const a = sw - 2 * inset;
      const hgt = z1 - z0 - 2 * inset;
      const o = back === 'y0' ? px(m - sw / 2 + inset, 0.14, z1 - inset) : px(0.14, m + sw / 2 - inset, z1 - inset);
      const ux = back === 'y0' ? [kx, ky] : [kx, -ky];
      sprite.setFromMatrix(new Matrix((ux[0]! * a) / tw, (ux[1]! * a) / tw, 0, (KZ * hgt) / th, o.x, o.y));
      return;
    }
    // A roll-up banner 0.8 × 2 m inside the booth by the entrance, facing along the rotated y axis.
    const entrance = rotSide(f.rotation, b.entrance);
    const bw = 0.8;
    const bh = 2.0;
    const x = entrance === 'x1' ? w - 1.2 : entrance === 'x0' ? 0.6 : 0.35;
    const y = entrance === 'y1' ? d - 0.45 : entrance === 'y0' ? 0.9 : d - 0.6;
    const o = px(x, y, bh + 0.05);
    sprite.setFromMatrix(new Matrix((kx * bw) / tw, (ky * bw) / tw, 0, (KZ * bh) / th, o.x, o.y));
  }

  /** Logos on the back walls of the booths shown, once they would be legible (and loaded). */
  private updateLogos(zoom: number, shown: ReadonlySet<number>): void {
    let loads = LOGO_LOADS;
    for (const i of shown) {
      if (this.logos.has(i) || this.wallLogoSide(i) * zoom < MIN_LOGO_PX) continue;
      const url = this.logoUrl(i);
      if (!url) continue;
      const t = logoTexture(url, loads > 0, this.onLogo);
      if (t === 'loading') loads--;
      if (t === null) this.pending = true;
      if (t === null || typeof t === 'string') continue;
      const s = new Sprite(t);
      this.logos.set(i, s);
      this.objects.addChild(s);
      this.placeLogo(i, s);
    }
    for (const [i, s] of this.logos) s.visible = shown.has(i) && this.wallLogoSide(i) * zoom >= MIN_LOGO_PX;
  }

  private wallLogoSide(i: number): number {
    const s = this.level.stands[i]!;
    const b = this.booths[i]!;
    const along = b.entrance === 'east' || b.entrance === 'west' ? s.h : s.w;
    return Math.max(FASCIA_LOGO, Math.min(WALL_LOGO, b.height - 1.75, along * 0.3));
  }

  /**
   * The logo painted on the visible face of the booth's back wall, beside the screen when there
   * is one: the sprite's matrix maps its square onto that face (along the wall, and down), so it
   * reads as printed on the wall from every quarter turn.
   */
  private placeLogo(i: number, sprite: Sprite): void {
    const f = this.frame;
    const s = this.level.stands[i]!;
    const b = this.booths[i]!;
    const q = rotatedRect(f, s);
    const w = q.x1 - q.x0;
    const d = q.y1 - q.y0;
    const back = rotSide(f.rotation, OPPOSITE_SIDE[b.entrance]);
    // A far back wall stands full height: the logo goes there, big. Near walls are cut away
    // and island booths have none: the logo goes on the fascia's face instead.
    const onWall = (back === 'x0' || back === 'y0') && b.walls.includes(OPPOSITE_SIDE[b.entrance]);
    const side = onWall ? this.wallLogoSide(i) : FASCIA_LOGO;
    const face = onWall ? back : rotSide(f.rotation, b.entrance);
    const kx = Math.SQRT1_2;
    const ky = Math.SQRT1_2 / 2;
    const px = (x: number, y: number, z: number) => ({ x: (x - y) * kx + (q.x0 - q.y0) * kx, y: (x + y) * ky + (q.x0 + q.y0) * ky - z * KZ });
    const k = side / sprite.texture.width;
    const alongX = face === 'y0' || face === 'y1';
    // The face the viewer sees: the inner one of a far wall or fascia, the outer one of a near fascia.
    const plane = face === 'y1' ? d + 0.01 : face === 'x1' ? w + 0.01 : 0.13;
    const len = alongX ? w : d;
    const screen = onWall && b.screen ? Math.min(2.4, len * 0.4) : 0;
    const beside = len / 2 + screen / 2 + 0.25;
    const start = !onWall ? 0.25 : screen && beside + side <= len - 0.2 ? beside : (len - side) / 2;
    const top = !onWall ? b.height - 0.03 : screen && start !== beside ? b.height - 0.4 : 1.3 + side;
    const o = alongX ? px(start, plane, top) : px(plane, start + side, top);
    sprite.setFromMatrix(alongX ? new Matrix(kx * k, ky * k, 0, KZ * k, o.x, o.y) : new Matrix(kx * k, -ky * k, 0, KZ * k, o.x, o.y));
    sprite.zIndex = this.rank[i]! + 0.25;
  }

  private letter(i: number): number {
    const s = this.level.stands[i]!;
    return Math.max(0.45, Math.min(0.9, Math.max(s.w, s.h) * 0.09));
  }

  private updateNames(zoom: number, view: Rect, namesOn: boolean): void {
    this.pending = false;
    let budget = NAME_BUDGET;
    const visible = new Set<number>();
    if (namesOn) {
      for (const i of this.grid.query(view)) {
        if (this.letter(i) * zoom < MIN_LETTER_PX) continue;
        visible.add(i);
        if (this.labels.has(i)) continue;
        if (budget-- <= 0) {
          this.pending = true;
          continue;
        }
        this.labels.set(i, this.buildName(i));
      }
    }
    for (const [i, t] of this.labels) t.visible = visible.has(i);
  }

  private buildName(i: number): BitmapText {
    const s = this.level.stands[i]!;
    const size = this.letter(i);
    const along = s.entrance === 'east' || s.entrance === 'west' ? s.h : s.w;
    const maxW = along * Math.SQRT1_2 * 1.15;
    // Wrapped at spaces only: a name is never cut inside a word; a long word shrinks instead.
    const t = new BitmapText({
      text: this.standNames[i] ?? s.id,
      style: { fontFamily: FONT, fontSize: size, fill: 0x1f2933, wordWrap: true, wordWrapWidth: maxW, breakWords: false, align: 'center', lineHeight: size * 1.05 },
    });
    t.anchor.set(0.5, 1);
    const fit = Math.min(1, maxW / Math.max(1e-6, t.width), (size * 2.3) / Math.max(1e-6, t.height));
    t.scale.set(fit);
    this.placeName(i, t);
    this.names.addChild(t);
    return t;
  }

  private placeName(i: number, t: BitmapText): void {
    const s = this.level.stands[i]!;
    const b = this.booths[i]!;
    const d = DIR[s.entrance];
    const mid = { x: s.x + s.w / 2 + (d.x * s.w) / 2, y: s.y + s.h / 2 + (d.y * s.h) / 2 };
    const p = toView(this.frame, mid, b.height + 0.1);
    t.position.set(p.x, p.y);
  }

  setNames(names: string[]): void {
    this.standNames = names;
    for (const t of this.labels.values()) t.destroy();
    this.labels.clear();
  }

  /** Where a stand's fascia (its name board) is, in world metres and height. */
  fascia(i: number): { p: Vec; z: number } {
    const s = this.level.stands[i]!;
    const d = DIR[s.entrance];
    return { p: { x: s.x + s.w / 2 + (d.x * s.w) / 2, y: s.y + s.h / 2 + (d.y * s.h) / 2 }, z: this.booths[i]!.height - 0.3 };
  }

  private drawnHeight(i: number): number {
    return this.tileMode ? 0.9 : this.items[i]!.height;
  }

  /** The stand whose drawn booth is frontmost under a view point, or -1 (hit test by shape). */
  pick(v: Vec): number {
    const a = fromView(this.frame, v, 0);
    const b = fromView(this.frame, v, 4.5);
    const box = { x: Math.min(a.x, b.x) - 0.5, y: Math.min(a.y, b.y) - 0.5, w: Math.abs(a.x - b.x) + 1, h: Math.abs(a.y - b.y) + 1 };
    let best = -1;
    for (const i of this.grid.query(box)) {
      if (best >= 0 && this.rank[i]! < this.rank[best]!) continue;
      if (insideConvex(boxOutline(this.frame, this.level.stands[i]!, this.drawnHeight(i)), v)) best = i;
    }
    return best;
  }

  /** Depth rank for a figure standing at a floor point (between the booths around it). */
  rankAt(p: Vec): number {
    const near = this.grid.query({ x: p.x - 4, y: p.y - 4, w: 8, h: 8 });
    return pointRank(this.frame, p, near.map((i) => ({ rect: this.level.stands[i]!, rank: this.rank[i]! })));
  }

  setMarks(hover: number, focus: number, highlight: number): void {
    const g = this.marks.clear();
    const outline = (i: number, colour: number, width: number) => {
      if (i < 0) return;
      g.poly(boxOutline(this.frame, this.level.stands[i]!, this.drawnHeight(i)).flatMap((p) => [p.x, p.y])).stroke({ width, color: colour, alpha: 0.95 });
    };
    outline(highlight, PALETTE.highlight, 0.2);
    outline(focus, PALETTE.focus, 0.22);
    outline(hover, PALETTE.hover, 0.16);
  }

  /** Booths drawn see-through (in front of what the visitor must see). */
  setFaded(faded: ReadonlySet<number>): void {
    for (let i = 0; i < this.level.stands.length; i++) this.items[i]!.view.alpha = faded.has(i) ? 0.3 : 1;
    for (const [i, s] of this.logos) s.alpha = faded.has(i) ? 0.3 : 1;
    for (const [i, p] of this.pictures) for (const s of [p.poster, p.banner]) if (s) s.alpha = faded.has(i) ? 0.3 : 1;
  }

  boxes(): { rect: Rect; height: number }[] {
    return this.items.slice(0, this.level.stands.length);
  }

  get contextCount(): number {
    return this.contexts.size;
  }

  destroy(): void {
    const pattern = this.floorTexture?.texture;
    this.root.destroy({ children: true });
    pattern?.destroy(true);
    for (const c of this.contexts.values()) c.destroy();
    this.contexts.clear();
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
