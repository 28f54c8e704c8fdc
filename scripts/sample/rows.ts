// Filling one run of stands along an alley edge: which sizes, in which order. Big stands
// go to the ends of a run, where it meets a crossing, as at a real fair.
import type { StandSize } from '../../shared/level/schema.ts';
import { chance, weighted, type Rng } from './random.ts';

/** One stand slot: `at`..`at + along` along the row, `depth` back from the alley edge. */
export interface Piece {
  at: number;
  along: number;
  depth: number;
  size: StandSize;
}

type Shape = readonly [along: number, depth: number];

export interface Mix {
  name: string;
  /** Chance that an end of a run gets an L or XL stand. */
  corner: number;
  weights: readonly (readonly [Shape, number])[];
}

const S: Shape = [3, 3];
const M_WIDE: Shape = [6, 3];
const M_DEEP: Shape = [3, 6];
const L: Shape = [6, 6];
const XL_9: Shape = [9, 6];
const XL_12: Shape = [12, 6];
const XL_DEEP: Shape = [12, 8];

/** From the grandest to the most compact; the layout takes the first that seats everyone. */
export const MIXES: readonly Mix[] = [
  { name: 'grand', corner: 0.9, weights: [[S, 1], [M_WIDE, 2], [M_DEEP, 2], [L, 3], [XL_9, 1], [XL_12, 0.6], [XL_DEEP, 0.4]] },
  { name: 'large', corner: 0.8, weights: [[S, 2], [M_WIDE, 3], [M_DEEP, 2], [L, 2.5], [XL_9, 0.6], [XL_12, 0.4], [XL_DEEP, 0.2]] },
  { name: 'medium', corner: 0.7, weights: [[S, 3], [M_WIDE, 3], [M_DEEP, 2.5], [L, 1.5], [XL_9, 0.3], [XL_12, 0.2]] },
  { name: 'small', corner: 0.5, weights: [[S, 5], [M_WIDE, 2.5], [M_DEEP, 2], [L, 0.7], [XL_9, 0.15]] },
  { name: 'compact', corner: 0.3, weights: [[S, 8], [M_WIDE, 1.5], [M_DEEP, 2], [L, 0.3]] },
];

const CORNER_SHAPES: readonly (readonly [Shape, number])[] = [[L, 3], [XL_9, 2], [XL_12, 1.5], [XL_DEEP, 1]];

export function sizeOf(along: number, depth: number): StandSize {
  const area = along * depth;
  if (area <= 9) return 'S';
  if (area <= 18) return 'M';
  if (area <= 36) return 'L';
  return 'XL';
}

function fits(shape: Shape, room: number, depth: number): boolean {
  return shape[0] <= room && shape[1] <= depth;
}

function piece(at: number, [along, depth]: Shape): Piece {
  return { at, along, depth, size: sizeOf(along, depth) };
}

/** Stands for the interval [a, b] of a row whose stands may be up to `depth` deep. */
export function fillInterval(a: number, b: number, depth: number, mix: Mix, rng: Rng): Piece[] {
  const cornerPick = (room: number): Shape | null => {
    const options = CORNER_SHAPES.filter(([shape]) => fits(shape, room, depth));
    return options.length > 0 && chance(rng, mix.corner) ? weighted(rng, options) : null;
  };
  const head: Piece[] = [];
  const tail: Piece[] = [];
  let start = a;
  let end = b;
  const first = cornerPick(end - start - 6);
  if (first) {
    head.push(piece(start, first));
    start += first[0];
  }
  const last = cornerPick(end - start - 6);
  if (last) {
    end -= last[0];
    tail.push(piece(end, last));
  }
  const middle: Piece[] = [];
  for (;;) {
    const options = mix.weights.filter(([shape]) => fits(shape, end - start, depth));
    if (options.length === 0) break;
    const shape = weighted(rng, options);
    middle.push(piece(start, shape));
    start += shape[0];
  }
  // The leftover (< 3 m) becomes a passage before the last stand, so both ends of the run
  // stay flush with their crossings.
  const pieces = [...head, ...middle, ...tail];
  const lastPiece = pieces[pieces.length - 1];
  if (tail.length === 0 && lastPiece && pieces.length > 1) lastPiece.at = b - lastPiece.along;
  return pieces;
}
