// Other visitors' name tags on the plan: small pills in screen space beside each avatar,
// placed after the stand labels by the same rule (shared/plan/nameTags.ts), so a tag never
// covers a stand's name or number, a landmark, a route stop, an avatar or another tag; one
// with no free place is left out. Few objects (at most MAX_IN_VIEW), pooled across frames.
import { BitmapText, Container, Sprite, Texture } from 'pixi.js';
import type { Vec } from '../../../shared/geometry.ts';
import type { Box } from '../../../shared/plan/labelPlacement.ts';
import { type TagPerson, circleBox, placeTags, tagCandidates } from '../../../shared/plan/nameTags.ts';
import type { Camera } from './camera.ts';
import { FONT_BOLD, measureBold } from './labels.ts';
import type { PeopleLayer } from './people.ts';

/** Tags show from this zoom (px per metre: the stands' names are legible by then)… */
export const TAG_MIN_ZOOM = 7;
/** …with at most this many visitors on screen. */
export const TAG_MAX_IN_VIEW = 40;
const TAG_PX = 11;
const FONT_PX = 32;

/** A tag on screen (tests read these through planLabels()). */
export interface ShownTag {
  id: number;
  text: string;
  box: Box;
}

/** An avatar's drawn radius on screen: its sprite is max(1.3 m, 16 px) wide, the disc 26/64 of it (avatars.ts). */
export function avatarRadiusPx(zoom: number, scale = 1): number {
  return Math.max(1.3 * zoom, 16) * (26 / 64) * scale;
}

export class PlanTags {
  readonly root = new Container({ label: 'visitor-tags' });
  private readonly pool: { pill: Sprite; stripe: Sprite; text: BitmapText }[] = [];
  private last: ShownTag[] = [];

  constructor() {
    this.root.eventMode = 'none';
  }

  /**
   * Places the tags of the visitors drawn now. `taken`: the labels placed on the plan (screen
   * px); `marks`: the route's stops. `on` false (the 3D view, light mode, fonts not ready) hides all.
   */
  update(people: PeopleLayer, camera: Camera, self: Vec | null, taken: readonly Box[], marks: readonly Box[], on: boolean): void {
    const zoom = camera.zoom;
    const list: (TagPerson<number> & { alpha: number; tint: number })[] = [];
    const avatars: Box[] = [];
    if (on && zoom >= TAG_MIN_ZOOM) {
      const r = avatarRadiusPx(zoom);
      people.forEachShown((id, x, y, name, alpha, tint) => {
        const p = camera.worldToScreen({ x, y });
        list.push({ key: id, x: p.x, y: p.y, r, name, alpha, tint });
        avatars.push(circleBox(p, r));
      });
      if (self) avatars.push(circleBox(camera.worldToScreen(self), avatarRadiusPx(zoom, 1.15)));
    }
    const selfPx = self ? camera.worldToScreen(self) : null;
    const cands = tagCandidates(list, { zoom, minZoom: TAG_MIN_ZOOM, maxInView: TAG_MAX_IN_VIEW, size: TAG_PX, viewport: camera.viewport, near: selfPx }, measureBold);
    const placed = cands.length ? placeTags(cands, taken, [...marks, ...avatars]) : new Map<number, Box>();
    const byId = new Map(list.map((p) => [p.key, p]));
    const shown: ShownTag[] = [];
    let used = 0;
    for (const [id, box] of placed) {
      const p = byId.get(id)!;
      let tag = this.pool[used];
      if (!tag) {
        const pill = new Sprite(Texture.WHITE);
        // A stripe in the avatar's colour tells whose tag it is when people stand close.
        const stripe = new Sprite(Texture.WHITE);
        const text = new BitmapText({ text: '', style: { fontFamily: FONT_BOLD, fontSize: FONT_PX } });
        text.anchor.set(0.5);
        text.tint = 0x1f2933;
        tag = { pill, stripe, text };
        this.pool.push(tag);
        this.root.addChild(pill, stripe, text);
      }
      used++;
      if (tag.text.text !== p.name) tag.text.text = p.name;
      tag.text.scale.set(TAG_PX / FONT_PX);
      tag.text.position.set(Math.round(box.x + box.w / 2 + 1.5), Math.round(box.y + box.h / 2));
      tag.pill.position.set(box.x, box.y);
      tag.pill.width = box.w;
      tag.pill.height = box.h;
      tag.pill.alpha = 0.88 * p.alpha;
      tag.stripe.position.set(box.x, box.y);
      tag.stripe.width = 3;
      tag.stripe.height = box.h;
      tag.stripe.tint = p.tint;
      tag.stripe.alpha = tag.text.alpha = p.alpha;
      tag.pill.visible = tag.stripe.visible = tag.text.visible = true;
      shown.push({ id, text: p.name, box });
    }
    for (let i = used; i < this.pool.length; i++) {
      const t = this.pool[i]!;
      t.pill.visible = t.stripe.visible = t.text.visible = false;
    }
    this.last = shown;
  }

  shown(): readonly ShownTag[] {
    return this.last;
  }

  destroy(): void {
    this.root.destroy({ children: true });
    this.pool.length = 0;
  }
}
