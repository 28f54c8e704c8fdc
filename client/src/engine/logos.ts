// Company logos on the plan, where the label layout (labels.ts) leaves them room. Until a
// logo is loaded, and where it would be too small to read, its place shows a rounded square
// in the brand colour (the logos are drawn that way too), never a blank board. Logos load
// only for stands on screen, so a visitor on a slow link downloads what they look at.
import { Container, Sprite, Texture } from 'pixi.js';
import type { Box } from '../../../shared/plan/labelPlacement.ts';
import type { Rect } from '../../../shared/geometry.ts';
import type { StandGrid } from '../../../shared/level/spatial.ts';

/** A logo image is used from this size on screen (px); below it the brand square is as good. */
const MIN_LOGO_PX = 12;
/** New logo sprites per frame at most: each is a texture upload, costly on weak GPUs. */
const BUILD_BUDGET = 8;
const LOAD_BUDGET = 4;
/** Logos are rasterised at this size (px): sharp on boards up to ~130 px on screen. */
const LOGO_PX = 128;

/**
 * Decodes and rasterises a logo off the frame: the browser decodes the SVG and scales it in
 * createImageBitmap. (Pixi's Assets loader spent ~4 ms of main-thread time per call here.)
 */
async function loadLogo(url: string): Promise<Texture> {
  const img = new Image();
  img.decoding = 'async';
  img.src = url;
  await img.decode();
  const bitmap = await createImageBitmap(img, { resizeWidth: LOGO_PX, resizeHeight: LOGO_PX, resizeQuality: 'high' });
  return Texture.from(bitmap);
}

const cache = new Map<string, Texture | 'loading' | 'failed'>();

/**
 * A logo texture shared by the plan and the 3D view: the texture once loaded; otherwise
 * starts the load (when `start` allows) and calls `loaded` when it is ready.
 */
export function logoTexture(url: string, start: boolean, loaded: () => void): Texture | 'loading' | 'failed' | null {
  const t = cache.get(url);
  if (t !== undefined) return t;
  if (!start) return null;
  cache.set(url, 'loading');
  loadLogo(url).then(
    (tex) => {
      cache.set(url, tex);
      loaded();
    },
    () => cache.set(url, 'failed'),
  );
  return 'loading';
}

const images = new Map<string, Texture | 'loading' | 'failed'>();

/** A picture (poster, gallery image) rasterised to w × h off the frame, cached by URL and size. */
export function imageTexture(url: string, w: number, h: number, loaded: () => void): Texture | 'loading' | 'failed' {
  const key = `${url}|${w}x${h}`;
  const t = images.get(key);
  if (t !== undefined) return t;
  images.set(key, 'loading');
  const img = new Image();
  img.decoding = 'async';
  img.src = url;
  img
    .decode()
    .then(() => createImageBitmap(img, { resizeWidth: w, resizeHeight: h, resizeQuality: 'medium' }))
    .then(
      (bitmap) => {
        images.set(key, Texture.from(bitmap));
        loaded();
      },
      () => images.set(key, 'failed'),
    );
  return 'loading';
}

let square: Texture | null = null;
/** A white rounded square (the logos' own shape), tinted per brand. */
function brandSquare(): Texture {
  if (!square) {
    const c = document.createElement('canvas');
    c.width = c.height = 64;
    const g = c.getContext('2d')!;
    g.fillStyle = '#fff';
    g.beginPath();
    g.roundRect(0, 0, 64, 64, 14);
    g.fill();
    square = Texture.from(c);
  }
  return square;
}

export class LogoLayer {
  readonly root = new Container({ label: 'logos' });
  private readonly sprites = new Map<number, Sprite>();
  private readonly visible: number[] = [];
  private disposed = false;

  constructor(
    private readonly logoUrl: (standIndex: number) => string | null,
    private readonly colourOf: (standIndex: number) => number,
    private readonly onLoaded: () => void,
  ) {
    this.root.eventMode = 'none';
  }

  /** Some logos were left for the next frame by the build budget. */
  pending = false;

  /** `boxOf` gives where a stand shows its logo (metres), or null when it shows none. */
  update(grid: StandGrid, zoom: number, view: Rect, boxOf: (standIndex: number) => Box | null): void {
    grid.query(view, this.visible);
    const want = new Set<number>();
    let budget = BUILD_BUDGET;
    let loads = LOAD_BUDGET;
    this.pending = false;
    for (const i of this.visible) {
      const box = boxOf(i);
      if (!box) continue;
      let tex: Texture | null = null;
      const url = box.w * zoom >= MIN_LOGO_PX ? this.logoUrl(i) : null;
      if (url) {
        // Starting a load costs the decoder's setup on this frame: a few per frame.
        const known = cache.has(url);
        const t = logoTexture(url, loads > 0, () => {
          if (!this.disposed) this.onLoaded();
        });
        if (!known && t === 'loading') loads--;
        if (t === null) this.pending = true;
        else if (typeof t !== 'string') tex = t;
      }
      let sprite = this.sprites.get(i);
      if (!sprite) {
        // Brand squares share one texture: cheap, so every stand gets one at once.
        sprite = new Sprite(brandSquare());
        this.sprites.set(i, sprite);
        this.root.addChild(sprite);
      }
      // A logo shown for the first time uploads its texture: a few per frame.
      if (tex && sprite.texture !== tex && budget-- <= 0) {
        this.pending = true;
        tex = null;
      }
      const texture = tex ?? brandSquare();
      if (sprite.texture !== texture) sprite.texture = texture;
      sprite.tint = tex ? 0xffffff : this.colourOf(i);
      sprite.position.set(box.x, box.y);
      sprite.width = box.w;
      sprite.height = box.h;
      sprite.visible = true;
      want.add(i);
    }
    for (const [i, sprite] of this.sprites) if (!want.has(i)) sprite.visible = false;
  }

  /** Logos drawn from their image (not the brand square). */
  get count(): number {
    let n = 0;
    for (const s of this.sprites.values()) if (s.visible && s.texture !== square) n++;
    return n;
  }

  destroy(): void {
    this.disposed = true;
    this.root.destroy({ children: true });
  }
}
