// Small deterministic SVG portraits for the sample speakers: an illustrated head and
// shoulders on a coloured disc (skin, hair style and colour, glasses, beard, clothes drawn
// from the seeded generator). About 1 KB each, no text, no real likeness.
import { chance, pick, type Rng } from './sample/random.ts';

const BACKGROUNDS = ['#dbeafe', '#fde68a', '#fecaca', '#d1fae5', '#e9d5ff', '#fbcfe8', '#cffafe', '#fed7aa', '#e5e7eb', '#c7d2fe'];
const SKINS = ['#f8d9c4', '#f1c6a5', '#e0ac85', '#c68a62', '#a46a45', '#f5cfb0'];
const HAIR = ['#2b1d14', '#4a2f1d', '#6b4226', '#a0703f', '#d6b370', '#8d8d8d', '#c9c9c9', '#1c1c1c', '#7a2e1a'];
const CLOTHES = ['#1f3a5f', '#374151', '#7c2d12', '#065f46', '#581c87', '#9f1239', '#0f766e', '#1e40af', '#4b5563', '#b45309'];

export function portraitSvg(rng: Rng, female: boolean): string {
  const bg = pick(rng, BACKGROUNDS);
  const skin = pick(rng, SKINS);
  const hair = pick(rng, HAIR);
  const cloth = pick(rng, CLOTHES);
  const older = chance(rng, 0.25);
  const hairColour = older ? pick(rng, ['#8d8d8d', '#c9c9c9', '#b0b0b0']) : hair;
  const parts: string[] = [`<circle cx="48" cy="48" r="48" fill="${bg}"/>`];
  // Long hair behind the head and shoulders.
  if (female && chance(rng, 0.7)) parts.push(`<path fill="${hairColour}" d="M24 44Q24 18 48 18Q72 18 72 44V74H24Z"/>`);
  // Shoulders and neck.
  const collar = female ? `<path fill="#fff" opacity=".85" d="M40 70L48 80L56 70Z"/>` : `<path fill="#fff" d="M41 69L48 79L55 69Z"/><path fill="${pick(rng, ['#b91c1c', '#1d4ed8', '#374151', '#15803d'])}" d="M46.5 72H49.5L50.5 86H45.5Z"/>`;
  parts.push(`<path fill="${cloth}" d="M14 96Q16 72 38 68H58Q80 72 82 96Z"/>`, `<rect x="42" y="56" width="12" height="14" rx="5" fill="${skin}"/>`, collar);
  // Head, ears.
  const rx = 15 + Math.floor(rng() * 3);
  parts.push(
    `<ellipse cx="${48 - rx}" cy="46" rx="3" ry="4.5" fill="${skin}"/><ellipse cx="${48 + rx}" cy="46" rx="3" ry="4.5" fill="${skin}"/>`,
    `<ellipse cx="48" cy="44" rx="${rx}" ry="19" fill="${skin}"/>`,
  );
  // Hair on top: a few styles.
  const style = Math.floor(rng() * (female ? 3 : 4));
  const top = [
    `<path fill="${hairColour}" d="M${48 - rx - 1} 42Q${48 - rx} 22 48 23Q${48 + rx} 22 ${48 + rx + 1} 42Q${48 + 6} 30 ${48 - rx - 1} 42Z"/>`,
    `<path fill="${hairColour}" d="M${48 - rx - 1} 44Q${48 - rx - 2} 21 48 22Q${48 + rx + 2} 21 ${48 + rx + 1} 44Q${48 + rx - 2} 31 48 31Q${48 - rx + 2} 31 ${48 - rx - 1} 44Z"/>`,
    `<path fill="${hairColour}" d="M${48 - rx} 38Q${48 - rx + 2} 22 48 24Q${48 + rx - 2} 22 ${48 + rx} 38Q48 28 ${48 - rx} 38Z"/>`,
    `<path fill="${hairColour}" d="M${48 - rx + 1} 36Q48 20 ${48 + rx - 1} 36Q48 31 ${48 - rx + 1} 36Z" opacity=".9"/>`,
  ][style]!;
  parts.push(top);
  if (female && chance(rng, 0.3)) parts.push(`<circle cx="48" cy="21" r="6" fill="${hairColour}"/>`);
  // Face: brows, eyes, nose, mouth.
  const eyeY = 45;
  parts.push(
    `<path stroke="${older ? '#6b7280' : hair}" stroke-width="1.6" stroke-linecap="round" d="M38 ${eyeY - 5}H44M52 ${eyeY - 5}H58"/>`,
    `<circle cx="41" cy="${eyeY}" r="1.8" fill="#1f2937"/><circle cx="55" cy="${eyeY}" r="1.8" fill="#1f2937"/>`,
    `<path stroke="#00000033" stroke-width="1.4" fill="none" stroke-linecap="round" d="M48 47Q46 52 48.5 53"/>`,
    `<path stroke="#7f1d1d" stroke-width="1.6" fill="none" stroke-linecap="round" d="M${chance(rng, 0.5) ? '43 57Q48 61 53 57' : '44 57.5Q48 59.5 52 57.5'}"/>`,
  );
  if (!female && chance(rng, 0.25)) parts.push(`<path fill="${hairColour}" opacity=".85" d="M${48 - rx + 2} 50Q48 72 ${48 + rx - 2} 50Q${48 + 6} 60 48 60Q${48 - 6} 60 ${48 - rx + 2} 50Z"/>`);
  if (chance(rng, 0.3)) {
    parts.push(`<g fill="none" stroke="#111827" stroke-width="1.3"><circle cx="41" cy="${eyeY}" r="4.5"/><circle cx="55" cy="${eyeY}" r="4.5"/><path d="M45.5 ${eyeY}H50.5"/></g>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">${parts.join('')}</svg>\n`;
}
