// Visitors as small standing figures in the isometric view: shadow, body, head, facing the
// way they walk, a little bob while walking, and depth-sorted between the booths. The plan
// layers stay the source of where people are (their sprites keep gliding there); each frame
// this mirrors every visible plan sprite into a pooled figure sprite in view units.
import { BitmapText, Container, Sprite, Texture } from 'pixi.js';
import { toView } from '../../../../shared/iso/projection.ts';
import { type Box, LABEL_PRIORITY, type LabelCandidate, placeLabels } from '../../../../shared/plan/labelPlacement.ts';
import { FONT_BOLD, measureBold } from '../labels.ts';
import type { IsoScene } from './isoScene.ts';

/** Name tags show from this zoom (px per view unit), at this size on screen (px). */
const TAG_ZOOM = 9;
const TAG_PX = 11;

/** Whether tags show (light mode draws none) and the labels they keep clear of, in screen px. */
export interface TagInputs {
  on: boolean;
  avoid: readonly Box[];
}

interface Tag {
  pill: Sprite;
  text: BitmapText;
}

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
  /** Name tags over the figures, placed so that none overlaps another (labelPlacement.ts). */
  private readonly tagLayer = new Container({ label: 'iso-name-tags' });
  private readonly tags: Tag[] = [];

  /**
   * Mirrors the visible plan sprites of `sources` onto `scene`, with the name tags of those
   * that have one (a BitmapText right after the sprite). Returns how many figures are drawn.
   */
  sync(scene: IsoScene, sources: readonly Container[], dt: number, zoom = 0, tags: TagInputs = { on: true, avoid: [] }): number {
    this.used = 0;
    const named: { head: { x: number; y: number }; name: string; fade: number }[] = [];
    for (const layer of sources) {
      const kids = layer.children;
      for (let k = 0; k < kids.length; k++) {
        const c = kids[k]!;
        if (!(c instanceof Sprite) || !c.visible || c.alpha <= 0) continue;
        const label = kids[k + 1];
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
        if (label instanceof BitmapText && label.text) named.push({ head: { x: v.x, y: v.y - FIGURE - bob }, name: label.text, fade: c.alpha });
      }
    }
    for (let i = this.used; i < this.pool.length; i++) this.pool[i]!.sprite.visible = false;
    // Landmark and portal labels are in screen px; the tags are in the scene's view units.
    const { x: ox, y: oy } = scene.root.position;
    const k = 1 / Math.max(zoom, 1e-6);
    const avoid = tags.avoid.map((b) => ({ x: (b.x - ox) * k, y: (b.y - oy) * k, w: b.w * k, h: b.h * k }));
    this.syncTags(scene, tags.on && zoom >= TAG_ZOOM ? named : [], zoom, avoid);
    return this.used;
  }

  /** Tags above heads (else beside them); one that finds no free place is left out. */
  private syncTags(scene: IsoScene, named: { head: { x: number; y: number }; name: string; fade: number }[], zoom: number, avoid: readonly Box[]): void {
    if (this.tagLayer.parent !== scene.root) scene.root.addChild(this.tagLayer);
    const size = TAG_PX / Math.max(zoom, 1e-6);
    const h = size * 1.35;
    const cands: LabelCandidate<number>[] = named.map((n, i) => {
      const w = measureBold(n.name) * size + size * 0.8;
      const { x, y } = n.head;
      const g = size * 0.2;
      const boxes: Box[] = [
        { x: x - w / 2, y: y - g - h, w, h },
        { x: x + g * 3, y: y - h / 2, w, h },
        { x: x - g * 3 - w, y: y - h / 2, w, h },
      ];
      return { key: i, priority: LABEL_PRIORITY.tag, boxes };
    });
    const placed = placeLabels(cands, avoid);
    let used = 0;
    for (const c of cands) {
      const at = placed.get(c.key);
      if (at === undefined) continue;
      const b = c.boxes[at]!;
      const n = named[c.key]!;
      let tag = this.tags[used];
      if (!tag) {
        const pill = new Sprite(Texture.WHITE);
        pill.tint = 0xffffff;
        const text = new BitmapText({ text: '', style: { fontFamily: FONT_BOLD, fontSize: 32 } });
        text.anchor.set(0.5);
        text.tint = 0x1f2933;
        tag = { pill, text };
        this.tags.push(tag);
        this.tagLayer.addChild(pill, text);
      }
      used++;
      if (tag.text.text !== n.name) tag.text.text = n.name;
      tag.text.scale.set(size / 32);
      tag.text.position.set(b.x + b.w / 2, b.y + b.h / 2);
      tag.pill.position.set(b.x, b.y);
      tag.pill.width = b.w;
      tag.pill.height = b.h;
      tag.pill.alpha = 0.85 * n.fade;
      tag.text.alpha = n.fade;
      tag.pill.visible = tag.text.visible = true;
    }
    for (let i = used; i < this.tags.length; i++) this.tags[i]!.pill.visible = this.tags[i]!.text.visible = false;
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
    this.tagLayer.removeFromParent();
    for (const t of this.tags.splice(0)) {
      t.pill.destroy();
      t.text.destroy();
    }
    for (const f of this.pool) f.sprite.destroy();
    this.pool.length = 0;
    this.used = 0;
  }
}
