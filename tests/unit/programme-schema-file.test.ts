// The JSON Schemas editors use for programme files must match the zod schemas the server
// uses: run `npm run programme:schema` after changing shared/programme/schema.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROGRAMME_SCHEMA_DIR, programmeSchemaTexts } from '../../scripts/programme-schema.ts';

describe('programme/schema/*.schema.json', () => {
  it('are up to date (run `npm run programme:schema`)', () => {
    for (const [name, text] of programmeSchemaTexts()) {
      const file = path.join(PROGRAMME_SCHEMA_DIR, name);
      const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      expect(committed === text, `programme/schema/${name} is stale: run \`npm run programme:schema\``).toBe(true);
    }
  });

  it('describe events for editors, with defaults optional', () => {
    const events = JSON.parse(programmeSchemaTexts().get('events.schema.json')!) as {
      properties: { events: { items: { properties: Record<string, { description?: string }>; required: string[] } } };
    };
    const item = events.properties.events.items;
    expect(item.properties.duration?.description).toMatch(/60/);
    expect(item.required).toEqual(expect.arrayContaining(['id', 'title', 'start', 'duration', 'cluster', 'stage']));
    expect(item.required).not.toContain('tags');
  });
});
