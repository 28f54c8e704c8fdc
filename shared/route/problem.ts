// The ordering problem behind a route, independent of floors: visit every node of a symmetric
// cost matrix once, starting at `start`, finishing at `end` if one is fixed, with pinned nodes
// at fixed positions.

/**
 * `position` counts the nodes visited after `start`, from 0, not counting a fixed `end`:
 * with m free nodes (all but start and end) positions run 0..m-1. See Pin in types.ts.
 */
export interface NodePin {
  node: number;
  position: number;
}

export interface OrderProblem {
  n: number;
  /** Row-major n×n symmetric costs; Infinity where no walk exists. */
  cost: Float64Array;
  start: number;
  end?: number;
  pins?: readonly NodePin[];
}

export interface OrderSolution {
  /** Every node once: start first, the fixed end (if any) last. */
  order: number[];
  cost: number;
  exact: boolean;
}

/** The nodes to order (neither start nor end) in index order. */
export function freeNodes(p: OrderProblem): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.n; i++) if (i !== p.start && i !== p.end) out.push(i);
  return out;
}

/** Why the pins cannot hold, or null when they can. */
export function pinProblem(p: OrderProblem): string | null {
  const m = freeNodes(p).length;
  const nodes = new Set<number>();
  const positions = new Set<number>();
  for (const pin of p.pins ?? []) {
    if (pin.node === p.start) return 'the start cannot be pinned: it is always first';
    if (pin.node === p.end) return 'the end cannot be pinned: it is always last';
    if (!Number.isInteger(pin.position) || pin.position < 0 || pin.position >= m)
      return `position ${pin.position} is outside 0..${m - 1}`;
    if (nodes.has(pin.node)) return 'a stop is pinned twice';
    if (positions.has(pin.position)) return `two stops are pinned at position ${pin.position}`;
    nodes.add(pin.node);
    positions.add(pin.position);
  }
  return null;
}

/** Node pinned at each free position, or -1. */
export function pinTable(p: OrderProblem, m: number): Int32Array {
  const at = new Int32Array(m).fill(-1);
  for (const pin of p.pins ?? []) at[pin.position] = pin.node;
  return at;
}

export function pathCost(p: OrderProblem, order: readonly number[]): number {
  let sum = 0;
  for (let i = 1; i < order.length; i++) sum += p.cost[order[i - 1]! * p.n + order[i]!]!;
  return sum;
}

