// Colours of the hall. One place, so the look can be tuned without touching drawing code.
import type { CategoryId } from '../../../shared/categories.ts';
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

/**
 * Stand colours by category, the plan's legend: distinct hues of even weight that stay apart
 * for the common colour-vision deficiencies (after the Okabe–Ito and Tableau 10 palettes).
 */
export const CATEGORY_COLOURS: Record<CategoryId, string> = {
  preschool: '#e69f00',
  school: '#0072b2',
  higher: '#6a3d9a',
  professional: '#d55e00',
  additional: '#009e73',
  edtech: '#cc79a7',
  platforms: '#1f9bbd',
  equipment: '#7f6a00',
  publishers: '#b2182b',
  regions: '#4d7f2a',
};

export function categoryColour(category: CategoryId): number {
  return hexToNumber(CATEGORY_COLOURS[category]);
}
