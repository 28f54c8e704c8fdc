// Generates an exhibition hall: a perimeter ring alley, long east-west alleys, north-south
// cross alleys, and back-to-back rows of stands filling the blocks between them, with
// every stand's entrance on the edge of the alley it faces. Pure: same spec, ids and
// seed give the same floor. Used for the sample floors and the stress floor.
import type { CategoryId } from '../../shared/categories.ts';
import type { Rect } from '../../shared/geometry.ts';
import { rectsOverlap } from '../../shared/geometry.ts';
import { type Alley, type Landmark, LEVEL_VERSION, type LevelInput, type Portal, type Side, type Stand } from '../../shared/level/schema.ts';
import type { LocalText } from '../../shared/text.ts';
import { mulberry32, shuffle, type Rng } from './random.ts';
import { fillInterval, MIXES, sizeOf, type Mix, type Piece } from './rows.ts';

export interface AlleySpec {
  width: number;
  name?: LocalText;
}

export interface PortalSpec {
  id: string;
  kind: Portal['kind'];
  to: { floor: string; portal: string };
  title?: LocalText;
}

export interface HallSpec {
  id: string;
  title: LocalText;
  category: CategoryId;
  order: number;
  width: number;
  height: number;
  background: { style: 'parquet' | 'carpet' | 'concrete' | 'marble'; tint?: string };
  /** Gap between the walls and the ring alley; holds a single row of stands when `wallRows`. */
  wallDepth: number;
  wallRows: boolean;
  ring: AlleySpec;
  /** Long east-west alleys inside the ring, north to south. */
  rows: readonly AlleySpec[];
  /** North-south cross alleys inside the ring, west to east. */
  cross: readonly AlleySpec[];
  /** Index in `cross` of the main alley: it runs from the south wall (the entrance) to the stage. */
  main: number;
  portals: readonly PortalSpec[];
  /** Stand ids are "<standPrefix>-<row letter><number>". */
  standPrefix: string;
}

/** A run of stand slots along one alley edge. */
interface Strip {
  /** 'x': the row runs east-west; 'y': north-south. */
  axis: 'x' | 'y';
  facing: Side;
  /** Coordinate of the alley edge the entrances lie on. */
  front: number;
  depth: number;
  from: number;
  to: number;
}

interface Placed {
  strip: number;
  piece: Piece;
  /** First or last piece of its interval: sits at an alley crossing. */
  corner: boolean;
}

const half = (v: number) => Math.floor(v) / 2;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function stripLetter(i: number): string {
  return i < 26 ? (LETTERS[i] ?? 'z') : (LETTERS[Math.floor(i / 26) - 1] ?? 'z') + (LETTERS[i % 26] ?? 'z');
}

function stripRect(s: Strip, from: number, to: number, depth: number): Rect {
  const along = to - from;
  if (s.axis === 'x') {
    return { x: from, y: s.facing === 'north' ? s.front : s.front - depth, w: along, h: depth };
  }
  return { x: s.facing === 'west' ? s.front : s.front - depth, y: from, w: depth, h: along };
}

/** Parts of [from, to] not covered by any obstacle overlapping the strip's full depth. */
function freeIntervals(s: Strip, obstacles: readonly Rect[]): [number, number][] {
  const full = stripRect(s, s.from, s.to, s.depth);
  const blocked = obstacles
    .filter((o) => rectsOverlap(o, full))
    .map((o): [number, number] => (s.axis === 'x' ? [o.x, o.x + o.w] : [o.y, o.y + o.h]))
    .sort((a, b) => a[0] - b[0]);
  const free: [number, number][] = [];
  let cursor = s.from;
  for (const [a, b] of blocked) {
    if (a > cursor) free.push([cursor, Math.min(a, s.to)]);
    cursor = Math.max(cursor, b);
  }
  if (cursor < s.to) free.push([cursor, s.to]);
  // Stand edges stay on the 0.5 m grid.
  return free
    .map(([a, b]): [number, number] => [Math.ceil(a * 2) / 2, Math.floor(b * 2) / 2])
    .filter(([a, b]) => b - a >= 3);
}

/** Segment bounding box inflated by half the width: covers the alley's corridor including its round ends. */
function corridorBoxes(alley: Alley): Rect[] {
  const r = (alley.width ?? 4) / 2;
  const boxes: Rect[] = [];
  for (let i = 1; i < alley.points.length; i++) {
    const [ax, ay] = alley.points[i - 1] as [number, number];
    const [bx, by] = alley.points[i] as [number, number];
    const x = Math.min(ax, bx) - r;
    const y = Math.min(ay, by) - r;
    boxes.push({ x, y, w: Math.abs(bx - ax) + 2 * r, h: Math.abs(by - ay) + 2 * r });
  }
  return boxes;
}

/** Centres of alleys spread evenly across [start, end], leaving equal blocks between them. */
function spread(start: number, end: number, alleys: readonly AlleySpec[]): { centres: number[]; blocks: number[] } {
  const n = alleys.length + 1;
  const widths = alleys.reduce((s, a) => s + a.width, 0);
  const block = Math.floor(((end - start - widths) / n) * 2) / 2;
  if (block < 6) throw new Error('hall too small for its alleys');
  const centres: number[] = [];
  const blocks: number[] = [];
  let cursor = start;
  alleys.forEach((a) => {
    cursor += block;
    blocks.push(block);
    centres.push(cursor + a.width / 2);
    cursor += a.width;
  });
  blocks.push(end - cursor);
  return { centres, blocks };
}

const LANDMARK_TITLES: Record<Landmark['kind'], LocalText> = {
  entrance: { ru: 'Вход', en: 'Entrance' },
  info: { ru: 'Информационная стойка', en: 'Information desk' },
  programme: { ru: 'Деловая программа: главная сцена', en: 'Business programme: main stage' },
  cafe: { ru: 'Кафе', en: 'Café' },
  lounge: { ru: 'Зона отдыха', en: 'Lounge' },
  wc: { ru: 'Туалеты', en: 'Restrooms' },
};

export function buildHall(spec: HallSpec, exhibitorIds: readonly string[], rng: Rng): LevelInput {
  const { width: W, height: H, wallDepth: wd } = spec;
  const rw = spec.ring.width;
  const c = wd + rw / 2;
  const top = wd + rw;
  const ys = spread(top, H - top, spec.rows);
  const xs = spread(top, W - top, spec.cross);
  const xMain = xs.centres[spec.main];
  if (xMain === undefined) throw new Error('main alley index out of range');

  const alleys: Alley[] = [
    { id: 'ring', points: [[c, c], [W - c, c], [W - c, H - c], [c, H - c], [c, c]], width: rw, ...(spec.ring.name ? { name: spec.ring.name } : {}) },
  ];
  spec.rows.forEach((a, i) => {
    const y = ys.centres[i] as number;
    alleys.push({ id: `row-${i + 1}`, points: [[c, y], [W - c, y]], width: a.width, ...(a.name ? { name: a.name } : {}) });
  });
  spec.cross.forEach((a, i) => {
    const x = xs.centres[i] as number;
    const main = i === spec.main;
    // The main alley runs on through the ring and the wall row to the entrance in the south wall.
    alleys.push({ id: main ? 'main' : `cross-${i + 1}`, points: [[x, c], [x, main ? H : H - c]], width: a.width, ...(a.name ? { name: a.name } : {}) });
  });

  // Landmarks sit on alley centre lines; some of them get a clear zone around them (stage, café...).
  const bandMid = (i: number) => (i === 0 ? top : (ys.centres[i - 1] as number) + (spec.rows[i - 1]?.width ?? 0) / 2) + (ys.blocks[i] as number) / 2;
  const midBand = Math.floor(ys.blocks.length / 2);
  const cafeY = bandMid(midBand);
  const loungeY = bandMid(Math.max(0, midBand - 1));
  const xLounge = xs.centres[spec.main === 0 ? 1 : 0] ?? xMain;
  const mainWidth = spec.cross[spec.main]?.width ?? 6;
  const landmarks: Landmark[] = [
    { id: 'entrance', kind: 'entrance', x: xMain, y: H, title: LANDMARK_TITLES.entrance },
    { id: 'info', kind: 'info', x: xMain, y: H - c, title: LANDMARK_TITLES.info },
    { id: 'programme', kind: 'programme', x: xMain, y: c, title: LANDMARK_TITLES.programme },
    { id: 'cafe', kind: 'cafe', x: W - c, y: cafeY, title: LANDMARK_TITLES.cafe },
    { id: 'lounge', kind: 'lounge', x: xLounge, y: loungeY, title: LANDMARK_TITLES.lounge },
    { id: 'wc', kind: 'wc', x: W - c, y: c, title: LANDMARK_TITLES.wc },
  ];
  const reserved: Rect[] = [
    { x: xMain - mainWidth / 2 - 9, y: 0, w: mainWidth + 18, h: top + 7 }, // stage forecourt
    { x: W - top - 9, y: cafeY - 7, w: top + 9, h: 14 }, // café tables
    { x: xLounge - 9, y: loungeY - 6, w: 18, h: 12 }, // lounge sofas
  ];

  // Portal lobby on the west side of the ring: stairs first, then lifts 2 m apart.
  const portals: Portal[] = [];
  let py = bandMid(Math.min(1, ys.blocks.length - 1)) - 4;
  spec.portals.forEach((p, i) => {
    if (i > 0) py += p.kind === 'lift' && spec.portals[i - 1]?.kind === 'lift' ? 2 : 3;
    portals.push({ id: p.id, kind: p.kind, x: c, y: py, to: p.to, ...(p.title ? { title: p.title } : {}) });
  });
  if (portals.length > 0) {
    const first = portals[0]?.y ?? py;
    reserved.push({ x: 0, y: first - 5, w: top + 8, h: py - first + 10 });
  }

  const obstacles = [...alleys.flatMap(corridorBoxes), ...reserved];
  const strips = makeStrips(spec, ys.centres, ys.blocks);
  const pieces = placeStands(strips, obstacles, exhibitorIds.length, rng);
  const stands = nameStands(spec.standPrefix, strips, pieces, exhibitorIds);

  return {
    $schema: './level.schema.json',
    version: LEVEL_VERSION,
    id: spec.id,
    title: spec.title,
    category: spec.category,
    order: spec.order,
    size: { width: W, height: H },
    background: spec.background,
    alleys,
    stands,
    portals,
    landmarks,
  };
}

function makeStrips(spec: HallSpec, rowCentres: readonly number[], bands: readonly number[]): Strip[] {
  const { width: W, height: H, wallDepth: wd } = spec;
  const rw = spec.ring.width;
  const c = wd + rw / 2;
  const bandDepth = (i: number) => Math.min(8, half(bands[i] ?? 0));
  const strips: Strip[] = [];
  if (spec.wallRows) strips.push({ axis: 'x', facing: 'south', front: wd, depth: wd, from: c, to: W - c });
  strips.push({ axis: 'x', facing: 'north', front: wd + rw, depth: bandDepth(0), from: c, to: W - c });
  spec.rows.forEach((a, i) => {
    const y = rowCentres[i] as number;
    strips.push({ axis: 'x', facing: 'south', front: y - a.width / 2, depth: bandDepth(i), from: c, to: W - c });
    strips.push({ axis: 'x', facing: 'north', front: y + a.width / 2, depth: bandDepth(i + 1), from: c, to: W - c });
  });
  strips.push({ axis: 'x', facing: 'south', front: H - wd - rw, depth: bandDepth(bands.length - 1), from: c, to: W - c });
  if (spec.wallRows) {
    strips.push({ axis: 'x', facing: 'north', front: H - wd, depth: wd, from: c, to: W - c });
    strips.push({ axis: 'y', facing: 'east', front: wd, depth: wd, from: c, to: H - c });
    strips.push({ axis: 'y', facing: 'west', front: W - wd, depth: wd, from: c, to: H - c });
  }
  return strips;
}

function fillAll(strips: readonly Strip[], obstacles: readonly Rect[], mix: Mix, rng: Rng): Placed[] {
  const placed: Placed[] = [];
  strips.forEach((s, i) => {
    for (const [a, b] of freeIntervals(s, obstacles)) {
      const pieces = fillInterval(a, b, s.depth, mix, rng);
      pieces.forEach((piece, k) => placed.push({ strip: i, piece, corner: k === 0 || k === pieces.length - 1 }));
    }
  });
  return placed;
}

/** Fills the strips with exactly `count` stands, choosing the stand-size mix that fits best. */
function placeStands(strips: readonly Strip[], obstacles: readonly Rect[], count: number, rng: Rng): Placed[] {
  const seed = Math.floor(rng() * 2 ** 32);
  // Try mixes from the grandest; the first with room for everyone keeps the most big stands.
  let placed: Placed[] = [];
  for (const mix of MIXES) {
    placed = fillAll(strips, obstacles, mix, mulberry32(seed));
    if (placed.length >= count) break;
  }
  // Too few: split the widest stands (12 m -> 6 + 6, 6 m -> 3 + 3) until everyone fits.
  while (placed.length < count) {
    const widest = Math.max(...placed.map((p) => p.piece.along));
    if (widest < 6) throw new Error(`only ${placed.length} stand slots for ${count} exhibitors`);
    const candidates = placed.filter((p) => p.piece.along === widest);
    const victim = candidates[Math.floor(rng() * candidates.length)] as Placed;
    const first = widest === 9 ? 6 : widest / 2;
    const depth = Math.min(victim.piece.depth, 6);
    const a: Piece = { at: victim.piece.at, along: first, depth, size: sizeOf(first, depth) };
    const b: Piece = { at: victim.piece.at + first, along: widest - first, depth, size: sizeOf(widest - first, depth) };
    placed.splice(placed.indexOf(victim), 1, { ...victim, piece: a }, { ...victim, piece: b });
  }
  // Too many: leave gaps in the middle of rows (free space, like a real fair), never at crossings.
  let excess = placed.length - count;
  if (excess > 0) {
    const removable = shuffle(rng, placed.filter((p) => !p.corner));
    const drop = new Set<Placed>(removable.slice(0, excess));
    excess -= drop.size;
    placed = placed.filter((p) => !drop.has(p));
    if (excess > 0) placed = placed.slice(0, count);
  }
  return placed;
}

function nameStands(prefix: string, strips: readonly Strip[], placed: readonly Placed[], exhibitorIds: readonly string[]): Stand[] {
  const byStrip = new Map<number, Piece[]>();
  for (const p of placed) byStrip.set(p.strip, [...(byStrip.get(p.strip) ?? []), p.piece]);
  const stands: Stand[] = [];
  let letter = 0;
  strips.forEach((s, i) => {
    const pieces = (byStrip.get(i) ?? []).sort((a, b) => a.at - b.at);
    if (pieces.length === 0) return;
    const pad = pieces.length >= 100 ? 3 : 2;
    const code = stripLetter(letter++);
    pieces.forEach((piece, k) => {
      const r = stripRect(s, piece.at, piece.at + piece.along, piece.depth);
      stands.push({
        id: `${prefix}-${code}${String(k + 1).padStart(pad, '0')}`,
        exhibitor: exhibitorIds[stands.length % exhibitorIds.length] as string,
        x: r.x,
        y: r.y,
        w: r.w,
        h: r.h,
        entrance: s.facing,
        size: piece.size,
      });
    });
  });
  return stands;
}
