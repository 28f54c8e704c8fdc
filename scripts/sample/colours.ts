// Brand colours that carry white text: varied hues, kept dark enough for contrast.
import type { Rng } from './random.ts';

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0), f(8), f(4)];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast of white text on the colour. */
export function contrastWithWhite(rgb: [number, number, number]): number {
  return 1.05 / (luminance(rgb) + 0.05);
}

const hex = (c: number) => Math.round(c * 255).toString(16).padStart(2, '0');

/** A colour with at least 4.5:1 contrast against white (WCAG AA for normal text). */
export function brandColour(rng: Rng): string {
  const hue = rng() * 360;
  const saturation = 0.45 + rng() * 0.35;
  // Darken until white text reads well: yellows and greens need it more than blues,
  // and rejecting them instead would skew the palette towards purple.
  for (let lightness = 0.3 + rng() * 0.15; lightness > 0.1; lightness -= 0.02) {
    const rgb = hslToRgb(hue, saturation, lightness);
    if (contrastWithWhite(rgb) >= 4.5) return `#${rgb.map(hex).join('')}`;
  }
  return '#1f3a5f';
}
