// Display names that visitors choose (floors and stand chats): how a name is cleaned, and the
// check that it does not pass for the fair's own people. The check compares a "skeleton" of
// the name (after UTS #39's idea: two strings that look alike get the same skeleton) with the
// skeletons of reserved words, so «Модерaтор» with a Latin a, «Ѕtaff» with a Cyrillic Ѕ,
// «S t a f f», «s.t.a.f.f» and fullwidth «ｓｔａｆｆ» are all caught.
//
// Why a table of our own and not the full Unicode confusables data: the npm packages that
// carry it (unhomoglyph: ~100 KB of data, 28 KB gzip, one ~6 000-branch regex; Unicode 13 data)
// are heavy for the browser bundle, while the swaps that fool a reader of a Russian/English
// chat are few: Latin/Cyrillic/Greek twins, small capitals, a few digits. NFKC already folds
// fullwidth, mathematical, circled and superscript letters and ligatures.

/** Longest display name, in UTF-16 code units. */
export const NAME_MAX = 24;

/**
 * Stems that only the fair's own people may carry (staff badges show who really is staff).
 * A name whose skeleton CONTAINS one is refused, even inside a longer word: spaces and
 * punctuation are dropped before comparing (that is what catches «S t a f f»), so word
 * boundaries are gone and "Mia Staffordshire" or "Modern" are refused too. Those visitors
 * get their guest name; the false refusals are rare and harmless, a false pass is not.
 */
const RESERVED_WORDS = [
  'staff',
  'admin',
  'moder',
  'organis',
  'organiz',
  'оргкомитет',
  'организатор',
  'модератор',
  'администратор',
  'сотрудник',
  'стенд',
  'ммсо',
  'mmso',
];

/**
 * Look-alikes, by the Latin (or, where Latin has no twin, Cyrillic) letter they pass for.
 * Applied after lower-casing, so only lower-case forms are listed, except where lower-casing
 * does not reach the twin (Cyrillic м, н, т, в, к look Latin only in upper case, so they map
 * here too: «МMСО» and «MMSO» must meet).
 */
const LOOKALIKES: Record<string, string> = {
  a: 'аαɑᴀ4',
  b: 'вβьʙ',
  c: 'сϲᴄ',
  d: 'ԁᴅ',
  e: 'еєεᴇ',
  g: 'ɡԍɢ',
  h: 'һнʜ',
  i: 'іιıӏɪl1|ǀ',
  j: 'јϳᴊ',
  k: 'кκᴋ',
  m: 'мᴍ',
  n: 'ηɴ',
  o: 'оοσᴏ0',
  p: 'рρᴘ',
  q: 'ԛ',
  r: 'ʀ',
  s: 'ѕꜱ5$',
  t: 'тτᴛ',
  u: 'υսᴜ',
  v: 'νѵᴠ',
  w: 'ԝωᴡ',
  x: 'хχ',
  y: 'уүγʏ',
  z: 'ᴢ',
  з: '3',
};

const TO_PROTOTYPE = new Map<string, string>();
for (const [target, twins] of Object.entries(LOOKALIKES)) for (const twin of twins) TO_PROTOTYPE.set(twin, target);

/**
 * The skeleton of a name: NFKC, lower case, accents dropped, look-alikes mapped to one
 * letter, everything but letters and digits dropped, "rn" read as "m". Only for comparing;
 * never shown.
 */
export function nameSkeleton(raw: string): string {
  const folded = raw.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  let out = '';
  for (const ch of folded) out += TO_PROTOTYPE.get(ch) ?? ch;
  return out.replace(/[^\p{L}\p{N}]/gu, '').replace(/rn/g, 'm');
}

const RESERVED_SKELETONS = RESERVED_WORDS.map(nameSkeleton);

/** Whether a name would pass for staff, an organiser or the fair itself (see RESERVED_WORDS). */
export function impersonatesStaff(name: string): boolean {
  const s = nameSkeleton(name);
  return RESERVED_SKELETONS.some((r) => s.includes(r));
}

/**
 * Invisible characters: controls, format characters (zero-width, bidi overrides, soft hyphen,
 * tags), variation selectors and the blank Hangul fillers. They could split a reserved word
 * for the eye-less check or make two names differ invisibly.
 */
// Combining ones (U+034F, the Hangul jamo fillers, variation selectors) stand alone: inside
// a class with others, a linter rightly reads them as joined to the character before.
const INVISIBLE = /[\p{Cc}\p{Cf}\u3164\uffa0]|\u034f|\u115f|\u1160|\u17b4|\u17b5|[\u180b-\u180f]|[\ufe00-\ufe0f]/gu;

/** Trims and limits a display name; returns null when it is empty or impersonates staff. */
export function cleanName(raw: string): string | null {
  const name = raw
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, NAME_MAX)
    // A cut through an emoji leaves half a surrogate pair.
    .replace(/[\ud800-\udbff]$/, '')
    .trim();
  if (!name || impersonatesStaff(name)) return null;
  return name;
}
