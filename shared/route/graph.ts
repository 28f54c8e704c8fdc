// The exhibition graph: every floor's walk graph side by side plus an edge between each pair of
// portals that lead to each other. Portals sit beside the alleys, so each one is snapped onto
// its floor's network and the alley edge is split there, which gives the portal a real node.
import { type Vec, dist, projectOnSegment } from '../geometry.ts';
import type { FloorModel } from '../level/model.ts';
import { type WalkGraph, snapToGraph } from '../level/walkGraph.ts';
import type { PortalCosts, PortalKind } from './types.ts';

export interface PortalAnchor {
  /** Node of the split walk graph where the portal meets the alleys. */
  node: number;
  /** The portal itself; the step between it and the node is walked. */
  pos: Vec;
  off: number;
}

/** One floor prepared for routing; computed once per floor and cached by the planner. */
export interface FloorGraph {
  floor: string;
  model: FloorModel;
  graph: WalkGraph;
  portals: Map<string, PortalAnchor>;
}

const SAME = 1e-6;

/** The floor's walk graph with its edges split at the portals' snap points. */
export function buildFloorGraph(model: FloorModel): FloorGraph {
  const base = model.graph;
  const nodes = [...base.nodes];
  const inserts = new Map<number, { t: number; node: number }[]>();
  const portals = new Map<string, PortalAnchor>();
  for (const portal of model.level.portals) {
    const pos = { x: portal.x, y: portal.y };
    const snap = snapToGraph(base, pos);
    if (!snap) continue;
    const [a, b] = base.edges[snap.edge]!;
    const { t } = projectOnSegment(pos, base.nodes[a]!, base.nodes[b]!);
    let node: number;
    if (dist(snap.point, base.nodes[a]!) < SAME) node = a;
    else if (dist(snap.point, base.nodes[b]!) < SAME) node = b;
    else {
      const list = inserts.get(snap.edge) ?? [];
      const same = list.find((e) => Math.abs(e.t - t) < 1e-9);
      if (same) node = same.node;
      else {
        node = nodes.length;
        nodes.push(snap.point);
        list.push({ t, node });
        inserts.set(snap.edge, list);
      }
    }
    portals.set(portal.id, { node, pos, off: snap.d });
  }
  const edges: [number, number][] = [];
  const edgeAlley: number[] = [];
  base.edges.forEach(([a, b], e) => {
    const cuts = inserts.get(e);
    if (!cuts) {
      edges.push([a, b]);
      edgeAlley.push(base.edgeAlley[e]!);
      return;
    }
    cuts.sort((x, y) => x.t - y.t);
    let prev = a;
    for (const c of [...cuts.map((c) => c.node), b]) {
      edges.push([prev, c]);
      edgeAlley.push(base.edgeAlley[e]!);
      prev = c;
    }
  });
  const adj: WalkGraph['adj'] = nodes.map(() => []);
  for (const [a, b] of edges) {
    const w = dist(nodes[a]!, nodes[b]!);
    adj[a]!.push({ to: b, w });
    adj[b]!.push({ to: a, w });
  }
  return { floor: model.level.id, model, graph: { nodes, adj, edges, edgeAlley }, portals };
}

export interface PortalLink {
  kind: PortalKind;
  a: { floor: string; portal: string; anchor: PortalAnchor; node: number };
  b: { floor: string; portal: string; anchor: PortalAnchor; node: number };
  /** Metre-equivalent charged by the optimiser for the ride, off-alley steps included. */
  cost: number;
  seconds: number;
}

/**
 * Compressed adjacency over all floors. Node ids are global: floor k's local node i is
 * `offset[k] + i`. Slot s of node v (first[v] <= s < first[v + 1]) goes to `to[s]` at `w[s]`;
 * `link[s]` is the portal link used, or -1 for an alley edge.
 */
export interface ExhibitionGraph {
  floors: FloorGraph[];
  floorIndex: Map<string, number>;
  offset: Int32Array;
  /** Floor of each global node. */
  floorOf: Int32Array;
  n: number;
  first: Int32Array;
  to: Int32Array;
  w: Float64Array;
  link: Int32Array;
  links: PortalLink[];
}

export function buildExhibitionGraph(floors: FloorGraph[], costs: PortalCosts): ExhibitionGraph {
  const floorIndex = new Map(floors.map((f, i) => [f.floor, i]));
  const offset = new Int32Array(floors.length + 1);
  floors.forEach((f, i) => (offset[i + 1] = offset[i]! + f.graph.nodes.length));
  const n = offset[floors.length]!;
  const floorOf = new Int32Array(n);
  floors.forEach((_, i) => floorOf.fill(i, offset[i]!, offset[i + 1]!));

  const links: PortalLink[] = [];
  const seen = new Set<string>();
  floors.forEach((f, fi) => {
    for (const portal of f.model.level.portals) {
      const gi = floorIndex.get(portal.to.floor);
      if (gi === undefined) continue;
      const g = floors[gi]!;
      const anchorA = f.portals.get(portal.id);
      const anchorB = g.portals.get(portal.to.portal);
      if (!anchorA || !anchorB) continue;
      const keyA = `${f.floor}/${portal.id}`;
      const keyB = `${g.floor}/${portal.to.portal}`;
      const key = keyA < keyB ? `${keyA}|${keyB}` : `${keyB}|${keyA}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const span = portal.kind === 'stairs' ? Math.max(1, Math.abs(f.model.level.order - g.model.level.order)) : 1;
      links.push({
        kind: portal.kind,
        a: { floor: f.floor, portal: portal.id, anchor: anchorA, node: offset[fi]! + anchorA.node },
        b: { floor: g.floor, portal: portal.to.portal, anchor: anchorB, node: offset[gi]! + anchorB.node },
        cost: costs.metres[portal.kind] * span + anchorA.off + anchorB.off,
        seconds: costs.seconds[portal.kind] * span,
      });
    }
  });

  const degree = new Int32Array(n);
  floors.forEach((f, fi) => f.graph.adj.forEach((list, i) => (degree[offset[fi]! + i] = list.length)));
  for (const l of links) {
    degree[l.a.node]!++;
    degree[l.b.node]!++;
  }
  const first = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) first[v + 1] = first[v]! + degree[v]!;
  const m = first[n]!;
  const to = new Int32Array(m);
  const w = new Float64Array(m);
  const link = new Int32Array(m).fill(-1);
  const fill = first.slice(0, n);
  floors.forEach((f, fi) =>
    f.graph.adj.forEach((list, i) => {
      const v = offset[fi]! + i;
      for (const e of list) {
        const s = fill[v]!++;
        to[s] = offset[fi]! + e.to;
        w[s] = e.w;
      }
    }),
  );
  links.forEach((l, li) => {
    for (const [u, v] of [
      [l.a.node, l.b.node],
      [l.b.node, l.a.node],
    ] as const) {
      const s = fill[u]!++;
      to[s] = v;
      w[s] = l.cost;
      link[s] = li;
    }
  });
  return { floors, floorIndex, offset, floorOf, n, first, to, w, link, links };
}
