// Shortest walks between stops over the exhibition graph: one Dijkstra per stop fills a row of
// the stop×stop cost matrix, and the same search tree gives the drawable leg to every other
// stop. A stop is a virtual node on the alley edge it snaps to, as in pathBetweenSnaps.
import { type Vec, dist } from '../geometry.ts';
import { MinHeap } from '../heap.ts';
import { type Snap, snapToGraph } from '../level/walkGraph.ts';
import type { ExhibitionGraph } from './graph.ts';
import { type Leg, type PortalTransition, WALK_SPEED } from './types.ts';

export interface ResolvedStop {
  id: string;
  floorIndex: number;
  /** Where the visitor stands: a stand's doorstep, a landmark, a point. */
  pos: Vec;
  snap: Snap;
  /** Global ids of the snapped edge's ends and the distances to them along the edge. */
  a: number;
  b: number;
  da: number;
  db: number;
}

export function resolveAt(eg: ExhibitionGraph, id: string, floor: string, pos: Vec): ResolvedStop | null {
  const fi = eg.floorIndex.get(floor);
  if (fi === undefined) return null;
  const g = eg.floors[fi]!.graph;
  const snap = snapToGraph(g, pos);
  if (!snap) return null;
  const [a, b] = g.edges[snap.edge]!;
  const off = eg.offset[fi]!;
  return {
    id,
    floorIndex: fi,
    pos,
    snap,
    a: off + a,
    b: off + b,
    da: dist(snap.point, g.nodes[a]!),
    db: dist(snap.point, g.nodes[b]!),
  };
}

/** A single-source shortest-path tree over the whole exhibition graph. */
export interface SearchTree {
  source: ResolvedStop;
  dist: Float64Array;
  prevNode: Int32Array;
  /** Portal link used to reach the node from prevNode, or -1 for an alley edge. */
  prevLink: Int32Array;
}

export function searchFrom(eg: ExhibitionGraph, source: ResolvedStop, stepFree: boolean): SearchTree {
  const d = new Float64Array(eg.n).fill(Infinity);
  const prevNode = new Int32Array(eg.n).fill(-1);
  const prevLink = new Int32Array(eg.n).fill(-1);
  const heap = new MinHeap<number>();
  const off = source.snap.d;
  for (const [v, w] of [
    [source.a, source.da],
    [source.b, source.db],
  ] as const) {
    if (off + w < d[v]!) {
      d[v] = off + w;
      heap.push(v, off + w);
    }
  }
  const done = new Uint8Array(eg.n);
  const { first, to, w, link, links } = eg;
  while (heap.size > 0) {
    const v = heap.pop()!;
    if (done[v]) continue;
    done[v] = 1;
    const dv = d[v]!;
    for (let s = first[v]!; s < first[v + 1]!; s++) {
      const li = link[s]!;
      if (stepFree && li >= 0 && links[li]!.kind !== 'lift') continue;
      const u = to[s]!;
      const cand = dv + w[s]!;
      if (cand < d[u]!) {
        d[u] = cand;
        prevNode[u] = v;
        prevLink[u] = li;
        heap.push(u, cand);
      }
    }
  }
  return { source, dist: d, prevNode, prevLink };
}

type Exit = { cost: number; node: number };

/** Cheapest way from the tree's source onto `target`: node -1 means straight along a shared edge. */
function exitTo(tree: SearchTree, target: ResolvedStop): Exit {
  const s = tree.source;
  let best: Exit = { cost: Infinity, node: -1 };
  if (s.floorIndex === target.floorIndex && s.a === target.a && s.b === target.b) {
    best = { cost: s.snap.d + dist(s.snap.point, target.snap.point) + target.snap.d, node: -1 };
  }
  for (const [v, w] of [
    [target.a, target.da],
    [target.b, target.db],
  ] as const) {
    const c = tree.dist[v]! + w + target.snap.d;
    if (c < best.cost) best = { cost: c, node: v };
  }
  return best;
}

export function costTo(tree: SearchTree, target: ResolvedStop): number {
  return exitTo(tree, target).cost;
}

function dedupe(points: Vec[]): Vec[] {
  const out: Vec[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || dist(last, p) > 1e-3) out.push(p);
  }
  return out;
}

/** The walk from the tree's source to `target`, per floor, or null when there is none. */
export function legTo(eg: ExhibitionGraph, tree: SearchTree, target: ResolvedStop): Leg | null {
  const exit = exitTo(tree, target);
  if (!Number.isFinite(exit.cost)) return null;
  const s = tree.source;
  const chain: number[] = [];
  for (let v = exit.node; v !== -1; v = tree.prevNode[v]!) chain.push(v);
  chain.reverse();

  const nodeAt = (v: number): Vec => {
    const fi = eg.floorOf[v]!;
    return eg.floors[fi]!.graph.nodes[v - eg.offset[fi]!]!;
  };
  const segments: { floor: string; points: Vec[] }[] = [];
  const transitions: PortalTransition[] = [];
  let floor = s.floorIndex;
  let points: Vec[] = [s.pos, s.snap.point];
  for (const v of chain) {
    const li = tree.prevLink[v]!;
    if (li >= 0) {
      const l = eg.links[li]!;
      const [from, to] = l.b.node === v ? [l.a, l.b] : [l.b, l.a];
      points.push(from.anchor.pos);
      segments.push({ floor: eg.floors[floor]!.floor, points: dedupe(points) });
      transitions.push({
        kind: l.kind,
        from: { floor: from.floor, portal: from.portal },
        to: { floor: to.floor, portal: to.portal },
        seconds: l.seconds,
      });
      floor = eg.floorOf[v]!;
      points = [to.anchor.pos];
    }
    points.push(nodeAt(v));
  }
  points.push(target.snap.point, target.pos);
  segments.push({ floor: eg.floors[floor]!.floor, points: dedupe(points) });

  let metres = 0;
  for (const seg of segments) for (let i = 1; i < seg.points.length; i++) metres += dist(seg.points[i - 1]!, seg.points[i]!);
  const portalSeconds = transitions.reduce((sum, t) => sum + t.seconds, 0);
  return {
    from: s.id,
    to: target.id,
    segments,
    transitions,
    metres,
    seconds: metres / WALK_SPEED + portalSeconds,
    cost: exit.cost,
  };
}

/**
 * The symmetric cost matrix (row-major, n×n, Infinity where no walk exists) from one search
 * tree per stop. Walks are undirected, so both directions agree up to rounding; the smaller
 * is kept to make the matrix exactly symmetric, which 2-opt relies on.
 */
export function costMatrix(trees: readonly SearchTree[], stops: readonly ResolvedStop[]): Float64Array {
  const n = stops.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const c = Math.min(costTo(trees[i]!, stops[j]!), costTo(trees[j]!, stops[i]!));
      m[i * n + j] = c;
      m[j * n + i] = c;
    }
  }
  return m;
}
