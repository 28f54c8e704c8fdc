// Shortest walks along the alleys (A* on the walk graph). A walk leaves its start point for
// the nearest spot on an alley, follows the alleys, and leaves them again for its goal.
import { MinHeap } from '../heap.ts';
import { type Vec, dist } from '../geometry.ts';
import { type Snap, type WalkGraph, snapToGraph } from './walkGraph.ts';

export interface Walk {
  points: Vec[];
  /** Total length in metres. */
  length: number;
}

function polylineLength(points: Vec[]): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++) sum += dist(points[i - 1]!, points[i]!);
  return sum;
}

function dedupe(points: Vec[]): Vec[] {
  const out: Vec[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || dist(last, p) > 1e-3) out.push(p);
  }
  return out;
}

/** Shortest path between two snapped spots; null when the network does not join them. */
export function pathBetweenSnaps(g: WalkGraph, from: Snap, to: Snap): Vec[] | null {
  const [fa, fb] = g.edges[from.edge]!;
  const [ta, tb] = g.edges[to.edge]!;
  if (from.edge === to.edge) return [from.point, to.point];

  const n = g.nodes.length;
  const best = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const goal = to.point;
  const heap = new MinHeap<number>();
  for (const start of [fa, fb]) {
    const d = dist(from.point, g.nodes[start]!);
    if (d < best[start]!) {
      best[start] = d;
      heap.push(start, d + dist(g.nodes[start]!, goal));
    }
  }
  const exitCost = (node: number) => (node === ta || node === tb ? dist(g.nodes[node]!, goal) : Infinity);
  let bestTotal = Infinity;
  let bestExit = -1;
  while (heap.size > 0) {
    const node = heap.pop()!;
    const g0 = best[node]!;
    if (g0 + dist(g.nodes[node]!, goal) >= bestTotal) break;
    const total = g0 + exitCost(node);
    if (total < bestTotal) {
      bestTotal = total;
      bestExit = node;
    }
    for (const { to: next, w } of g.adj[node]!) {
      const cand = g0 + w;
      if (cand < best[next]!) {
        best[next] = cand;
        prev[next] = node;
        heap.push(next, cand + dist(g.nodes[next]!, goal));
      }
    }
  }
  if (bestExit < 0) return null;
  const chain: Vec[] = [];
  for (let at = bestExit; at !== -1; at = prev[at]!) chain.push(g.nodes[at]!);
  chain.reverse();
  return [from.point, ...chain, to.point];
}

/**
 * Shortest walk from one point to another along the alleys. `offAlley` decides whether the
 * last straight leg from the alley to the goal is walkable (e.g. not through a stand);
 * when it is not, the walk ends on the alley nearest to the goal.
 */
export function findWalk(
  g: WalkGraph,
  from: Vec,
  to: Vec,
  offAlley: (a: Vec, b: Vec) => boolean = () => true,
): Walk | null {
  const sFrom = snapToGraph(g, from);
  const sTo = snapToGraph(g, to);
  if (!sFrom || !sTo) return null;
  const middle = pathBetweenSnaps(g, sFrom, sTo);
  if (!middle) return null;
  const points = [from, ...middle];
  if (offAlley(sTo.point, to)) points.push(to);
  const clean = dedupe(points);
  return { points: clean, length: polylineLength(clean) };
}
