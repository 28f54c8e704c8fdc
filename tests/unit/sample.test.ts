// Checks on the sample exhibition in levels/ beyond what the validator enforces: every floor
// is walkable as one network, alleys do not run through stands, every stand can be walked to,
// portals pair up and logos exist. Skipped until the sample content is there.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExhibitorList } from '../../shared/exhibitor.ts';
import { segmentHitsRect } from '../../shared/geometry.ts';
import { isLevelFile } from '../../shared/level/files.ts';
import { findWalk } from '../../shared/level/pathfinding.ts';
import type { Level } from '../../shared/level/schema.ts';
import { doorstep, standRect } from '../../shared/level/stand.ts';
import { formatProblem, validateLevels } from '../../shared/level/validate.ts';
import { buildWalkGraph, connectedComponents } from '../../shared/level/walkGraph.ts';
import { ROOT } from '../../server/config.ts';

const levelsDir = path.join(ROOT, 'levels');
const seedFile = path.join(ROOT, 'assets', 'seed', 'exhibitors.json');
const files = fs.existsSync(levelsDir) ? fs.readdirSync(levelsDir).filter(isLevelFile).sort() : [];
const hasSample = files.length > 0 && fs.existsSync(seedFile);

function load() {
  const exhibitors = ExhibitorList.parse(JSON.parse(fs.readFileSync(seedFile, 'utf8')));
  const sources = files.map((name) => ({
    file: `levels/${name}`,
    data: JSON.parse(fs.readFileSync(path.join(levelsDir, name), 'utf8')) as unknown,
  }));
  const result = validateLevels(sources, new Set(exhibitors.map((e) => e.id)));
  return { exhibitors, result };
}

describe.skipIf(!hasSample)('sample exhibition', () => {
  const { exhibitors, result } = hasSample ? load() : { exhibitors: [], result: undefined };
  const levels: Level[] = result?.levels ?? [];

  it('passes the validator', () => {
    expect(result!.problems.map(formatProblem)).toEqual([]);
    expect(levels.length).toBe(files.length);
  });

  it('has one connected walk network per floor', () => {
    for (const level of levels) {
      expect(connectedComponents(buildWalkGraph(level)), level.id).toHaveLength(1);
    }
  });

  it('has no alley centre line through a stand', () => {
    const bad: string[] = [];
    for (const level of levels) {
      for (const alley of level.alleys) {
        for (let i = 0; i + 1 < alley.points.length; i++) {
          const [ax, ay] = alley.points[i]!;
          const [bx, by] = alley.points[i + 1]!;
          for (const s of level.stands) {
            if (segmentHitsRect({ x: ax, y: ay }, { x: bx, y: by }, standRect(s))) bad.push(`${level.id}: ${alley.id} / ${s.id}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('lets a visitor walk from the floor’s first entrance or portal to every stand’s doorstep', () => {
    const bad: string[] = [];
    for (const level of levels) {
      const g = buildWalkGraph(level);
      const startAt = level.landmarks.find((l) => l.kind === 'entrance') ?? level.portals[0] ?? level.landmarks[0];
      const start = startAt ? { x: startAt.x, y: startAt.y } : g.nodes[0]!;
      const clear = (a: { x: number; y: number }, b: { x: number; y: number }) =>
        !level.stands.some((s) => segmentHitsRect(a, b, standRect(s)));
      for (const s of level.stands) {
        const goal = doorstep(s);
        const walk = findWalk(g, start, goal, clear);
        const last = walk?.points[walk.points.length - 1];
        if (!walk || !last || Math.hypot(last.x - goal.x, last.y - goal.y) > 1e-6) bad.push(`${level.id}: ${s.id}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('pairs portals both ways', () => {
    const byFloor = new Map(levels.map((l) => [l.id, l]));
    for (const level of levels) {
      for (const p of level.portals) {
        const back = byFloor.get(p.to.floor)!.portals.find((q) => q.id === p.to.portal)!;
        expect(back.to, `${level.id}/${p.id}`).toEqual({ floor: level.id, portal: p.id });
      }
    }
  });

  it('has a logo file for every exhibitor', () => {
    const missing = exhibitors.filter((e) => !fs.existsSync(path.join(ROOT, 'assets', e.logo))).map((e) => e.logo);
    expect(missing).toEqual([]);
  });
});
