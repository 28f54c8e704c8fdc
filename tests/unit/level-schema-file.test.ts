// The JSON Schema editors use for levels/*.json must match the zod schema the server uses:
// run `npm run levels:schema` after changing shared/level/schema.ts.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEVEL_SCHEMA_FILE, levelSchemaText } from '../../scripts/levels-schema.ts';
import { LEVEL_VERSION } from '../../shared/level/schema.ts';

describe('levels/level.schema.json', () => {
  it('is up to date (run `npm run levels:schema`)', () => {
    const committed = fs.existsSync(LEVEL_SCHEMA_FILE) ? fs.readFileSync(LEVEL_SCHEMA_FILE, 'utf8') : '';
    expect(committed === levelSchemaText(), 'levels/level.schema.json is stale: run `npm run levels:schema`').toBe(true);
  });

  it('describes the current version, with descriptions for editors', () => {
    const schema = JSON.parse(levelSchemaText()) as {
      properties: Record<string, { const?: unknown; description?: string; items?: { properties: Record<string, { description?: string }> } }>;
      required: string[];
    };
    expect(schema.properties.version?.const).toBe(LEVEL_VERSION);
    expect(schema.properties.stands?.items?.properties.entrance?.description).toMatch(/alley/);
    // Defaults are optional in files.
    expect(schema.required).not.toContain('portals');
  });
});
