// Where a visitor arrives on a floor: through the portal they took, else at the floor's
// entrance (the first landmark when none is marked), else the middle of the hall. The hall
// engine, the route planner's default start and the floor room all ask this one function.
import type { Vec } from './geometry.ts';
import type { Landmark, Level } from './level/schema.ts';

/** The landmark a floor is entered by when no portal is named. */
export function arrivalLandmark(level: Pick<Level, 'landmarks'>): Landmark | undefined {
  return level.landmarks.find((l) => l.kind === 'entrance') ?? level.landmarks[0];
}

/** Where a visitor appears on `level`; an unknown portal id falls back to the entrance. */
export function arrivalPoint(level: Pick<Level, 'landmarks' | 'portals' | 'size'>, portalId?: string): { at: Vec; portal: string | null } {
  const portal = portalId === undefined ? undefined : level.portals.find((p) => p.id === portalId);
  if (portal) return { at: { x: portal.x, y: portal.y }, portal: portal.id };
  const e = arrivalLandmark(level);
  return { at: e ? { x: e.x, y: e.y } : { x: level.size.width / 2, y: level.size.height / 2 }, portal: null };
}

/**
 * The n-th arrival around a point, spread on a small spiral so that a crowd at the door is not
 * one dot; `canStand` rejects spots inside stands (the arrival point itself is the fallback).
 */
export function spreadArrival(base: Vec, n: number, canStand: (p: Vec) => boolean): Vec {
  const a = (n * 2.399) % (2 * Math.PI);
  const r = 0.8 + (n % 5) * 0.5;
  const p = { x: base.x + Math.cos(a) * r, y: base.y + Math.sin(a) * r };
  return canStand(p) ? p : { x: base.x, y: base.y };
}
