// The walkable network of a floor as a graph. Alleys are centre-line polylines; they join
// wherever centre lines meet or cross, so segments are split at every crossing and at every
// point where one alley's end touches another alley's side (a T junction).
import { type Vec, dist, projectOnSegment, segmentIntersection } from '../geometry.ts';
import type { Level } from './schema.ts';

export interface WalkGraph {
  nodes: Vec[];
  /** adjacency: for node i, pairs of (neighbour, length in metres). */
  adj: { to: number; w: number }[][];
  /** Undirected edges, each once, for snapping points onto the network. */
  edges: [number, number][];
  /** The alley each edge belongs to (index into level.alleys). */
  edgeAlley: number[];
}

/** Where a point meets the network: the nearest spot on the nearest edge. */
export interface Snap {
  edge: number;
  point: Vec;
  /** Distance from the query point to the network. */
  d: number;
}

const key = (p: Vec) => `${Math.round(p.x * 100)},${Math.round(p.y * 100)}`;

export function buildWalkGraph(level: Pick<Level, 'alleys'>): WalkGraph {
  interface Seg {
    a: Vec;
    b: Vec;
    alley: number;
    cuts: number[];
  }
  const segs: Seg[] = [];
  level.alleys.forEach((alley, ai) => {
    for (let i = 0; i + 1 < alley.points.length; i++) {
      const [ax, ay] = alley.points[i]!;
      const [bx, by] = alley.points[i + 1]!;
      segs.push({ a: { x: ax, y: ay }, b: { x: bx, y: by }, alley: ai, cuts: [0, 1] });
    }
  });

  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    for (let j = i + 1; j < segs.length; j++) {
      const o = segs[j]!;
      if (
        Math.max(s.a.x, s.b.x) < Math.min(o.a.x, o.b.x) - 1e-6 ||
        Math.max(o.a.x, o.b.x) < Math.min(s.a.x, s.b.x) - 1e-6 ||
        Math.max(s.a.y, s.b.y) < Math.min(o.a.y, o.b.y) - 1e-6 ||
        Math.max(o.a.y, o.b.y) < Math.min(s.a.y, s.b.y) - 1e-6
      )
        continue;
      const hit = segmentIntersection(s.a, s.b, o.a, o.b);
      if (hit) {
        s.cuts.push(hit.t);
        o.cuts.push(hit.u);
        continue;
      }
      // Collinear segments join where an end of one lies on the other.
      for (const p of [o.a, o.b]) {
        const pr = projectOnSegment(p, s.a, s.b);
        if (pr.d < 1e-3) s.cuts.push(pr.t);
      }
      for (const p of [s.a, s.b]) {
        const pr = projectOnSegment(p, o.a, o.b);
        if (pr.d < 1e-3) o.cuts.push(pr.t);
      }
    }
  }

  const nodes: Vec[] = [];
  const index = new Map<string, number>();
  const nodeAt = (p: Vec) => {
    const k = key(p);
    let i = index.get(k);
    if (i === undefined) {
      i = nodes.length;
      nodes.push(p);
      index.set(k, i);
    }
    return i;
  };
  const edgeSet = new Set<string>();
  const edges: [number, number][] = [];
  const edgeAlley: number[] = [];
  for (const s of segs) {
    const ts = [...new Set(s.cuts.map((t) => Math.round(t * 1e9) / 1e9))].sort((x, y) => x - y);
    let prev = nodeAt({ x: s.a.x + (s.b.x - s.a.x) * ts[0]!, y: s.a.y + (s.b.y - s.a.y) * ts[0]! });
    for (let k = 1; k < ts.length; k++) {
      const t = ts[k]!;
      const cur = nodeAt({ x: s.a.x + (s.b.x - s.a.x) * t, y: s.a.y + (s.b.y - s.a.y) * t });
      if (cur !== prev) {
        const ek = prev < cur ? `${prev}-${cur}` : `${cur}-${prev}`;
        if (!edgeSet.has(ek)) {
          edgeSet.add(ek);
          edges.push([prev, cur]);
          edgeAlley.push(s.alley);
        }
      }
      prev = cur;
    }
  }
  const adj: WalkGraph['adj'] = nodes.map(() => []);
  for (const [a, b] of edges) {
    const w = dist(nodes[a]!, nodes[b]!);
    adj[a]!.push({ to: b, w });
    adj[b]!.push({ to: a, w });
  }
  return { nodes, adj, edges, edgeAlley };
}

export function snapToGraph(g: WalkGraph, p: Vec): Snap | null {
  let best: Snap | null = null;
  g.edges.forEach(([a, b], i) => {
    const pr = projectOnSegment(p, g.nodes[a]!, g.nodes[b]!);
    if (!best || pr.d < best.d) best = { edge: i, point: pr.point, d: pr.d };
  });
  return best;
}

/** Groups of node indices that can reach each other; a well-formed floor has exactly one. */
export function connectedComponents(g: WalkGraph): number[][] {
  const seen = new Int32Array(g.nodes.length).fill(-1);
  const groups: number[][] = [];
  for (let start = 0; start < g.nodes.length; start++) {
    if (seen[start] !== -1) continue;
    const group: number[] = [];
    const stack = [start];
    seen[start] = groups.length;
    while (stack.length) {
      const n = stack.pop()!;
      group.push(n);
      for (const { to } of g.adj[n]!) {
        if (seen[to] === -1) {
          seen[to] = groups.length;
          stack.push(to);
        }
      }
    }
    groups.push(group);
  }
  return groups;
}
