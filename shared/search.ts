// Exhibitor search: by part of the company name, the category title or the short text.
// Case-insensitive, "ё" equals "е", name matches rank first. Pure, so it is unit-tested.

export interface SearchDoc {
  id: string;
  name: string;
  /** Category titles in every language, so either language finds it. */
  categories: string[];
  short: string;
  /** Booth numbers ("A01"): a query equal to one, or its start, ranks with the names. */
  codes?: string[];
}

export function normalise(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[«»"'()]/g, '').replace(/\s+/g, ' ').trim();
}

export function searchDocs<T extends SearchDoc>(docs: readonly T[], query: string, limit = 12): T[] {
  const q = normalise(query);
  if (q.length < 2) return [];
  const scored: { doc: T; score: number }[] = [];
  for (const doc of docs) {
    const name = normalise(doc.name);
    let score = -1;
    if (doc.codes?.some((c) => normalise(c) === q)) score = 0;
    else if (name.startsWith(q)) score = 0;
    else if (name.split(' ').some((w) => w.startsWith(q))) score = 1;
    else if (name.includes(q)) score = 2;
    else if (q.length >= 2 && doc.codes?.some((c) => normalise(c).startsWith(q))) score = 2;
    else if (doc.categories.some((c) => normalise(c).includes(q))) score = 3;
    else if (normalise(doc.short).includes(q)) score = 4;
    if (score >= 0) scored.push({ doc, score });
  }
  scored.sort((a, b) => a.score - b.score || a.doc.name.localeCompare(b.doc.name, 'ru'));
  return scored.slice(0, limit).map((s) => s.doc);
}
