// Small standalone SVG logos: a brand-coloured badge with a white geometric emblem and/or
// the initials. Emblems are drawn in a 32×32 box and placed by a transform.
import type { CategoryId } from '../../shared/categories.ts';
import { pick, weighted, type Rng } from './random.ts';

export const EMBLEMS = ['book', 'cap', 'atom', 'pencil', 'star', 'gear', 'leaf', 'bubble'] as const;
export type Emblem = (typeof EMBLEMS)[number];

function polygon(points: [number, number][]): string {
  return `M${points.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join('L')}Z`;
}

function starPath(): string {
  const pts: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? 14 : 6;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push([16 + r * Math.cos(a), 17 + r * Math.sin(a)]);
  }
  return polygon(pts);
}

function gearPath(): string {
  const pts: [number, number][] = [];
  const teeth = 8;
  for (let i = 0; i < teeth * 4; i++) {
    const r = i % 4 < 2 ? 14 : 10.5;
    const a = (i * Math.PI * 2) / (teeth * 4) + Math.PI / (teeth * 4);
    pts.push([16 + r * Math.cos(a), 16 + r * Math.sin(a)]);
  }
  return polygon(pts);
}

/** Emblem markup; `bg` paints details cut out of the white shape. */
function emblem(kind: Emblem, bg: string): string {
  switch (kind) {
    case 'book':
      return `<path fill="#fff" d="M3 8Q10 5 16 9Q22 5 29 8V26Q22 23 16 27Q10 23 3 26Z"/><path stroke="${bg}" stroke-width="1.5" d="M16 9V27"/>`;
    case 'cap':
      return `<path fill="#fff" d="M16 5L31 12L16 19L1 12ZM8 15V22Q16 27 24 22V15L16 19Z"/><path stroke="#fff" stroke-width="1.5" fill="none" d="M28 13V22"/>`;
    case 'atom':
      return `<g fill="none" stroke="#fff" stroke-width="2"><ellipse cx="16" cy="16" rx="14" ry="5.5"/><ellipse cx="16" cy="16" rx="14" ry="5.5" transform="rotate(60 16 16)"/><ellipse cx="16" cy="16" rx="14" ry="5.5" transform="rotate(120 16 16)"/></g><circle cx="16" cy="16" r="3" fill="#fff"/>`;
    case 'pencil':
      return `<path fill="#fff" d="M5 27L7 19L21 5L27 11L13 25ZM23 3L25 1L31 7L29 9Z"/>`;
    case 'star':
      return `<path fill="#fff" d="${starPath()}"/>`;
    case 'gear':
      return `<path fill="#fff" d="${gearPath()}"/><circle cx="16" cy="16" r="4.5" fill="${bg}"/>`;
    case 'leaf':
      return `<path fill="#fff" d="M4 28C4 13 13 4 29 4C29 19 20 28 4 28Z"/><path stroke="${bg}" stroke-width="1.5" d="M6 26L21 11"/>`;
    case 'bubble':
      return `<path fill="#fff" d="M5 5H27Q30 5 30 8V20Q30 23 27 23H14L7 29V23H5Q2 23 2 20V8Q2 5 5 5Z"/><g fill="${bg}"><circle cx="10" cy="14" r="2"/><circle cx="16" cy="14" r="2"/><circle cx="22" cy="14" r="2"/></g>`;
  }
}

const CATEGORY_EMBLEMS: Record<CategoryId, readonly Emblem[]> = {
  preschool: ['star', 'leaf', 'bubble', 'pencil'],
  school: ['book', 'pencil', 'star', 'atom'],
  higher: ['cap', 'book', 'atom'],
  professional: ['gear', 'cap', 'pencil'],
  additional: ['star', 'atom', 'gear', 'pencil', 'leaf'],
  edtech: ['bubble', 'atom', 'star', 'gear'],
  platforms: ['bubble', 'gear', 'book'],
  equipment: ['gear', 'atom', 'pencil'],
  publishers: ['book', 'pencil', 'leaf'],
  regions: ['leaf', 'star', 'cap', 'book'],
};

export function logoSvg(rng: Rng, category: CategoryId, colour: string, initials: string): string {
  const shape = rng() < 0.6
    ? `<rect width="64" height="64" rx="14" fill="${colour}"/>`
    : `<circle cx="32" cy="32" r="32" fill="${colour}"/>`;
  const layout = weighted(rng, [['emblem', 4], ['initials', 2], ['both', 3]] as const);
  const mark = emblem(pick(rng, CATEGORY_EMBLEMS[category]), colour);
  const text = (y: number, size: number) =>
    `<text x="32" y="${y}" fill="#fff" font-family="Arial, Helvetica, sans-serif" font-size="${size}" font-weight="700" text-anchor="middle">${initials}</text>`;
  let body: string;
  if (layout === 'emblem') body = `<g transform="translate(12 12) scale(1.25)">${mark}</g>`;
  else if (layout === 'initials') body = text(initials.length > 1 ? 41 : 43, initials.length > 1 ? 26 : 32);
  else body = `<g transform="translate(20 7) scale(0.75)">${mark}</g>${text(55, 17)}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">${shape}${body}</svg>\n`;
}
