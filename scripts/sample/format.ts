// JSON layout for files organisers read: two-space indentation, but points, stands and
// other small records on one line each so a floor with hundreds of stands stays scannable.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys whose values are written on one line. */
const INLINE_KEYS = new Set(['size', 'background', 'to', 'title', 'name']);
/** Arrays whose items are written one per line, each item on one line. */
const ONE_PER_LINE = new Set(['stands', 'portals', 'landmarks']);

function inline(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`);
    return `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

function isPoint(value: Json): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === 'number');
}

function block(value: Json, indent: string, key: string | null): string {
  if (key !== null && INLINE_KEYS.has(key)) return inline(value);
  if (isPoint(value)) return inline(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const oneLine = key !== null && ONE_PER_LINE.has(key);
    const items = value.map((v) => inner + (oneLine ? inline(v) : block(v, inner, null)));
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${block(v, inner, k)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

export function formatJson(value: unknown): string {
  return block(JSON.parse(JSON.stringify(value)) as Json, '', null) + '\n';
}
