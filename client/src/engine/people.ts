// Other visitors on the floor, as the server reports them near our view. Positions arrive
// about ten times a second; between updates each avatar glides from where it was drawn to
// where it was reported, and enters or leaves with a short fade. Names ride along as hidden
// texts (the 3D view's figures read them); the plan draws them as placed tags (planTags.ts).
import { BitmapText, Container, Sprite } from 'pixi.js';
import { type MirroredPerson, PeopleMirror } from '../../../shared/peopleDelta.ts';
import { AVATAR_COLOURS, type PeopleDelta } from '../../../shared/protocol.ts';
import { person } from './avatars.ts';
import { hexToNumber } from './palette.ts';

const GLIDE_S = 0.12;
const FADE_S = 0.3;

interface Entry {
  sprite: Sprite;
  label: BitmapText;
  fromX: number;
  fromY: number;
  toX: number;
  toY: number;
  t: number;
  leaving: boolean;
  name: string;
}

export class PeopleLayer {
  readonly root = new Container({ label: 'people' });
  private readonly entries = new Map<number, Entry>();
  /** The people as the server describes them (shared decoder of the wire format). */
  private readonly mirror = new PeopleMirror();
  private scale = 1 / 64;

  constructor() {
    this.root.eventMode = 'none';
  }

  apply(d: PeopleDelta): void {
    // Leaves first: a renamed person leaves and re-enters in the same message.
    this.mirror.apply(d, {
      left: (p) => {
        const en = this.entries.get(p.id);
        if (en) en.leaving = true;
      },
      entered: (p) => this.enter(p),
      moved: (p) => {
        const en = this.entries.get(p.id);
        if (!en) return;
        en.fromX = en.sprite.x;
        en.fromY = en.sprite.y;
        en.toX = p.x;
        en.toY = p.y;
        en.t = 0;
      },
    });
  }

  private enter(p: MirroredPerson): void {
    const { id, x, y, name } = p;
    const colour = AVATAR_COLOURS[p.colour] ?? AVATAR_COLOURS[0];
    const old = this.entries.get(id);
    if (old) this.drop(id, old);
    const sprite = new Sprite(person());
    sprite.anchor.set(0.5, 0.55);
    sprite.tint = hexToNumber(colour);
    sprite.alpha = 0;
    sprite.scale.set(this.scale);
    sprite.position.set(x, y);
    const label = new BitmapText({ text: name, style: { fontFamily: 'ExpoLabelBold', fontSize: 0.65 } });
    label.anchor.set(0.5, 1);
    label.tint = 0x1f2933;
    label.visible = false;
    label.position.set(x, y - 0.9);
    this.root.addChild(sprite, label);
    this.entries.set(id, { sprite, label, fromX: x, fromY: y, toX: x, toY: y, t: 1, leaving: false, name });
  }

  private drop(id: number, en: Entry): void {
    en.sprite.destroy();
    en.label.destroy();
    this.entries.delete(id);
  }

  clear(): void {
    this.mirror.clear();
    for (const [id, en] of this.entries) this.drop(id, en);
  }

  setZoom(_zoom: number, metres: number): void {
    this.scale = metres / 64;
    for (const en of this.entries.values()) en.sprite.scale.set(this.scale);
  }

  /** Each visitor drawn now (leaving ones too, while they fade): id, where, name, opacity, colour. */
  forEachShown(fn: (id: number, x: number, y: number, name: string, alpha: number, tint: number) => void): void {
    for (const [id, e] of this.entries) if (e.sprite.alpha > 0) fn(id, e.sprite.x, e.sprite.y, e.name, e.sprite.alpha, e.sprite.tint);
  }

  /** Advances glides and fades; returns whether anything moved (the frame must render). */
  step(dt: number): boolean {
    if (this.entries.size === 0) return false;
    let changed = false;
    for (const [id, en] of this.entries) {
      const s = en.sprite;
      if (en.leaving) {
        s.alpha -= dt / FADE_S;
        en.label.alpha = s.alpha;
        changed = true;
        if (s.alpha <= 0) this.drop(id, en);
        continue;
      }
      if (s.alpha < 1) {
        s.alpha = Math.min(1, s.alpha + dt / FADE_S);
        en.label.alpha = s.alpha;
        changed = true;
      }
      if (en.t < 1) {
        en.t = Math.min(1, en.t + dt / GLIDE_S);
        s.position.set(en.fromX + (en.toX - en.fromX) * en.t, en.fromY + (en.toY - en.fromY) * en.t);
        en.label.position.set(s.x, s.y - 0.9);
        changed = true;
      }
    }
    return changed;
  }

  get count(): number {
    return this.entries.size;
  }

  /** Where each visitor is drawn now (tests and the people list). */
  snapshot(): { id: number; name: string; x: number; y: number }[] {
    return [...this.entries].filter(([, e]) => !e.leaving).map(([id, e]) => ({ id, name: e.name, x: e.sprite.x, y: e.sprite.y }));
  }
}
