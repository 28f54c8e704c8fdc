// Simulated visitors walking the alleys, for the benchmark (and as a stand-in until live
// presence arrives). Each walker heads for a random neighbouring junction, then another.
import type { WalkGraph } from '../../../shared/level/walkGraph.ts';

export class Walkers {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly tint: Uint32Array;
  private readonly target: Int32Array;
  private readonly speed: Float32Array;
  private seed = 12345;

  constructor(
    private readonly graph: WalkGraph,
    readonly count: number,
  ) {
    this.x = new Float32Array(count);
    this.y = new Float32Array(count);
    this.tint = new Uint32Array(count);
    this.target = new Int32Array(count);
    this.speed = new Float32Array(count);
    const colours = [0x7c3aed, 0xdb2777, 0x059669, 0xd97706, 0x2563eb, 0x475569];
    for (let i = 0; i < count; i++) {
      const n = this.rand(graph.nodes.length);
      const node = graph.nodes[n]!;
      this.x[i] = node.x;
      this.y[i] = node.y;
      this.target[i] = n;
      this.speed[i] = 1.2 + (this.rand(100) / 100) * 1.6;
      this.tint[i] = colours[i % colours.length]!;
    }
  }

  private rand(n: number): number {
    this.seed = (this.seed * 1103515245 + 12345) & 0x7fffffff;
    return this.seed % Math.max(1, n);
  }

  step(dt: number): void {
    const { nodes, adj } = this.graph;
    for (let i = 0; i < this.count; i++) {
      const t = nodes[this.target[i]!]!;
      const dx = t.x - this.x[i]!;
      const dy = t.y - this.y[i]!;
      const d = Math.hypot(dx, dy);
      const step = this.speed[i]! * dt;
      if (d <= step) {
        this.x[i] = t.x;
        this.y[i] = t.y;
        const next = adj[this.target[i]!]!;
        if (next.length > 0) this.target[i] = next[this.rand(next.length)]!.to;
      } else {
        this.x[i] = this.x[i]! + (dx / d) * step;
        this.y[i] = this.y[i]! + (dy / d) * step;
      }
    }
  }
}
