// Validation of floor files beyond their shape: references, ids and geometry.
// Returns every problem at once so an organiser can fix a file in one pass.
// The server and `npm run levels:check` both call this, so they print the same sentences.
import type { z } from 'zod';
import { type Rect, type Vec, projectOnSegment, rectInside, rectsOverlap, segmentHitsRect } from '../geometry.ts';
import { type JsonIndex, indexJson } from './jsonLocate.ts';
import { migrateLevel } from './migrate.ts';
import { Level } from './schema.ts';
import { StandGrid } from './spatial.ts';
import { doorstep, entranceMid, standRect } from './stand.ts';
import { closest } from './suggest.ts';
import { buildWalkGraph, connectedComponents } from './walkGraph.ts';

export type JsonPath = (string | number)[];

export interface LevelProblem {
  /** File name as the organiser knows it, e.g. "levels/edtech.json". */
  file: string;
  path: JsonPath;
  message: string;
  /** 1-based position of the value at `path` in the file, when the source text is known. */
  line?: number;
  column?: number;
}

export interface LevelSource {
  file: string;
  data: unknown;
  /** The file's text as read, so problems can carry a line and column. */
  text?: string;
}

export interface ValidationResult {
  levels: Level[];
  /** Files that parsed and passed every check, by file name. */
  valid: Map<string, Level>;
  problems: LevelProblem[];
}

export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out || '(root)';
}

/** "levels/edtech.json:212:9 stands[41].exhibitor: ..." (editors and terminals link file:line:column). */
export function formatProblem(p: LevelProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where} ${formatPath(p.path)}: ${p.message}`;
}

/** Adds line and column to problems of files whose text is known; others are returned as they are. */
export function locateProblems(problems: readonly LevelProblem[], sources: readonly LevelSource[]): LevelProblem[] {
  const texts = new Map<string, string>();
  for (const s of sources) if (s.text !== undefined) texts.set(s.file, s.text);
  const indexes = new Map<string, JsonIndex | null>();
  return problems.map((p) => {
    const text = texts.get(p.file);
    if (p.line !== undefined || text === undefined) return p;
    let index = indexes.get(p.file);
    if (index === undefined) {
      try {
        index = indexJson(text);
      } catch {
        index = null;
      }
      indexes.set(p.file, index);
    }
    if (!index) return p;
    const { line, column } = index.locate(p.path);
    return { ...p, line, column };
  });
}

function zodProblems(file: string, error: z.ZodError): LevelProblem[] {
  return error.issues.map((issue) => ({
    file,
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issue.message,
  }));
}

/** How far a stand may reach into an alley before it counts as standing on it, in metres. */
const ALLEY_TOLERANCE = 0.05;
/** How far from an alley's edge an entrance may be and still be reached from it, in metres. */
const ENTRANCE_REACH = 1;
/** How far from an alley's edge a portal or landmark may stand, in metres. */
const POINT_REACH = 1;

const metres = (v: number) => `${Math.round(v * 10) / 10} m`;

function pointRectDistance(p: Vec, r: Rect): number {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.w));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.h));
  return Math.hypot(dx, dy);
}

/** Distance between segment ab and rectangle r; 0 when they meet. */
function segmentRectDistance(a: Vec, b: Vec, r: Rect): number {
  if (segmentHitsRect(a, b, r, 0)) return 0;
  let d = Math.min(pointRectDistance(a, r), pointRectDistance(b, r));
  for (const c of [
    { x: r.x, y: r.y },
    { x: r.x + r.w, y: r.y },
    { x: r.x, y: r.y + r.h },
    { x: r.x + r.w, y: r.y + r.h },
  ]) {
    d = Math.min(d, projectOnSegment(c, a, b).d);
  }
  return d;
}

interface Segment {
  a: Vec;
  b: Vec;
  alley: number;
  half: number;
}

/**
 * Stands against alleys: none stands in a corridor (the centre line inflated by half the
 * width), every entrance is within reach of an alley with nothing in the way, the alleys form
 * one network, and portals and landmarks stand on it. Stand lookups go through a StandGrid so
 * the 2 000-stand floor stays fast.
 */
function checkAlleyGeometry(
  file: string,
  level: Level,
  outside: ReadonlySet<number>,
  outsidePoints: ReadonlySet<string>,
): LevelProblem[] {
  const problems: LevelProblem[] = [];
  const add = (path: JsonPath, message: string) => problems.push({ file, path, message });
  const segments: Segment[] = level.alleys.flatMap((alley, ai) =>
    alley.points.slice(1).map((q, k) => {
      const p = alley.points[k]!;
      return { a: { x: p[0], y: p[1] }, b: { x: q[0], y: q[1] }, alley: ai, half: alley.width / 2 };
    }),
  );
  const alleyName = (ai: number) => `alley "${level.alleys[ai]!.id}"`;
  /** The alley segment nearest to p by its distance to the corridor's edge. */
  const nearestEdge = (p: Vec) => {
    let best: { seg: Segment; gap: number } | null = null;
    for (const seg of segments) {
      const gap = projectOnSegment(p, seg.a, seg.b).d - seg.half;
      if (!best || gap < best.gap) best = { seg, gap };
    }
    return best;
  };

  const grid = new StandGrid(level.stands, level.size.width, level.size.height);
  const found: number[] = [];

  // Stands standing in an alley: one sentence per stand and alley, with the deepest intrusion.
  const intrusion = new Map<string, { stand: number; alley: number; depth: number }>();
  for (const seg of segments) {
    const reach = seg.half - ALLEY_TOLERANCE;
    if (reach <= 0) continue;
    const box = {
      x: Math.min(seg.a.x, seg.b.x) - reach,
      y: Math.min(seg.a.y, seg.b.y) - reach,
      w: Math.abs(seg.b.x - seg.a.x) + 2 * reach,
      h: Math.abs(seg.b.y - seg.a.y) + 2 * reach,
    };
    for (const i of grid.query(box, found)) {
      if (outside.has(i)) continue;
      const d = segmentRectDistance(seg.a, seg.b, standRect(level.stands[i]!));
      if (d >= reach) continue;
      const k = `${i}:${seg.alley}`;
      const depth = seg.half - d;
      const prev = intrusion.get(k);
      if (!prev || prev.depth < depth) intrusion.set(k, { stand: i, alley: seg.alley, depth });
    }
  }
  for (const { stand, alley, depth } of [...intrusion.values()].sort((x, y) => x.stand - y.stand || x.alley - y.alley)) {
    const s = level.stands[stand]!;
    add(
      ['stands', stand],
      `stand "${s.id}" reaches ${metres(depth)} into ${alleyName(alley)} (${metres(level.alleys[alley]!.width)} wide): ` +
        'a stand may touch an alley’s edge but not stand in it',
    );
  }

  // Entrances: within reach of an alley, and the short walk from the doorstep to it is clear.
  level.stands.forEach((s, i) => {
    if (outside.has(i) || segments.length === 0) return;
    const near = nearestEdge(entranceMid(s))!;
    if (near.gap > ENTRANCE_REACH + 1e-6) {
      add(
        ['stands', i, 'entrance'],
        `stand "${s.id}" opens to the ${s.entrance}, but no alley passes within ${ENTRANCE_REACH} m of that side ` +
          `(the nearest, ${alleyName(near.seg.alley)}, is ${metres(near.gap)} away): turn the entrance towards an alley or move the stand`,
      );
      return;
    }
    const from = doorstep(s);
    let onto: { seg: Segment; point: Vec; d: number } | null = null;
    for (const seg of segments) {
      const pr = projectOnSegment(from, seg.a, seg.b);
      if (!onto || pr.d < onto.d) onto = { seg, point: pr.point, d: pr.d };
    }
    const to = onto!.point;
    const box = { x: Math.min(from.x, to.x), y: Math.min(from.y, to.y), w: Math.abs(to.x - from.x), h: Math.abs(to.y - from.y) };
    for (const j of grid.query(box, found)) {
      if (!segmentHitsRect(from, to, standRect(level.stands[j]!))) continue;
      const other = level.stands[j]!;
      add(
        ['stands', i, 'entrance'],
        `stand "${s.id}" cannot be reached: the way from its entrance to ${alleyName(onto!.seg.alley)} is blocked by ` +
          (j === i ? 'the stand itself (does the entrance face the alley?)' : `stand "${other.id}" (stands[${j}])`),
      );
      break;
    }
  });

  // One walk network: name the alleys of every group cut off from the largest one.
  const graph = buildWalkGraph(level);
  const groups = connectedComponents(graph);
  if (groups.length > 1) {
    const groupOf = new Int32Array(graph.nodes.length);
    groups.forEach((g, gi) => g.forEach((n) => (groupOf[n] = gi)));
    const alleysOf = groups.map(() => new Set<number>());
    graph.edges.forEach(([a], e) => alleysOf[groupOf[a]!]!.add(graph.edgeAlley[e]!));
    let main = 0;
    groups.forEach((g, gi) => {
      if (g.length > groups[main]!.length) main = gi;
    });
    alleysOf.forEach((set, gi) => {
      if (gi === main || set.size === 0) return;
      const list = [...set].sort((x, y) => x - y);
      const names = list.map((ai) => `"${level.alleys[ai]!.id}"`).join(', ');
      add(
        ['alleys', list[0]!],
        `${list.length === 1 ? 'alley' : 'alleys'} ${names} ${list.length === 1 ? 'is' : 'are'} not connected to the rest of the floor: ` +
          'visitors cannot walk there (let a centre line end on or cross another alley’s centre line)',
      );
    });
  }

  // Portals and landmarks stand on an alley.
  const onAlley = (kind: 'portal' | 'landmark', key: 'portals' | 'landmarks', items: readonly { id: string; x: number; y: number }[]) =>
    items.forEach((item, i) => {
      if (outsidePoints.has(`${key}.${i}`) || segments.length === 0) return;
      const near = nearestEdge(item)!;
      if (near.gap <= POINT_REACH + 1e-6) return;
      add(
        [key, i],
        `${kind} "${item.id}" at (${item.x}, ${item.y}) is ${metres(near.gap)} from the nearest alley (${alleyName(near.seg.alley)}): ` +
          `put it on an alley or within ${POINT_REACH} m of its edge so visitors can reach it`,
      );
    });
  onAlley('portal', 'portals', level.portals);
  onAlley('landmark', 'landmarks', level.landmarks);
  return problems;
}

/** Checks within one parsed floor that need no other floor. */
function checkFloor(file: string, level: Level, exhibitorIds: ReadonlySet<string>): LevelProblem[] {
  const problems: LevelProblem[] = [];
  const add = (path: JsonPath, message: string) => problems.push({ file, path, message });

  const seen = new Map<string, string>();
  const claim = (id: string, where: string, path: JsonPath) => {
    const first = seen.get(id);
    if (first) add([...path, 'id'], `duplicate id "${id}" (already used by ${first})`);
    else seen.set(id, where);
  };
  level.alleys.forEach((a, i) => claim(a.id, `alleys[${i}]`, ['alleys', i]));
  level.stands.forEach((s, i) => claim(s.id, `stands[${i}]`, ['stands', i]));
  level.portals.forEach((p, i) => claim(p.id, `portals[${i}]`, ['portals', i]));
  level.landmarks.forEach((l, i) => claim(l.id, `landmarks[${i}]`, ['landmarks', i]));
  level.landmarks.forEach((l, i) => {
    if (l.programme && l.kind !== 'programme') {
      add(['landmarks', i, 'programme'], `landmark "${l.id}" is a ${l.kind}, not a programme landmark: only "kind": "programme" may name a part of the programme`);
    }
  });

  const hall = { x: 0, y: 0, w: level.size.width, h: level.size.height };
  const inHall = (x: number, y: number) => x >= 0 && y >= 0 && x <= hall.w && y <= hall.h;
  const knownIds = [...exhibitorIds];
  // Things outside the hall get that one sentence; their distance to alleys would be noise.
  const outside = new Set<number>();

  level.stands.forEach((s, i) => {
    if (!exhibitorIds.has(s.exhibitor)) {
      const hint = closest(s.exhibitor, knownIds);
      add(
        ['stands', i, 'exhibitor'],
        `"${s.exhibitor}" is not a known exhibitor${hint ? ` (did you mean "${hint}"?)` : ''}`,
      );
    }
    if (!rectInside(standRect(s), hall)) {
      outside.add(i);
      add(['stands', i], `stand "${s.id}" lies outside the hall (${level.size.width} x ${level.size.height} m)`);
    }
  });

  // Sort by x so the overlap scan stays near-linear on big floors.
  const order = level.stands.map((s, i) => ({ s, i })).sort((a, b) => a.s.x - b.s.x);
  for (let a = 0; a < order.length; a++) {
    const A = order[a]!;
    for (let b = a + 1; b < order.length; b++) {
      const B = order[b]!;
      if (B.s.x >= A.s.x + A.s.w) break;
      if (rectsOverlap(standRect(A.s), standRect(B.s))) {
        const [first, second] = A.i < B.i ? [A, B] : [B, A];
        add(['stands', second.i], `stand "${second.s.id}" overlaps stand "${first.s.id}" (stands[${first.i}])`);
      }
    }
  }

  level.alleys.forEach((a, i) =>
    a.points.forEach(([x, y], j) => {
      if (!inHall(x, y)) add(['alleys', i, 'points', j], `point (${x}, ${y}) lies outside the hall`);
    }),
  );
  const outsidePoints = new Set<string>();
  level.portals.forEach((p, i) => {
    if (inHall(p.x, p.y)) return;
    outsidePoints.add(`portals.${i}`);
    add(['portals', i], `portal "${p.id}" lies outside the hall`);
  });
  level.landmarks.forEach((l, i) => {
    if (inHall(l.x, l.y)) return;
    outsidePoints.add(`landmarks.${i}`);
    add(['landmarks', i], `landmark "${l.id}" lies outside the hall`);
  });

  problems.push(...checkAlleyGeometry(file, level, outside, outsidePoints));
  return problems;
}

/**
 * Validates a whole exhibition: each file's shape and geometry, then references between
 * floors (portal targets, floor ids, stand ids unique across floors). A file with any
 * problem is left out of `valid`, so a caller can keep serving its previous version. A file
 * is judged on its own problems: a portal into a floor that is itself broken is reported on
 * that floor only, so one bad file never takes its neighbours down with it.
 */
export function validateLevels(sources: LevelSource[], exhibitorIds: ReadonlySet<string>): ValidationResult {
  const problems: LevelProblem[] = [];
  const parsed: { file: string; level: Level; problems: number }[] = [];
  // Floors whose files exist but fail the schema: a portal to one is not "to a missing floor";
  // that floor's own problems are reported on its file.
  const brokenIds = new Set<string>();

  for (const src of sources) {
    const migrated = migrateLevel(src.data);
    const result = migrated.ok ? Level.safeParse(migrated.data) : null;
    if (!result?.success) {
      if (result) problems.push(...zodProblems(src.file, result.error));
      else if (!migrated.ok) problems.push({ file: src.file, path: ['version'], message: migrated.message });
      const id = (src.data as { id?: unknown } | null)?.id;
      if (typeof id === 'string') brokenIds.add(id);
      continue;
    }
    const own = checkFloor(src.file, result.data, exhibitorIds);
    problems.push(...own);
    parsed.push({ file: src.file, level: result.data, problems: own.length });
  }

  const floorsById = new Map<string, { file: string; level: Level }>();
  const standOwner = new Map<string, string>();
  const crossBad = new Set<string>();
  for (const p of parsed) {
    const other = floorsById.get(p.level.id);
    if (other) {
      problems.push({ file: p.file, path: ['id'], message: `floor id "${p.level.id}" is already used by ${other.file}` });
      crossBad.add(p.file);
    } else floorsById.set(p.level.id, p);
    p.level.stands.forEach((s, i) => {
      const owner = standOwner.get(s.id);
      if (owner && owner !== p.file) {
        problems.push({ file: p.file, path: ['stands', i, 'id'], message: `stand id "${s.id}" is already used in ${owner}` });
        crossBad.add(p.file);
      } else standOwner.set(s.id, p.file);
    });
  }
  for (const p of parsed) {
    p.level.portals.forEach((portal, i) => {
      const target = floorsById.get(portal.to.floor);
      if (!target && brokenIds.has(portal.to.floor)) return;
      if (!target) {
        const hint = closest(portal.to.floor, [...floorsById.keys()]);
        problems.push({
          file: p.file,
          path: ['portals', i, 'to', 'floor'],
          message: `portal "${portal.id}" leads to floor "${portal.to.floor}", which does not exist${hint ? ` (did you mean "${hint}"?)` : ''}`,
        });
        crossBad.add(p.file);
        return;
      }
      const back = target.level.portals.find((q) => q.id === portal.to.portal);
      if (!back) {
        problems.push({
          file: p.file,
          path: ['portals', i, 'to', 'portal'],
          message: `portal "${portal.id}" leads to portal "${portal.to.portal}", which floor "${portal.to.floor}" does not have`,
        });
        crossBad.add(p.file);
        return;
      }
      if (back.to.floor === p.level.id && back.to.portal === portal.id) return;
      // When the other portal's own target is missing, that mistake is on the other file only.
      const beyond = floorsById.get(back.to.floor)?.level.portals.some((q) => q.id === back.to.portal);
      if (!beyond) return;
      problems.push({
        file: p.file,
        path: ['portals', i, 'to'],
        message:
          `portal "${portal.id}" leads to "${back.id}" on floor "${target.level.id}", but that portal leads back to ` +
          `"${back.to.portal}" on floor "${back.to.floor}": a pair of portals must lead to each other`,
      });
      crossBad.add(p.file);
    });
  }

  const valid = new Map<string, Level>();
  for (const p of parsed) if (p.problems === 0 && !crossBad.has(p.file)) valid.set(p.file, p.level);
  return {
    levels: [...valid.values()].sort((a, b) => a.order - b.order),
    valid,
    problems: locateProblems(problems, sources),
  };
}
