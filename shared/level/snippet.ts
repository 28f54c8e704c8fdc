// One-line JSON of level items, written the way floor files write them
// (`{ "id": "sc-a01", "x": 8, ... }`), so an organiser can paste a copied stand into a file.
import type { Stand } from './schema.ts';

/** JSON on one line with a space inside braces and after colons and commas. */
export function jsonLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonLine).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${jsonLine(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A stand as one line of its floor file, fields in the files' order. */
export function standSnippet(s: Stand): string {
  const { id, exhibitor, x, y, w, h, entrance, size, ...rest } = s;
  // Fields added to the schema later keep their place after the known ones.
  return jsonLine({ id, exhibitor, x, y, w, h, entrance, size, ...rest });
}
