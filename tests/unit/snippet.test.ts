// The layout overlay copies a stand as one line of JSON: it must read exactly like the line
// in the floor file, so an organiser can search for it or paste it back.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLevelFile } from '../../shared/level/files.ts';
import { Level, type Stand } from '../../shared/level/schema.ts';
import { jsonLine, standSnippet } from '../../shared/level/snippet.ts';
import { ROOT } from '../../server/config.ts';

describe('standSnippet', () => {
  it('writes a stand as the floor files do', () => {
    const s: Stand = { id: 'sc-a01', exhibitor: 'teplyj-dom', x: 10, y: 8.5, w: 6, h: 3, entrance: 'south', size: 'M' };
    expect(standSnippet(s)).toBe(
      '{ "id": "sc-a01", "exhibitor": "teplyj-dom", "x": 10, "y": 8.5, "w": 6, "h": 3, "entrance": "south", "size": "M" }',
    );
  });

  it('keeps the files’ field order whatever order the object has', () => {
    const s = { size: 'S', entrance: 'north', h: 3, w: 3, y: 0, x: 0, exhibitor: 'e', id: 'a' } as Stand;
    expect(standSnippet(s)).toBe('{ "id": "a", "exhibitor": "e", "x": 0, "y": 0, "w": 3, "h": 3, "entrance": "north", "size": "S" }');
  });

  it('reproduces every stand line of the sample floors', () => {
    const dir = path.join(ROOT, 'levels');
    for (const name of fs.readdirSync(dir).filter(isLevelFile)) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const lines = new Set(text.split('\n').map((l) => l.trim().replace(/,$/, '')));
      const level = Level.parse(JSON.parse(text));
      for (const s of level.stands) expect(lines.has(standSnippet(s)), `${name}: ${s.id}`).toBe(true);
    }
  });
});

describe('jsonLine', () => {
  it('writes nested objects and arrays on one line and escapes strings', () => {
    expect(jsonLine({ points: [[1, 2], [3.5, 4]], name: { ru: 'Аллея "А"' }, skip: undefined })).toBe(
      '{ "points": [[1, 2], [3.5, 4]], "name": { "ru": "Аллея \\"А\\"" } }',
    );
    expect(jsonLine({})).toBe('{}');
    expect(jsonLine(null)).toBe('null');
  });
});
