// Colours of the hall. One place, so the look can be tuned without touching drawing code.
import type { Level } from '../../../shared/level/schema.ts';

export function hexToNumber(hex: string): number {
  return Number.parseInt(hex.slice(1), 16);
}

/** Mixes colour a towards b by t in [0, 1]. */
export function mix(a: number, b: number, t: number): number {
  const ch = (c: number, s: number) => (c >> s) & 255;
  const m = (s: number) => Math.round(ch(a, s) + (ch(b, s) - ch(a, s)) * t);
  return (m(16) << 16) | (m(8) << 8) | m(0);
}

export const PALETTE = {
  outside: 0x1f2933,
  wall: 0x3e4c59,
  alley: 0xf5f1e8,
  alleyEdge: 0xd9d2c3,
  standShadow: 0x000000,
  board: 0xffffff,
  focus: 0x1d4ed8,
  hover: 0xf59e0b,
  highlight: 0xe11d48,
  path: 0x2563eb,
  avatar: 0x0ea5e9,
  other: 0x7c3aed,
  landmark: 0x0f766e,
  portal: 0x9333ea,
  label: 0x1f2933,
} as const;

const FLOOR: Record<Level['background']['style'], number> = {
  parquet: 0xd8b98a,
  carpet: 0x8fa3b8,
  concrete: 0xb8b8b2,
  marble: 0xe3e0da,
};

export function floorColour(bg: Level['background']): number {
  return bg.tint ? mix(FLOOR[bg.style], hexToNumber(bg.tint), 0.35) : FLOOR[bg.style];
}
