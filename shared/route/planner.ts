// The route planner: holds the floors of one exhibition, prepares each floor's graph once, keeps
// the search trees of recently used stops, and answers "in which order, along which alleys".
import type { Vec } from '../geometry.ts';
import { type FloorModel, buildFloorModel } from '../level/model.ts';
import type { Level } from '../level/schema.ts';
import { doorstep } from '../level/stand.ts';
import { type ResolvedStop, type SearchTree, costMatrix, legTo, resolveAt, searchFrom } from './distances.ts';
import { type ExhibitionGraph, type FloorGraph, buildExhibitionGraph, buildFloorGraph } from './graph.ts';
import { type NodePin, type OrderProblem, pinProblem, solveOrder } from './order.ts';
import {
  DEFAULT_PORTAL_COSTS,
  type DistanceOptions,
  type Leg,
  type PortalCosts,
  type RouteFailure,
  type RouteRequest,
  type RouteResult,
  type StopRef,
  stopId,
} from './types.ts';

export interface PlannerOptions {
  portalCosts?: PortalCosts;
  /** Search trees kept for reuse (one per stop and step-free setting). */
  cacheSize?: number;
}

export interface DistanceTable {
  ids: string[];
  /** Row-major ids.length² costs in metre-equivalents; Infinity where no walk exists. */
  matrix: Float64Array;
}

const isModel = (f: Level | FloorModel): f is FloorModel => 'graph' in f && 'level' in f;

export class RoutePlanner {
  private readonly models: Map<string, FloorModel>;
  private readonly floorGraphs = new Map<string, FloorGraph>();
  private exhibition: ExhibitionGraph | null = null;
  private readonly trees = new Map<string, SearchTree>();
  private readonly costs: PortalCosts;
  private readonly cacheSize: number;

  /** Floors are those of one exhibition; portals leading to floors not given are ignored. */
  constructor(floors: readonly (Level | FloorModel)[], options: PlannerOptions = {}) {
    this.models = new Map(
      floors.map((f) => {
        const model = isModel(f) ? f : buildFloorModel(f);
        return [model.level.id, model];
      }),
    );
    this.costs = options.portalCosts ?? DEFAULT_PORTAL_COSTS;
    this.cacheSize = options.cacheSize ?? 512;
  }

  /** A floor's walk graph split at its portals; computed once per floor. */
  floorGraph(floor: string): FloorGraph | undefined {
    let fg = this.floorGraphs.get(floor);
    if (!fg) {
      const model = this.models.get(floor);
      if (!model) return undefined;
      fg = buildFloorGraph(model);
      this.floorGraphs.set(floor, fg);
    }
    return fg;
  }

  graph(): ExhibitionGraph {
    this.exhibition ??= buildExhibitionGraph(
      [...this.models.keys()].sort().map((id) => this.floorGraph(id)!),
      this.costs,
    );
    return this.exhibition;
  }

  /** Where a stop is walked to, or null when its floor, stand or landmark is unknown. */
  position(stop: StopRef): Vec | null {
    const model = this.models.get(stop.floor);
    if (!model) return null;
    switch (stop.kind) {
      case 'stand': {
        const i = model.standIndex.get(stop.stand);
        return i === undefined ? null : doorstep(model.level.stands[i]!);
      }
      case 'landmark': {
        const l = model.level.landmarks.find((x) => x.id === stop.landmark);
        return l ? { x: l.x, y: l.y } : null;
      }
      case 'point':
        return Number.isFinite(stop.x) && Number.isFinite(stop.y) ? { x: stop.x, y: stop.y } : null;
    }
  }

  private resolve(stop: StopRef): ResolvedStop | null {
    const pos = this.position(stop);
    return pos ? resolveAt(this.graph(), stopId(stop), stop.floor, pos) : null;
  }

  private tree(stop: ResolvedStop, stepFree: boolean): SearchTree {
    const key = `${stepFree ? 1 : 0}|${stop.floorIndex}|${stop.pos.x}|${stop.pos.y}`;
    let t = this.trees.get(key);
    if (t) {
      // Refresh recency; the tree's source id may differ, only its geometry matters.
      this.trees.delete(key);
    } else {
      t = searchFrom(this.graph(), stop, stepFree);
      if (this.trees.size >= this.cacheSize) this.trees.delete(this.trees.keys().next().value!);
    }
    this.trees.set(key, t);
    return t.source.id === stop.id ? t : { ...t, source: stop };
  }

  /** Costs between every pair of stops; unknown stops get Infinity rows. */
  distances(stops: readonly StopRef[], options: DistanceOptions = {}): DistanceTable {
    const resolved = stops.map((s) => this.resolve(s));
    const ids = stops.map(stopId);
    const known = resolved.flatMap((r, i) => (r ? [i] : []));
    const sub = known.map((i) => resolved[i]!);
    const trees = sub.map((r) => this.tree(r, options.stepFree ?? false));
    const inner = costMatrix(trees, sub);
    const n = stops.length;
    const matrix = new Float64Array(n * n).fill(Infinity);
    for (let i = 0; i < n; i++) matrix[i * n + i] = resolved[i] ? 0 : Infinity;
    known.forEach((i, a) => known.forEach((j, b) => (matrix[i * n + j] = a === b ? 0 : inner[a * sub.length + b]!)));
    return { ids, matrix };
  }

  /** The shortest walk between two stops, split per floor, or null when there is none. */
  leg(from: StopRef, to: StopRef, options: DistanceOptions = {}): Leg | null {
    const a = this.resolve(from);
    const b = this.resolve(to);
    if (!a || !b) return null;
    return legTo(this.graph(), this.tree(a, options.stepFree ?? false), b);
  }

  plan(req: RouteRequest): RouteResult {
    const stepFree = req.stepFree ?? false;
    const startId = stopId(req.start);
    const endId = req.end ? stopId(req.end) : undefined;
    // Each stop once; the start and the end are not stops to order.
    const seen = new Set([startId, ...(endId === undefined ? [] : [endId])]);
    const middle = req.stops.filter((s) => {
      const id = stopId(s);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    const refs = [req.start, ...middle, ...(req.end ? [req.end] : [])];
    const resolved = refs.map((s) => this.resolve(s));
    const unknown = refs.flatMap((s, i) => (resolved[i] ? [] : [stopId(s)]));
    if (unknown.length) {
      return fail('unknown-stop', unknown, `unknown floor, stand or landmark: ${unknown.join(', ')}`);
    }
    const stops = resolved as ResolvedStop[];
    const trees = stops.map((s) => this.tree(s, stepFree));
    const n = stops.length;
    const cost = costMatrix(trees, stops);

    const lost = stops.flatMap((s, i) => (i > 0 && !Number.isFinite(cost[i]!) ? [s] : []));
    if (lost.length) {
      const ids = lost.map((s) => s.id);
      if (stepFree) {
        const anyWay = this.tree(stops[0]!, false);
        const reachable = lost.every((s) => legTo(this.graph(), anyWay, s) !== null);
        if (reachable)
          return fail('no-step-free-path', ids, `no step-free way from ${startId} to: ${ids.join(', ')}`);
      }
      return fail('no-path', ids, `no walk from ${startId} to: ${ids.join(', ')}`);
    }

    const index = new Map(stops.map((s, i) => [s.id, i]));
    const pins: NodePin[] = [];
    for (const pin of req.pins ?? []) {
      const node = index.get(pin.stop);
      if (node === undefined) return fail('invalid-pins', [], `pinned stop ${pin.stop} is not on the route`);
      pins.push({ node, position: pin.position });
    }
    const problem: OrderProblem = { n, cost, start: 0, pins, ...(req.end ? { end: n - 1 } : {}) };
    const why = pinProblem(problem);
    if (why) return fail('invalid-pins', [], why);

    const solution = solveOrder(problem, req.search);
    const legs: Leg[] = [];
    for (let k = 1; k < solution.order.length; k++) {
      const i = solution.order[k - 1]!;
      const j = solution.order[k]!;
      legs.push(legTo(this.graph(), trees[i]!, stops[j]!)!);
    }
    return {
      ok: true,
      order: solution.order.map((i) => stops[i]!.id),
      legs,
      metres: legs.reduce((s, l) => s + l.metres, 0),
      seconds: legs.reduce((s, l) => s + l.seconds, 0),
      cost: legs.reduce((s, l) => s + l.cost, 0),
      exact: solution.exact,
    };
  }
}

function fail(reason: RouteFailure['reason'], unreachable: string[], message: string): RouteFailure {
  return { ok: false, unreachable, reason, message };
}
