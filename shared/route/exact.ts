// Held-Karp: the optimal order by dynamic programming over subsets of the free nodes.
// dp[S][j] is the cheapest walk from the start through exactly the set S ending at j; with m
// free nodes that is m·2^m states and m transitions each (12 stops: ~0.6 M steps, a few ms).
import { type OrderProblem, type OrderSolution, freeNodes, pinTable } from './problem.ts';

export function solveExact(p: OrderProblem): OrderSolution {
  const free = freeNodes(p);
  const m = free.length;
  const n = p.n;
  const c = p.cost;
  const tail = (node: number) => (p.end === undefined ? 0 : c[node * n + p.end]!);
  if (m === 0) {
    const order = p.end === undefined ? [p.start] : [p.start, p.end];
    return { order, cost: p.end === undefined ? 0 : c[p.start * n + p.end]!, exact: true };
  }
  if (m > 16) throw new RangeError(`Held-Karp with ${m} free nodes would not fit in memory`);

  // Pins become a set condition: a state S is consistent iff the pinned nodes in S are exactly
  // those pinned at positions < |S|.
  const at = pinTable(p, m);
  const local = new Map(free.map((node, k) => [node, k]));
  let pinnedMask = 0;
  const required = new Int32Array(m + 1);
  for (let pos = 0; pos < m; pos++) {
    const node = at[pos]!;
    if (node >= 0) pinnedMask |= 1 << local.get(node)!;
  }
  for (let size = 1; size <= m; size++) {
    const node = at[size - 1]!;
    required[size] = required[size - 1]! | (node >= 0 ? 1 << local.get(node)! : 0);
  }
  const full = (1 << m) - 1;
  const bits = new Uint8Array(full + 1);
  for (let s = 1; s <= full; s++) bits[s] = bits[s >> 1]! + (s & 1);
  const ok = (s: number) => (s & pinnedMask) === required[bits[s]!];

  // Local cost table: row k is free node k, column m is the start.
  const w = new Float64Array((m + 1) * m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) w[i * m + j] = c[free[i]! * n + free[j]!]!;
  for (let j = 0; j < m; j++) w[m * m + j] = c[p.start * n + free[j]!]!;

  const dp = new Float64Array((full + 1) * m).fill(Infinity);
  const parent = new Int8Array((full + 1) * m).fill(-1);
  for (let k = 0; k < m; k++) if (ok(1 << k)) dp[(1 << k) * m + k] = w[m * m + k]!;
  for (let s = 1; s < full; s++) {
    if (!ok(s)) continue;
    const row = s * m;
    for (let j = 0; j < m; j++) {
      const base = dp[row + j]!;
      if (base === Infinity) continue;
      const wj = j * m;
      for (let k = 0; k < m; k++) {
        const bit = 1 << k;
        if (s & bit) continue;
        const s2 = s | bit;
        if ((s2 & pinnedMask) !== required[bits[s2]!]) continue;
        const cand = base + w[wj + k]!;
        const idx = s2 * m + k;
        if (cand < dp[idx]!) {
          dp[idx] = cand;
          parent[idx] = j;
        }
      }
    }
  }
  let best = Infinity;
  let last = -1;
  for (let j = 0; j < m; j++) {
    const v = dp[full * m + j]! + tail(free[j]!);
    if (v < best) {
      best = v;
      last = j;
    }
  }
  if (last < 0) {
    // Only when costs are infinite: no finite order exists. Return the pinned identity order.
    const order = [p.start, ...Array.from({ length: m }, (_, pos) => (at[pos]! >= 0 ? at[pos]! : -1))];
    const rest = free.filter((node) => !order.includes(node));
    const filled = order.map((node) => (node === -1 ? rest.shift()! : node));
    if (p.end !== undefined) filled.push(p.end);
    return { order: filled, cost: Infinity, exact: true };
  }
  const seq: number[] = [];
  for (let s = full, j = last; j >= 0; ) {
    seq.push(free[j]!);
    const pj = parent[s * m + j]!;
    s &= ~(1 << j);
    j = pj;
  }
  seq.reverse();
  const order = [p.start, ...seq];
  if (p.end !== undefined) order.push(p.end);
  return { order, cost: best, exact: true };
}
