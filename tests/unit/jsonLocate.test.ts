// The JSON scanner behind "file:line:column": positions of values by path, and the position
// and sentence of a syntax error, including in a floor folder read from disk.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexJson, jsonSyntaxError, parseJsonText } from '../../shared/level/jsonLocate.ts';
import { formatProblem } from '../../shared/level/validate.ts';
import { readLevelSources } from '../../server/levels/readLevels.ts';

const pos = (text: string, p: (string | number)[]) => {
  const { line, column } = indexJson(text).locate(p);
  return `${line}:${column}`;
};

describe('indexJson', () => {
  const text = ['{', '  "a": [1, {"b": "x\\"y"}],', '  "c\\u0041": { "d": null },', '  "e": -1.5e3', '}'].join('\n');

  it('finds values by path', () => {
    expect(pos(text, [])).toBe('1:1');
    expect(pos(text, ['a'])).toBe('2:8');
    expect(pos(text, ['a', 0])).toBe('2:9');
    expect(pos(text, ['a', 1, 'b'])).toBe('2:18');
    expect(pos(text, ['cA', 'd'])).toBe('3:21');
    expect(pos(text, ['e'])).toBe('4:8');
  });

  it('falls back to the deepest value that exists', () => {
    expect(pos(text, ['a', 1, 'missing'])).toBe('2:12');
    expect(pos(text, ['a', 7])).toBe('2:8');
  });

  it('counts CRLF and CR line ends and ignores a byte-order mark', () => {
    expect(pos('\uFEFF{"a":\r\n 1,\r"b": 2}', ['b'])).toBe('3:6');
    expect(pos('\uFEFF{"a": 1}', ['a'])).toBe('1:7');
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ a: 1 });
  });
});

describe('jsonSyntaxError', () => {
  const at = (text: string) => {
    const e = jsonSyntaxError(text);
    return e && `${e.position.line}:${e.position.column} ${e.message}`;
  };

  it('is null for valid JSON', () => {
    expect(at('{"a": [1, 2, {"b": true}]}')).toBeNull();
  });

  it('names the usual mistakes where they are', () => {
    expect(at('{\n  "a": 1,\n  "b": 2,\n}')).toBe('3:9 a trailing comma before "}" is not allowed in JSON');
    expect(at('[1, 2,]')).toBe('1:6 a trailing comma before "]" is not allowed in JSON');
    expect(at('{\n  "a": 1\n  "b": 2\n}')).toBe('3:3 expected "," or "}" after the value of "a", found "\\""');
    expect(at("{ 'a': 1 }")).toBe('1:3 names use double quotes (") in JSON');
    expect(at('{ "a": 1 // note\n}')).toBe('1:10 comments are not allowed in JSON');
    expect(at('{ "a": "open }')).toBe('1:8 a text in quotes is not closed');
    expect(at('{ "version": 1, ')).toBe('1:17 expected a name in double quotes, found the end of the file');
    expect(at('')).toBe('1:1 the file is empty');
    expect(at('{"a": 01}')).toBe('1:8 expected "," or "}" after the value of "a", found "1"');
  });
});

describe('readLevelSources', () => {
  it('keeps the text of good files and locates syntax errors in bad ones', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vx-levels-'));
    try {
      await fs.writeFile(path.join(dir, 'good.json'), '\uFEFF{ "id": "good" }');
      await fs.writeFile(path.join(dir, 'bad.json'), '{\n  "id": "bad",\n  "order": 1,\n}\n');
      const read = await readLevelSources(dir, 'levels');
      expect(read.sources.map((s) => [s.file, s.data, typeof s.text])).toEqual([['levels/good.json', { id: 'good' }, 'string']]);
      expect(read.problems.map(formatProblem)).toEqual([
        'levels/bad.json:3:13 (root): is not valid JSON: a trailing comma before "}" is not allowed in JSON',
      ]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
