// `npm run programme:schema`: writes programme/schema/*.schema.json from the zod schemas in
// shared/programme/schema.ts, so editors complete and check programme files as organisers
// type (each file points at its schema with "$schema"). A unit test fails when the committed
// files are stale. Draft-07, as for the floors: what most editors understand fully.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ROOT } from '../server/config.ts';
import { SCHEMA_DIR } from '../shared/programme/files.ts';
import { ClusterFile, EventFile, ProgrammeMeta, SpeakerFile } from '../shared/programme/schema.ts';

export const PROGRAMME_SCHEMA_DIR = path.join(ROOT, 'programme', SCHEMA_DIR);

const SCHEMAS = { programme: ProgrammeMeta, clusters: ClusterFile, speakers: SpeakerFile, events: EventFile } as const;

/** File name → exact text (`io: 'input'`: fields with defaults are optional in files). */
export function programmeSchemaTexts(): Map<string, string> {
  return new Map(
    Object.entries(SCHEMAS).map(([name, schema]) => [
      `${name}.schema.json`,
      `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }), null, 2)}\n`,
    ]),
  );
}

async function main(): Promise<void> {
  await fs.mkdir(PROGRAMME_SCHEMA_DIR, { recursive: true });
  for (const [name, text] of programmeSchemaTexts()) {
    await fs.writeFile(path.join(PROGRAMME_SCHEMA_DIR, name), text);
    console.log(`wrote ${path.relative(process.cwd(), path.join(PROGRAMME_SCHEMA_DIR, name))}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) await main();
