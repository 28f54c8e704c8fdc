// Local search for orders too large for Held-Karp: nearest-neighbour and greedy-edge starts,
// improved by 2-opt, Or-opt (and swaps when pins split the order), then iterated with seeded
// double-bridge kicks (shuffled restarts when pins or tiny sizes forbid the kick).
// Deterministic for a given seed unless a clock budget (`now`) cuts the restarts short.
import { type OrderProblem, type OrderSolution, freeNodes, pathCost, pinTable } from './problem.ts';
import type { SearchOptions } from './types.ts';

export const DEFAULT_RESTARTS = 24;
const DEFAULT_TIME_BUDGET_MS = 150;
const EPS = 1e-9;

import { seededRandom } from '../random.ts';

export { seededRandom };

/**
 * The working form: `seq` runs from the start (index 0) to the end (index L-1). Without a fixed
 * end a dummy node `n` that costs 0 from everywhere closes the path, so every move sees a path
 * with two fixed ends. `fixed[i]` marks positions no move may change (start, end, pins).
 */
interface Work {
  N: number;
  C: Float64Array;
  fixed: Uint8Array;
  /** fixedBefore[i] = number of fixed positions before i. */
  fixedBefore: Int32Array;
  hasPins: boolean;
}

function prepare(p: OrderProblem): Work {
  const N = p.n + 1;
  const C = new Float64Array(N * N);
  for (let i = 0; i < p.n; i++) for (let j = 0; j < p.n; j++) C[i * N + j] = p.cost[i * p.n + j]!;
  const m = freeNodes(p).length;
  const L = m + 2;
  const fixed = new Uint8Array(L);
  fixed[0] = 1;
  fixed[L - 1] = 1;
  for (const pin of p.pins ?? []) fixed[pin.position + 1] = 1;
  const fixedBefore = new Int32Array(L + 1);
  for (let i = 0; i < L; i++) fixedBefore[i + 1] = fixedBefore[i]! + fixed[i]!;
  return { N, C, fixed, fixedBefore, hasPins: (p.pins?.length ?? 0) > 0 };
}

const toSeq = (p: OrderProblem, order: readonly number[]) => (p.end === undefined ? [...order, p.n] : [...order]);
const fromSeq = (p: OrderProblem, seq: readonly number[]) => (p.end === undefined ? seq.slice(0, -1) : [...seq]);

/** Nearest neighbour, pins placed where they belong. `first` forces the first free choice. */
export function nearestNeighbour(p: OrderProblem, first = -1): number[] {
  const free = freeNodes(p);
  const m = free.length;
  const at = pinTable(p, m);
  const used = new Uint8Array(p.n);
  for (const pin of p.pins ?? []) used[pin.node] = 1;
  const order = [p.start];
  let cur = p.start;
  for (let pos = 0; pos < m; pos++) {
    let next = at[pos]!;
    if (next < 0) {
      if (first >= 0 && !used[first]) next = first;
      else {
        let best = Infinity;
        for (const v of free) {
          if (used[v]) continue;
          const d = p.cost[cur * p.n + v]!;
          if (next < 0 || d < best) {
            best = d;
            next = v;
          }
        }
      }
      first = -1;
      used[next] = 1;
    }
    order.push(next);
    cur = next;
  }
  if (p.end !== undefined) order.push(p.end);
  return order;
}

/** Greedy edge matching into one path from the start (to the end, if fixed). Ignores pins. */
export function greedyEdge(p: OrderProblem): number[] {
  const nodes = [p.start, ...freeNodes(p), ...(p.end === undefined ? [] : [p.end])];
  const k = nodes.length;
  if (k <= 2) return nodes;
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++) pairs.push([p.cost[nodes[i]! * p.n + nodes[j]!]!, i, j]);
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  const endIdx = p.end === undefined ? -1 : k - 1;
  const maxDeg = (i: number) => (i === 0 || i === endIdx ? 1 : 2);
  const deg = new Uint8Array(k);
  const root = Int32Array.from({ length: k }, (_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] = root[root[i]!]!;
    return i;
  };
  const links: number[][] = Array.from({ length: k }, () => []);
  let edges = 0;
  for (const [, i, j] of pairs) {
    if (edges === k - 1) break;
    if (deg[i]! >= maxDeg(i) || deg[j]! >= maxDeg(j)) continue;
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) continue;
    // Joining the start's piece to the end's piece closes the path: only as the very last edge.
    if (endIdx >= 0 && edges < k - 2) {
      const rs = find(0);
      const re = find(endIdx);
      if ((ri === rs && rj === re) || (ri === re && rj === rs)) continue;
    }
    root[ri] = rj;
    deg[i]!++;
    deg[j]!++;
    links[i]!.push(j);
    links[j]!.push(i);
    edges++;
  }
  const order = [p.start];
  for (let prev = -1, cur = 0; order.length < k; ) {
    const next = links[cur]!.find((x) => x !== prev)!;
    order.push(nodes[next]!);
    prev = cur;
    cur = next;
  }
  return order;
}

function reverse(seq: number[], i: number, j: number): void {
  for (; i < j; i++, j--) {
    const t = seq[i]!;
    seq[i] = seq[j]!;
    seq[j] = t;
  }
}

const clear = (w: Work, i: number, j: number) => w.fixedBefore[j + 1]! - w.fixedBefore[i]! === 0;

function twoOpt(w: Work, seq: number[]): boolean {
  const { N, C } = w;
  const L = seq.length;
  let improved = false;
  for (let i = 1; i < L - 2; i++) {
    if (w.fixed[i]) continue;
    for (let j = i + 1; j < L - 1; j++) {
      if (w.fixed[j]) break;
      const a = seq[i - 1]!;
      const si = seq[i]!;
      const sj = seq[j]!;
      const b = seq[j + 1]!;
      const delta = C[a * N + sj]! + C[si * N + b]! - C[a * N + si]! - C[sj * N + b]!;
      if (delta < -EPS) {
        reverse(seq, i, j);
        improved = true;
      }
    }
  }
  return improved;
}

function orOpt(w: Work, seq: number[]): boolean {
  const { N, C } = w;
  let improved = false;
  for (let k = 1; k <= 3; k++) {
    for (let i = 1; i + k <= seq.length - 1; i++) {
      const e = i + k - 1;
      if (!clear(w, i, e)) continue;
      const L = seq.length;
      const p = seq[i - 1]!;
      const s0 = seq[i]!;
      const se = seq[e]!;
      const q = seq[e + 1]!;
      const gain = C[p * N + s0]! + C[se * N + q]! - C[p * N + q]!;
      let bestDelta = -EPS;
      let bestT = -1;
      let bestRev = false;
      const consider = (t: number) => {
        const x = seq[t]!;
        const y = seq[t + 1]!;
        const fwd = C[x * N + s0]! + C[se * N + y]!;
        const rev = C[x * N + se]! + C[s0 * N + y]!;
        const add = Math.min(fwd, rev) - C[x * N + y]!;
        if (add - gain < bestDelta) {
          bestDelta = add - gain;
          bestT = t;
          bestRev = rev < fwd;
        }
      };
      // Moving the segment shifts everything between its old and new place: no fixed position there.
      for (let t = i - 2; t >= 0 && !w.fixed[t + 1]; t--) consider(t);
      for (let t = e + 1; t < L - 1 && !w.fixed[t]; t++) consider(t);
      if (bestT < 0) continue;
      const segment = seq.splice(i, k);
      if (bestRev) segment.reverse();
      const at = bestT < i ? bestT + 1 : bestT + 1 - k;
      seq.splice(at, 0, ...segment);
      improved = true;
    }
  }
  return improved;
}

/** Exchanges two stops anywhere: the only move that carries stops across a pin. */
function swaps(w: Work, seq: number[]): boolean {
  const { N, C } = w;
  const L = seq.length;
  let improved = false;
  const c = (a: number, b: number) => C[a * N + b]!;
  for (let i = 1; i < L - 1; i++) {
    if (w.fixed[i]) continue;
    for (let j = i + 2; j < L - 1; j++) {
      if (w.fixed[j]) continue;
      const a = seq[i - 1]!;
      const si = seq[i]!;
      const b = seq[i + 1]!;
      const x = seq[j - 1]!;
      const sj = seq[j]!;
      const y = seq[j + 1]!;
      const delta = c(a, sj) + c(sj, b) + c(x, si) + c(si, y) - c(a, si) - c(si, b) - c(x, sj) - c(sj, y);
      if (delta < -EPS) {
        seq[i] = sj;
        seq[j] = si;
        improved = true;
      }
    }
  }
  return improved;
}

function seqCost(w: Work, seq: readonly number[]): number {
  let sum = 0;
  for (let i = 1; i < seq.length; i++) sum += w.C[seq[i - 1]! * w.N + seq[i]!]!;
  return sum;
}

function improveSeq(w: Work, seq: number[]): void {
  for (let round = 0; round < 1000; round++) {
    let improved = twoOpt(w, seq);
    improved = orOpt(w, seq) || improved;
    if (w.hasPins) improved = swaps(w, seq) || improved;
    if (!improved) return;
  }
}

/** 2-opt + Or-opt (+ swaps with pins) to a local optimum; start, end and pins stay put. */
export function improve(p: OrderProblem, order: readonly number[]): number[] {
  const w = prepare(p);
  const seq = toSeq(p, order);
  improveSeq(w, seq);
  return fromSeq(p, seq);
}

/** Double bridge on the free stretch (A B C D -> A C B D); falls back to null when pins forbid it. */
function doubleBridge(w: Work, seq: readonly number[], rnd: () => number): number[] | null {
  const L = seq.length;
  if (w.hasPins || L < 8) return null;
  const inner = L - 2;
  const cuts = new Set<number>();
  while (cuts.size < 3) cuts.add(1 + Math.floor(rnd() * (inner - 1)));
  const [c1, c2, c3] = [...cuts].sort((x, y) => x - y) as [number, number, number];
  return [...seq.slice(0, c1 + 1), ...seq.slice(c2 + 1, c3 + 1), ...seq.slice(c1 + 1, c2 + 1), ...seq.slice(c3 + 1)];
}

/** The random-restart scheme: nearest neighbour from a random first stop, then local search. */
export function randomRestart(p: OrderProblem, rnd: () => number): number[] {
  return improve(p, nearestNeighbour(p, pickFirst(p, rnd)));
}

export function solveHeuristic(p: OrderProblem, options: SearchOptions = {}): OrderSolution {
  const w = prepare(p);
  const rnd = seededRandom(options.seed ?? 1);
  const now = options.now;
  const t0 = now?.() ?? 0;
  const budget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const restarts = options.restarts ?? DEFAULT_RESTARTS;

  const starts = [nearestNeighbour(p)];
  if (!w.hasPins) starts.push(greedyEdge(p));
  let best: number[] = [];
  let bestCost = Infinity;
  for (const order of starts) {
    const seq = toSeq(p, order);
    improveSeq(w, seq);
    const c = seqCost(w, seq);
    if (c < bestCost - EPS || best.length === 0) {
      best = seq;
      bestCost = c;
    }
  }
  for (let r = 0; r < restarts; r++) {
    if (now && now() - t0 > budget) break;
    // Iterated local search: kick the best order and descend again; random restarts when pinned.
    const kicked = doubleBridge(w, best, rnd);
    const seq = kicked ?? toSeq(p, randomOrder(p, rnd));
    improveSeq(w, seq);
    const c = seqCost(w, seq);
    if (c < bestCost - EPS) {
      best = seq;
      bestCost = c;
    }
  }
  const order = fromSeq(p, best);
  return { order, cost: pathCost(p, order), exact: false };
}

/** A uniformly shuffled order with the pins in place. */
export function randomOrder(p: OrderProblem, rnd: () => number): number[] {
  const m = freeNodes(p).length;
  const at = pinTable(p, m);
  const pinned = new Set((p.pins ?? []).map((pin) => pin.node));
  const loose = freeNodes(p).filter((v) => !pinned.has(v));
  for (let i = loose.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [loose[i], loose[j]] = [loose[j]!, loose[i]!];
  }
  const order = [p.start];
  for (let pos = 0; pos < m; pos++) order.push(at[pos]! >= 0 ? at[pos]! : loose.pop()!);
  if (p.end !== undefined) order.push(p.end);
  return order;
}

function pickFirst(p: OrderProblem, rnd: () => number): number {
  const pinned = new Set((p.pins ?? []).map((pin) => pin.node));
  const choices = freeNodes(p).filter((v) => !pinned.has(v));
  return choices.length ? choices[Math.floor(rnd() * choices.length)]! : -1;
}
