// Avatars on the floor: the visitor's own and other people. Other people share one texture
// and are plain sprites, so hundreds of them cost one batch.
import { Container, Sprite, Texture } from 'pixi.js';
import type { Vec } from '../../../shared/geometry.ts';
import { PALETTE } from './palette.ts';

/** Avatar size on the floor, metres; never drawn smaller than MIN_PX on screen. */
const SIZE_M = 1.3;
const MIN_PX = 16;

let personTexture: Texture | null = null;

export function person(): Texture {
  if (personTexture) return personTexture;
  const c = document.createElement('canvas');
  c.width = 64;
  c.height = 64;
  const ctx = c.getContext('2d')!;
  // A disc filling most of the square (a person reads at 16 px only if the figure is large in it),
  // a shadow peeking out below it, and a head and shoulders inside.
  ctx.fillStyle = 'rgba(0,0,0,0.3)';
  ctx.beginPath();
  ctx.ellipse(32, 59, 20, 5, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.arc(32, 34, 26, 0, Math.PI * 2);
  ctx.fill();
  // Drawn white and tinted per avatar.
  ctx.fillStyle = '#d4d4d4';
  ctx.beginPath();
  ctx.arc(32, 34, 21, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.arc(32, 26, 8.5, 0, Math.PI * 2);
  ctx.fill();
  ctx.beginPath();
  ctx.ellipse(32, 47, 13.5, 9.5, 0, Math.PI, 0);
  ctx.fill();
  personTexture = Texture.from(c);
  return personTexture;
}

export class AvatarLayer {
  readonly root = new Container({ label: 'avatars' });
  readonly self: Sprite;
  private readonly others: Sprite[] = [];

  constructor() {
    this.root.eventMode = 'none';
    this.self = new Sprite(person());
    this.self.anchor.set(0.5, 0.55);
    this.self.tint = PALETTE.avatar;
    this.root.addChild(this.self);
  }

  setSelf(p: Vec): void {
    this.self.position.set(p.x, p.y);
  }

  /** Keeps avatars readable when zoomed far out. */
  setZoom(zoom: number): void {
    const metres = Math.max(SIZE_M, MIN_PX / zoom);
    const scale = metres / 64;
    this.self.scale.set(scale * 1.15);
    for (const s of this.others) s.scale.set(scale);
  }

  /** Makes exactly n other avatars exist; positions come from setOther. */
  ensureOthers(n: number, zoom: number): void {
    while (this.others.length < n) {
      const s = new Sprite(person());
      s.anchor.set(0.5, 0.55);
      s.tint = PALETTE.other;
      this.others.push(s);
      this.root.addChildAt(s, 0);
    }
    for (let i = 0; i < this.others.length; i++) this.others[i]!.visible = i < n;
    this.setZoom(zoom);
  }

  setOther(i: number, x: number, y: number, tint: number): void {
    const s = this.others[i];
    if (!s) return;
    s.position.set(x, y);
    if (s.tint !== tint) s.tint = tint;
  }

  get count(): number {
    return 1 + this.others.filter((s) => s.visible).length;
  }
}
