// JSON layout of programme files for organisers to read and diff: two-space indentation,
// one cluster or speaker per line, one event field per line with small values inline.
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function inline(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** Records of these top-level lists go one per line; events get one field per line. */
const ONE_PER_LINE = new Set(['clusters', 'speakers']);

export function formatProgrammeJson(value: unknown): string {
  const root = JSON.parse(JSON.stringify(value)) as { [key: string]: Json };
  const lines = Object.entries(root).map(([key, v]) => {
    const k = JSON.stringify(key);
    if (!Array.isArray(v)) return `  ${k}: ${inline(v)}`;
    if (v.length === 0) return `  ${k}: []`;
    const items = ONE_PER_LINE.has(key)
      ? v.map((item) => `    ${inline(item)}`)
      : v.map((item) =>
          item !== null && typeof item === 'object' && !Array.isArray(item)
            ? `    {\n${Object.entries(item).map(([ik, iv]) => `      ${JSON.stringify(ik)}: ${inline(iv)}`).join(',\n')}\n    }`
            : `    ${inline(item)}`,
        );
    return `  ${k}: [\n${items.join(',\n')}\n  ]`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}
