// Latin ids from names in any script ("Цифровая школа" → "tsifrovaya-shkola",
// "Chloé Berthélémy" → "chloe-berthelemy"), for ids made on import.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'j',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

export function slugify(text: string, max = 48): string {
  const latin = [...text.toLowerCase()].map((ch) => CYRILLIC[ch] ?? ch).join('');
  const slug = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return (dash > 10 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/** Hands out ids unique within one run: "room", "room-2", "room-3"... */
export function uniqueIds(): (base: string, fallback: string) => string {
  const used = new Set<string>();
  return (base, fallback) => {
    const root = slugify(base) || fallback;
    let id = root;
    for (let n = 2; used.has(id); n++) id = `${root}-${n}`;
    used.add(id);
    return id;
  };
}
