// Russian adjective agreement, just enough for generated names ("Уральский" + "академия"
// must read "Уральская академия"). Adjectives are written in the masculine form.

export type Gender = 'm' | 'f' | 'n';

const HUSHING = 'жшчщ';
const VELAR = 'гкх';

/** Inflects the last word of a masculine nominative adjective ("Северо-Западный") to the gender. */
export function agree(adjective: string, gender: Gender): string {
  if (gender === 'm') return adjective;
  const stem = adjective.slice(0, -2);
  const end = adjective.slice(-2);
  const last = stem.slice(-1);
  if (end === 'ый' || end === 'ой') return stem + (gender === 'f' ? 'ая' : 'ое');
  if (end === 'ий') {
    if (VELAR.includes(last)) return stem + (gender === 'f' ? 'ая' : 'ое');
    if (HUSHING.includes(last)) return stem + (gender === 'f' ? 'ая' : 'ее');
    // Soft stems: "Верхний" -> "Верхняя", "Верхнее".
    return stem + (gender === 'f' ? 'яя' : 'ее');
  }
  throw new Error(`cannot inflect adjective "${adjective}"`);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
