// The sample exhibitors: names, texts, colours, contacts and logo markup, per category.
import type { CategoryId } from '../../shared/categories.ts';
import { ExhibitorList, type Exhibitor } from '../../shared/exhibitor.ts';
import { brandColour } from './colours.ts';
import { makeContacts } from './contacts.ts';
import { descriptionText, shortText } from './copy.ts';
import { withEnglishCard } from './english.ts';
import { logoSvg } from './logos.ts';
import { candidateNames } from './names.ts';
import type { Rng } from './random.ts';

export interface SampleExhibitor {
  exhibitor: Exhibitor;
  logoSvg: string;
}

/** Builds `counts[category]` exhibitors per category, in the order of `counts`. */
export function buildExhibitors(counts: readonly (readonly [CategoryId, number])[], rng: Rng): SampleExhibitor[] {
  const usedIds = new Set<string>();
  const usedNames = new Set<string>();
  const out: SampleExhibitor[] = [];
  for (const [category, count] of counts) {
    const names = candidateNames(category, rng).filter((n) => !usedNames.has(n.name));
    if (names.length < count) {
      throw new Error(`only ${names.length} names for ${category}, ${count} needed`);
    }
    for (const entry of names.slice(0, count)) {
      let id = entry.slug;
      for (let n = 2; usedIds.has(id); n++) id = `${entry.slug}-${n}`;
      usedIds.add(id);
      usedNames.add(entry.name);
      const colour = brandColour(rng);
      const { contacts, city } = makeContacts(rng, id, entry.city);
      out.push({
        exhibitor: withEnglishCard({
          id,
          name: entry.name,
          category,
          colour,
          logo: `logos/${id}.svg`,
          short: shortText(rng, category),
          description: descriptionText(rng, category),
          contacts,
          city,
        }),
        logoSvg: logoSvg(rng, category, colour, entry.initials),
      });
    }
  }
  ExhibitorList.parse(out.map((e) => e.exhibitor));
  return out;
}
