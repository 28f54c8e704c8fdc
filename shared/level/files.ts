// Which files in a levels folder are floors (the generated JSON Schema sits beside them).
export const LEVEL_SCHEMA_FILE = 'level.schema.json';

export function isLevelFile(name: string): boolean {
  return name.endsWith('.json') && name !== LEVEL_SCHEMA_FILE;
}
