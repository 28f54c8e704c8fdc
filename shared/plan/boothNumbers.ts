// Booth numbers as a fair prints them on its plan ("A01", "B12"), derived from the floor file
// without a new field: a stand id written "<prefix>-<row letter><number>" (the sample and
// generated floors, and what docs/LEVELS.md suggests) gives its row and number; any other id
// gets a plain number by position (north to south, then west to east), so it stays the same
// as long as the layout does. Letters-and-digits and digits-only never clash.
import type { Level } from '../level/schema.ts';

const ROW_NUMBER = /-([a-z]{1,2})(\d{1,4})$/;
/** Stands whose north edges differ by less than this (metres) count as one row. */
const ROW_TOLERANCE = 1;

/** The booth number of every stand of a floor, by stand index; unique on the floor. */
export function boothNumbers(level: Pick<Level, 'stands'>): string[] {
  const out: (string | null)[] = level.stands.map((s) => {
    const m = ROW_NUMBER.exec(s.id);
    return m ? `${m[1]!.toUpperCase()}${m[2]!.padStart(2, '0')}` : null;
  });
  // A derived number used twice (e.g. "hall-a1" and "annex-a01") is no number at all: both fall back.
  const seen = new Map<string, number>();
  for (const n of out) if (n) seen.set(n, (seen.get(n) ?? 0) + 1);
  for (let i = 0; i < out.length; i++) if (out[i] && seen.get(out[i]!)! > 1) out[i] = null;
  const rest = out.flatMap((n, i) => (n ? [] : [i]));
  if (rest.length > 0) {
    const byPlace = rest
      .map((i) => level.stands[i]!)
      .map((s, k) => ({ i: rest[k]!, row: Math.floor(s.y / ROW_TOLERANCE), x: s.x, id: s.id }));
    byPlace.sort((a, b) => a.row - b.row || a.x - b.x || (a.id < b.id ? -1 : 1));
    byPlace.forEach((p, k) => (out[p.i] = String(k + 1)));
  }
  return out as string[];
}

/** Booth numbers by stand id, for lookups from the UI (search, list, popups). */
export function boothNumberMap(level: Pick<Level, 'stands'>): Map<string, string> {
  const numbers = boothNumbers(level);
  return new Map(level.stands.map((s, i) => [s.id, numbers[i]!]));
}
