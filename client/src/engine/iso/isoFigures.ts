// Visitors as small standing figures in the isometric view: shadow, body, head, facing the
// way they walk, a little bob while walking, and depth-sorted between the booths. The plan
// layers stay the source of where people are (their sprites keep gliding there); each frame
// this mirrors every visible plan sprite into a pooled figure sprite in view units.
import { type Container, Sprite, Texture } from 'pixi.js';
import { toView } from '../../../../shared/iso/projection.ts';
import type { IsoScene } from './isoScene.ts';

/** Figure height in view units (a person is about 1.7 m). */
const FIGURE = 1.9;
let figureTexture: Texture | null = null;

function figure(): Texture {
  if (figureTexture) return figureTexture;
  const c = document.createElement('canvas');
  c.width = 32;
  c.height = 64;
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = 'rgba(0,0,0,0.28)';
  ctx.beginPath();
  ctx.ellipse(16, 58, 11, 4.5, 0, 0, Math.PI * 2);
  ctx.fill();
  // Drawn in whites and greys, tinted per visitor: legs darker, body, a lighter head.
  ctx.fillStyle = '#8a8a8a';
  ctx.fillRect(10, 40, 5, 17);
  ctx.fillRect(17, 40, 5, 17);
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.roundRect(7, 19, 18, 24, 6);
  ctx.fill();
  ctx.fillStyle = '#f3d9c4';
  ctx.beginPath();
  ctx.arc(17, 12, 7, 0, Math.PI * 2);
  ctx.fill();
  figureTexture = Texture.from(c);
  return figureTexture;
}

interface Figure {
  sprite: Sprite;
  lastX: number;
  facing: 1 | -1;
  phase: number;
}

export class IsoFigures {
  private readonly pool: Figure[] = [];
  private used = 0;

  /** Mirrors the visible plan sprites of `sources` onto `scene`. Returns how many are drawn. */
  sync(scene: IsoScene, sources: readonly Container[], dt: number): number {
    this.used = 0;
    for (const layer of sources) {
      for (const c of layer.children) {
        if (!(c instanceof Sprite) || !c.visible || c.alpha <= 0) continue;
        const fig = this.take(scene);
        const v = toView(scene.frame, { x: c.x, y: c.y });
        const dx = v.x - fig.lastX;
        const moving = Math.abs(dx) > 1e-4 || Math.abs(v.y - fig.sprite.y) > 0.05;
        if (Math.abs(dx) > 1e-3) fig.facing = dx > 0 ? 1 : -1;
        fig.lastX = v.x;
        fig.phase = moving ? fig.phase + dt * 12 : 0;
        const bob = moving ? Math.abs(Math.sin(fig.phase)) * 0.08 : 0;
        fig.sprite.position.set(v.x, v.y - bob);
        fig.sprite.tint = c.tint;
        fig.sprite.alpha = c.alpha;
        fig.sprite.scale.set((fig.facing * FIGURE) / 64, FIGURE / 64);
        const z = scene.rankAt({ x: c.x, y: c.y });
        if (fig.sprite.zIndex !== z) fig.sprite.zIndex = z;
        fig.sprite.visible = true;
      }
    }
    for (let i = this.used; i < this.pool.length; i++) this.pool[i]!.sprite.visible = false;
    return this.used;
  }

  private take(scene: IsoScene): Figure {
    let f = this.pool[this.used];
    if (!f) {
      const sprite = new Sprite(figure());
      sprite.anchor.set(0.5, 0.92);
      f = { sprite, lastX: 0, facing: 1, phase: 0 };
      this.pool.push(f);
    }
    if (f.sprite.parent !== scene.objects) scene.objects.addChild(f.sprite);
    this.used++;
    return f;
  }

  clear(): void {
    for (const f of this.pool) f.sprite.destroy();
    this.pool.length = 0;
    this.used = 0;
  }
}
