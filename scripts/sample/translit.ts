// Latin slugs for exhibitor ids and their example.ru sites, from Russian names.

const TABLE: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'j',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Max slug length: it becomes a DNS label in "<id>.example.ru", which must stay short. */
const MAX = 40;

export function slugify(text: string): string {
  const latin = [...text.toLowerCase()].map((ch) => TABLE[ch] ?? ch).join('');
  const slug = latin
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX) return slug;
  // Cut at a word boundary so ids stay readable.
  const cut = slug.slice(0, MAX);
  const dash = cut.lastIndexOf('-');
  return dash > 10 ? cut.slice(0, dash) : cut;
}
