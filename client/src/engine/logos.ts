// Company logos on the stands' boards: loaded only for stands on screen and large enough to
// show them, so a visitor on a slow link downloads a handful of logos, not hundreds.
import { Container, Sprite, Texture } from 'pixi.js';
import type { Rect } from '../../../shared/geometry.ts';
import type { Level } from '../../../shared/level/schema.ts';
import type { StandGrid } from '../../../shared/level/spatial.ts';
import { logoBoard } from './floorScene.ts';

const MIN_BOARD_PX = 14;
/** New logo sprites per frame at most: each is a texture upload, costly on weak GPUs. */
const BUILD_BUDGET = 3;
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

export class LogoLayer {
  readonly root = new Container({ label: 'logos' });
  private readonly textures = new Map<string, Texture | 'loading' | 'failed'>();
  private readonly sprites = new Map<number, Sprite>();
  private readonly visible: number[] = [];
  private disposed = false;

  constructor(
    private readonly logoUrl: (standIndex: number) => string | null,
    private readonly onLoaded: () => void,
  ) {
    this.root.eventMode = 'none';
  }

  /** Some logos were left for the next frame by the build budget. */
  pending = false;

  update(level: Level, grid: StandGrid, zoom: number, view: Rect): void {
    grid.query(view, this.visible);
    const want = new Set<number>();
    let budget = BUILD_BUDGET;
    let loads = LOAD_BUDGET;
    this.pending = false;
    for (const i of this.visible) {
      const s = level.stands[i]!;
      const board = logoBoard(s);
      if (board.size * zoom < MIN_BOARD_PX) continue;
      const url = this.logoUrl(i);
      if (!url) continue;
      const tex = this.textures.get(url);
      if (tex === undefined) {
        // Starting a load costs the loader's resolve and parse work on this frame: a few per frame.
        if (loads-- <= 0) {
          this.pending = true;
          continue;
        }
        this.textures.set(url, 'loading');
        loadLogo(url).then(
          (t) => {
            this.textures.set(url, t);
            if (!this.disposed) this.onLoaded();
          },
          () => this.textures.set(url, 'failed'),
        );
        continue;
      }
      if (typeof tex === 'string') continue;
      want.add(i);
      let sprite = this.sprites.get(i);
      if (!sprite) {
        if (budget-- <= 0) {
          this.pending = true;
          continue;
        }
        sprite = new Sprite(tex);
        sprite.position.set(board.x, board.y);
        sprite.width = board.size;
        sprite.height = board.size;
        this.sprites.set(i, sprite);
        this.root.addChild(sprite);
      }
      sprite.visible = true;
    }
    for (const [i, sprite] of this.sprites) if (!want.has(i)) sprite.visible = false;
  }

  get count(): number {
    let n = 0;
    for (const s of this.sprites.values()) if (s.visible) n++;
    return n;
  }

  destroy(): void {
    this.disposed = true;
    this.root.destroy({ children: true });
  }
}
