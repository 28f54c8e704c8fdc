// Reads every floor file of a folder as raw JSON, reporting unreadable files as problems.
// Keeps each file's text so the validator can give every problem a line and column, and
// names the line and column of a JSON syntax error.
import fs from 'node:fs/promises';
import path from 'node:path';
import { isLevelFile } from '../../shared/level/files.ts';
import { jsonSyntaxError, parseJsonText } from '../../shared/level/jsonLocate.ts';
import type { LevelProblem, LevelSource } from '../../shared/level/validate.ts';

export async function readLevelSources(
  dir: string,
  displayDir = path.basename(dir),
): Promise<{ sources: LevelSource[]; problems: LevelProblem[] }> {
  const names = (await fs.readdir(dir)).filter(isLevelFile).sort();
  const sources: LevelSource[] = [];
  const problems: LevelProblem[] = [];
  for (const name of names) {
    const file = `${displayDir}/${name}`;
    let text: string;
    try {
      text = await fs.readFile(path.join(dir, name), 'utf8');
    } catch (err) {
      problems.push({ file, path: [], message: `cannot be read: ${(err as Error).message}` });
      continue;
    }
    try {
      sources.push({ file, data: parseJsonText(text), text });
    } catch (err) {
      const located = jsonSyntaxError(text);
      problems.push(
        located
          ? { file, path: [], message: `is not valid JSON: ${located.message}`, line: located.position.line, column: located.position.column }
          : { file, path: [], message: `is not valid JSON: ${(err as Error).message}` },
      );
    }
  }
  return { sources, problems };
}
