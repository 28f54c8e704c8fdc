// Sanity check of the generated sample (and stress) floors: schema, geometry and links.
// Run: npx tsx scripts/sample/check-sample.ts [levelsDir ...]   (default: levels)
// Exits non-zero on any problem. The product's own validator is shared/level/validate.ts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CategoryId } from '../../shared/categories.ts';
import { ExhibitorList } from '../../shared/exhibitor.ts';
import {
  dist, projectOnSegment, rectInside, rectsOverlap, segmentHitsRect, segmentIntersection,
  type Rect, type Vec,
} from '../../shared/geometry.ts';
import { Level, type Alley } from '../../shared/level/schema.ts';
import { entranceMid, standRect } from '../../shared/level/stand.ts';

const ROOT = join(import.meta.dirname, '../..');
/** Categories allowed on each sample floor; other floors (stress) take anyone. */
const FLOOR_CATEGORIES: Record<string, readonly CategoryId[]> = {
  school: ['preschool', 'school', 'additional', 'regions'],
  higher: ['higher', 'professional'],
  edtech: ['edtech', 'platforms'],
  equipment: ['equipment', 'publishers'],
};
const ENTRANCE_TOLERANCE = 0.6;
const EPS = 1e-6;

const problems: string[] = [];
const fail = (msg: string) => problems.push(msg);

interface Segment { a: Vec; b: Vec; half: number; alley: string }

function segmentsOf(alleys: readonly Alley[]): Segment[] {
  return alleys.flatMap((al) =>
    al.points.slice(1).map((p, i) => {
      const q = al.points[i] as [number, number];
      return { a: { x: q[0], y: q[1] }, b: { x: p[0], y: p[1] }, half: al.width / 2, alley: al.id };
    }),
  );
}

function pointRectDistance(p: Vec, r: Rect): number {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.w));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.h));
  return Math.hypot(dx, dy);
}

function segmentRectDistance(s: Segment, r: Rect): number {
  if (segmentHitsRect(s.a, s.b, r, 0)) return 0;
  const corners: Vec[] = [
    { x: r.x, y: r.y }, { x: r.x + r.w, y: r.y }, { x: r.x, y: r.y + r.h }, { x: r.x + r.w, y: r.y + r.h },
  ];
  return Math.min(
    pointRectDistance(s.a, r),
    pointRectDistance(s.b, r),
    ...corners.map((c) => projectOnSegment(c, s.a, s.b).d),
  );
}

const onAlley = (p: Vec, segs: readonly Segment[]) => segs.some((s) => projectOnSegment(p, s.a, s.b).d <= s.half + EPS);

function connected(segs: readonly Segment[]): boolean {
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  segs.forEach((s, i) => {
    segs.forEach((t, j) => {
      if (j <= i) return;
      const touches =
        s.alley === t.alley ||
        segmentIntersection(s.a, s.b, t.a, t.b) !== null ||
        [s.a, s.b].some((p) => dist(p, t.a) < EPS || dist(p, t.b) < EPS);
      if (touches) parent[find(i)] = find(j);
    });
  });
  return new Set(segs.map((_, i) => find(i))).size <= 1;
}

const exhibitors = ExhibitorList.parse(JSON.parse(readFileSync(join(ROOT, 'assets/seed/exhibitors.json'), 'utf8')));
const byId = new Map(exhibitors.map((e) => [e.id, e]));
if (byId.size !== exhibitors.length) fail('exhibitor ids are not unique');
if (exhibitors.length < 280) fail(`only ${exhibitors.length} exhibitors`);
for (const e of exhibitors) {
  const logo = join(ROOT, 'assets', e.logo);
  if (!existsSync(logo)) fail(`${e.id}: logo ${e.logo} missing`);
  else if (statSync(logo).size >= 1536) fail(`${e.id}: logo is ${statSync(logo).size} bytes`);
}

const dirs = process.argv.length > 2 ? process.argv.slice(2) : [join(ROOT, 'levels')];
for (const dir of dirs) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
  const levels = files.map((f) => {
    const parsed = Level.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    if (!parsed.success) {
      fail(`${dir}/${f}: ${parsed.error.message}`);
      return null;
    }
    if (`${parsed.data.id}.json` !== f) fail(`${f}: id "${parsed.data.id}" differs from the file name`);
    return parsed.data;
  }).filter((l) => l !== null);
  const floors = new Map(levels.map((l) => [l.id, l]));
  const standIds = new Set<string>();
  let total = 0;
  console.log(`${dir}:`);
  for (const level of [...levels].sort((a, b) => a.order - b.order)) {
    const where = `${level.id}`;
    const hall: Rect = { x: 0, y: 0, w: level.size.width, h: level.size.height };
    const segs = segmentsOf(level.alleys);
    if (!connected(segs)) fail(`${where}: alley network is not connected`);
    const rects = level.stands.map(standRect);
    const allowed = FLOOR_CATEGORIES[level.id];
    const onFloor = new Set<string>();
    level.stands.forEach((s, i) => {
      const r = rects[i] as Rect;
      if (standIds.has(s.id)) fail(`${where}: stand id ${s.id} repeats`);
      standIds.add(s.id);
      const ex = byId.get(s.exhibitor);
      if (!ex) fail(`${where}/${s.id}: unknown exhibitor ${s.exhibitor}`);
      else if (allowed && !allowed.includes(ex.category)) fail(`${where}/${s.id}: ${ex.id} is ${ex.category}`);
      if (allowed && onFloor.has(s.exhibitor)) fail(`${where}/${s.id}: ${s.exhibitor} has two stands`);
      onFloor.add(s.exhibitor);
      if (!rectInside(r, hall)) fail(`${where}/${s.id}: outside the hall`);
      for (const seg of segs) {
        if (segmentRectDistance(seg, r) < seg.half - EPS) fail(`${where}/${s.id}: intrudes into alley ${seg.alley}`);
      }
      const mid = entranceMid(s);
      if (!segs.some((seg) => Math.abs(projectOnSegment(mid, seg.a, seg.b).d - seg.half) <= ENTRANCE_TOLERANCE)) {
        fail(`${where}/${s.id}: entrance ${s.entrance} is not on an alley edge`);
      }
    });
    // Sweep by x so 2000 stands do not take 4 million comparisons.
    const order = rects.map((_, i) => i).sort((a, b) => (rects[a] as Rect).x - (rects[b] as Rect).x);
    order.forEach((i, k) => {
      const a = rects[i] as Rect;
      for (let m = k + 1; m < order.length; m++) {
        const b = rects[order[m] as number] as Rect;
        if (b.x >= a.x + a.w) break;
        if (rectsOverlap(a, b)) fail(`${where}: stands ${level.stands[i]?.id} and ${level.stands[order[m] as number]?.id} overlap`);
      }
    });
    for (const l of level.landmarks) if (!onAlley(l, segs)) fail(`${where}: landmark ${l.id} is off the alleys`);
    for (const kind of ['entrance', 'info', 'programme', 'cafe'] as const) {
      if (!level.landmarks.some((l) => l.kind === kind)) fail(`${where}: no ${kind} landmark`);
    }
    for (const p of level.portals) {
      if (!onAlley(p, segs)) fail(`${where}: portal ${p.id} is off the alleys`);
      const target = floors.get(p.to.floor)?.portals.find((q) => q.id === p.to.portal);
      if (!target) fail(`${where}: portal ${p.id} leads to missing ${p.to.floor}/${p.to.portal}`);
      else if (target.to.floor !== level.id || target.to.portal !== p.id) fail(`${where}: portal ${p.id} does not pair back`);
    }
    total += level.stands.length;
    console.log(`  ${level.id.padEnd(10)} ${String(level.stands.length).padStart(5)} stands, ${level.alleys.length} alleys, ${level.portals.length} portals`);
  }
  console.log(`  ${levels.length} floors, ${total} stands`);
}

if (problems.length > 0) {
  for (const p of problems.slice(0, 50)) console.error(`✗ ${p}`);
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`✓ ${exhibitors.length} exhibitors, all checks passed`);
