// The people-delta wire format (PeopleDelta in protocol.ts), written and read in one place:
// the floor room encodes with the add* functions, and everyone who reads it (the hall engine,
// tests, the bench) keeps a PeopleMirror, which turns the relative moves back into positions.
import { type PeopleDelta, fromDm } from './protocol.ts';

/** Fields per person in `enter`: id, x, y (decimetres), colour, name. */
export const ENTER_FIELDS = 5;
/** Fields per person in `move`: id, dx, dy (decimetres since the position last sent). */
export const MOVE_FIELDS = 3;

export function addEnter(d: PeopleDelta, id: number, xDm: number, yDm: number, colour: number, name: string): void {
  (d.enter ??= []).push(id, xDm, yDm, colour, name);
}

export function addMove(d: PeopleDelta, id: number, dxDm: number, dyDm: number): void {
  (d.move ??= []).push(id, dxDm, dyDm);
}

export function addLeave(d: PeopleDelta, id: number): void {
  (d.leave ??= []).push(id);
}

export function isEmptyDelta(d: PeopleDelta): boolean {
  return !d.enter?.length && !d.move?.length && !d.leave?.length;
}

/** Packs a decimetre position into one number, for "what this client last got" maps. */
export function packDm(xDm: number, yDm: number): number {
  return xDm * 65536 + yDm;
}

export function unpackDm(packed: number): { xDm: number; yDm: number } {
  const xDm = Math.floor(packed / 65536);
  return { xDm, yDm: packed - xDm * 65536 };
}

export interface MirroredPerson {
  id: number;
  /** Metres, as drawn. */
  x: number;
  y: number;
  /** Decimetres, exactly as the server last sent them (moves are relative to these). */
  xDm: number;
  yDm: number;
  colour: number;
  name: string;
}

export interface MirrorEvents {
  left?(p: MirroredPerson): void;
  /** A person came into view (or came back renamed: `left` was called just before). */
  entered?(p: MirroredPerson): void;
  moved?(p: MirroredPerson): void;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * The people near a client, as the deltas describe them. Leaves are applied first, so a
 * renamed person (left and entered in one delta) ends up entered. Malformed entries are
 * skipped rather than trusted.
 */
export class PeopleMirror {
  readonly people = new Map<number, MirroredPerson>();

  apply(d: PeopleDelta, on: MirrorEvents = {}): void {
    for (const id of d.leave ?? []) {
      const p = this.people.get(id);
      if (!p) continue;
      this.people.delete(id);
      on.left?.(p);
    }
    const e = d.enter ?? [];
    for (let i = 0; i + ENTER_FIELDS <= e.length; i += ENTER_FIELDS) {
      const [id, xDm, yDm, colour, name] = [e[i], e[i + 1], e[i + 2], e[i + 3], e[i + 4]];
      if (!isInt(id) || !isInt(xDm) || !isInt(yDm) || !isInt(colour) || typeof name !== 'string') continue;
      const old = this.people.get(id);
      if (old) on.left?.(old);
      const p: MirroredPerson = { id, x: fromDm(xDm), y: fromDm(yDm), xDm, yDm, colour, name };
      this.people.set(id, p);
      on.entered?.(p);
    }
    const m = d.move ?? [];
    for (let i = 0; i + MOVE_FIELDS <= m.length; i += MOVE_FIELDS) {
      const p = this.people.get(m[i]!);
      const dx = m[i + 1];
      const dy = m[i + 2];
      if (!p || !isInt(dx) || !isInt(dy)) continue;
      p.xDm += dx;
      p.yDm += dy;
      p.x = fromDm(p.xDm);
      p.y = fromDm(p.yDm);
      on.moved?.(p);
    }
  }

  clear(): void {
    this.people.clear();
  }
}
