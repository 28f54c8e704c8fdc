// A floor ready to walk: the parsed level plus the indexes derived from it once.
import { type Vec, segmentHitsRect } from '../geometry.ts';
import type { Level, Stand } from './schema.ts';
import { StandGrid } from './spatial.ts';
import { type WalkGraph, buildWalkGraph } from './walkGraph.ts';

export interface FloorModel {
  level: Level;
  grid: StandGrid;
  graph: WalkGraph;
  standIndex: Map<string, number>;
  /** Stand indices in reading order (rows top to bottom, then left to right): the Tab order. */
  tabOrder: number[];
}

/** Stands whose centres are within this many metres vertically share a row for Tab order. */
const ROW_BAND = 8;

export function readingOrder(stands: readonly Stand[]): number[] {
  return stands
    .map((s, i) => ({ i, row: Math.floor((s.y + s.h / 2) / ROW_BAND), x: s.x + s.w / 2 }))
    .sort((a, b) => a.row - b.row || a.x - b.x)
    .map((e) => e.i);
}

export function buildFloorModel(level: Level): FloorModel {
  return {
    level,
    grid: new StandGrid(level.stands, level.size.width, level.size.height),
    graph: buildWalkGraph(level),
    standIndex: new Map(level.stands.map((s, i) => [s.id, i])),
    tabOrder: readingOrder(level.stands),
  };
}

/** Whether a straight step between two points stays clear of every stand. */
export function clearLine(model: FloorModel, a: Vec, b: Vec): boolean {
  const box = {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    w: Math.abs(a.x - b.x),
    h: Math.abs(a.y - b.y),
  };
  for (const i of model.grid.query(box)) if (segmentHitsRect(a, b, model.level.stands[i]!)) return false;
  return true;
}
