// Mouse, touch and keyboard on the hall element, turned into camera moves and intents.
// DOM pointer events (not Pixi's event system): hit tests use the stand grid, so the scene
// needs no interactive objects and each frame skips Pixi's event traversal.
import type { Vec } from '../../../shared/geometry.ts';
import type { Camera } from './camera.ts';

export interface InputTarget {
  camera: Camera;
  /** Stand id under a world point, or null. */
  standAt(p: Vec): string | null;
  hover(standId: string | null): void;
  click(world: Vec): void;
  /** Arrow/WASD state: a unit-ish direction, or zero. */
  setWalkDirection(dx: number, dy: number): void;
  focusStep(delta: 1 | -1): boolean;
  openFocused(): void;
  escape(): void;
  zoomBy(factor: number): void;
  /** The world point under the mouse, null when it leaves the hall (layout overlay). */
  pointerWorld?(p: Vec | null): void;
  /** Present only when the layout tools are unlocked: the L key toggles the overlay. */
  toggleLayout?(): void;
}

const DRAG_THRESHOLD = 5;
const WALK_KEYS: Record<string, [number, number]> = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  KeyW: [0, -1],
  KeyS: [0, 1],
  KeyA: [-1, 0],
  KeyD: [1, 0],
};

export function attachInput(el: HTMLElement, target: InputTarget): () => void {
  const pointers = new Map<number, Vec>();
  let dragged = false;
  let downAt: Vec | null = null;
  let pinchDist = 0;
  const held = new Set<string>();

  const local = (e: { clientX: number; clientY: number }): Vec => {
    const r = el.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const updateWalk = () => {
    let dx = 0;
    let dy = 0;
    for (const code of held) {
      const d = WALK_KEYS[code];
      if (d) {
        dx += d[0];
        dy += d[1];
      }
    }
    target.setWalkDirection(Math.sign(dx), Math.sign(dy));
  };

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    el.setPointerCapture(e.pointerId);
    pointers.set(e.pointerId, local(e));
    if (pointers.size === 1) {
      downAt = local(e);
      dragged = false;
    } else if (pointers.size === 2) {
      const [a, b] = [...pointers.values()] as [Vec, Vec];
      pinchDist = Math.hypot(a.x - b.x, a.y - b.y);
      dragged = true;
    }
  };

  const onPointerMove = (e: PointerEvent) => {
    const p = local(e);
    const prev = pointers.get(e.pointerId);
    if (e.pointerType === 'mouse') target.pointerWorld?.(target.camera.screenToWorld(p));
    if (!prev) {
      if (e.pointerType === 'mouse') target.hover(target.standAt(target.camera.screenToWorld(p)));
      return;
    }
    pointers.set(e.pointerId, p);
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()] as [Vec, Vec];
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      if (pinchDist > 0) target.camera.zoomAt(d / pinchDist, mid);
      target.camera.panBy((p.x - prev.x) / 2, (p.y - prev.y) / 2);
      pinchDist = d;
      return;
    }
    if (downAt && !dragged && Math.hypot(p.x - downAt.x, p.y - downAt.y) > DRAG_THRESHOLD) {
      dragged = true;
      target.hover(null);
      el.classList.add('dragging');
    }
    if (dragged) target.camera.panBy(p.x - prev.x, p.y - prev.y);
  };

  const onPointerUp = (e: PointerEvent) => {
    if (!pointers.has(e.pointerId)) return;
    pointers.delete(e.pointerId);
    if (pointers.size === 0) {
      el.classList.remove('dragging');
      if (!dragged && downAt) target.click(target.camera.screenToWorld(local(e)));
      downAt = null;
      pinchDist = 0;
    }
  };

  const onPointerLeave = (e: PointerEvent) => {
    if (e.pointerType === 'mouse') target.pointerWorld?.(null);
    if (e.pointerType === 'mouse' && pointers.size === 0) target.hover(null);
  };

  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    target.camera.zoomAt(Math.exp(-delta * 0.0015), local(e));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (WALK_KEYS[e.code]) {
      e.preventDefault();
      held.add(e.code);
      updateWalk();
      return;
    }
    // By key position, so it works with a Russian layout too.
    if (e.code === 'KeyL' && target.toggleLayout) {
      e.preventDefault();
      target.toggleLayout();
      return;
    }
    switch (e.key) {
      case '+':
      case '=':
        e.preventDefault();
        target.zoomBy(1.25);
        return;
      case '-':
      case '_':
        e.preventDefault();
        target.zoomBy(0.8);
        return;
      case 'Tab':
        // At either end of the stand list, let Tab leave the hall: no keyboard trap.
        if (target.focusStep(e.shiftKey ? -1 : 1)) e.preventDefault();
        return;
      case 'Enter':
      case ' ':
        e.preventDefault();
        target.openFocused();
        return;
      case 'Escape':
        target.escape();
        return;
    }
  };

  const onKeyUp = (e: KeyboardEvent) => {
    if (held.delete(e.code)) updateWalk();
  };

  const onBlur = () => {
    held.clear();
    updateWalk();
  };

  el.addEventListener('pointerdown', onPointerDown);
  el.addEventListener('pointermove', onPointerMove);
  el.addEventListener('pointerup', onPointerUp);
  el.addEventListener('pointercancel', onPointerUp);
  el.addEventListener('pointerleave', onPointerLeave);
  el.addEventListener('wheel', onWheel, { passive: false });
  el.addEventListener('keydown', onKeyDown);
  el.addEventListener('keyup', onKeyUp);
  el.addEventListener('blur', onBlur);
  return () => {
    el.removeEventListener('pointerdown', onPointerDown);
    el.removeEventListener('pointermove', onPointerMove);
    el.removeEventListener('pointerup', onPointerUp);
    el.removeEventListener('pointercancel', onPointerUp);
    el.removeEventListener('pointerleave', onPointerLeave);
    el.removeEventListener('wheel', onWheel);
    el.removeEventListener('keydown', onKeyDown);
    el.removeEventListener('keyup', onKeyUp);
    el.removeEventListener('blur', onBlur);
  };
}
