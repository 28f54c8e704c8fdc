// `npm run levels:schema`: writes levels/level.schema.json from the zod `Level` schema, so
// editors (VS Code, WebStorm) complete and check floor files as organisers type; every floor
// file points at it with "$schema": "./level.schema.json". A unit test fails when the
// committed file is stale. Draft-07 because that is what most editors understand fully.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ROOT } from '../server/config.ts';
import { Level } from '../shared/level/schema.ts';

export const LEVEL_SCHEMA_FILE = path.join(ROOT, 'levels', 'level.schema.json');

/** The file's exact text: what the organisers' files may contain (`io: 'input'`: defaults are optional). */
export function levelSchemaText(): string {
  const schema = z.toJSONSchema(Level, { io: 'input', target: 'draft-7' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

async function main(): Promise<void> {
  await fs.writeFile(LEVEL_SCHEMA_FILE, levelSchemaText());
  console.log(`wrote ${path.relative(process.cwd(), LEVEL_SCHEMA_FILE) || LEVEL_SCHEMA_FILE}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await main();
