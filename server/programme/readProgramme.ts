// Reads the programme folder (programme.json, clusters.json, speakers.json, events/*.json)
// as raw JSON with each file's text, so problems carry a line and column; unreadable files
// and JSON syntax errors become problems with their position.
import fs from 'node:fs/promises';
import path from 'node:path';
import { jsonSyntaxError, parseJsonText } from '../../shared/level/jsonLocate.ts';
import { CLUSTERS_FILE, EVENTS_DIR, PROGRAMME_FILE, SPEAKERS_FILE, isEventFile } from '../../shared/programme/files.ts';
import type { ProgrammeProblem, ProgrammeSource, SourceKind } from '../../shared/programme/validate.ts';

export interface ReadProgramme {
  sources: ProgrammeSource[];
  problems: ProgrammeProblem[];
}

/** Parses one file's text into a source, or a located syntax problem. */
export function sourceOf(file: string, kind: SourceKind, text: string): ProgrammeSource | ProgrammeProblem {
  try {
    return { file, kind, data: parseJsonText(text), text };
  } catch (err) {
    const located = jsonSyntaxError(text);
    return located
      ? { file, path: [], message: `is not valid JSON: ${located.message}`, line: located.position.line, column: located.position.column }
      : { file, path: [], message: `is not valid JSON: ${(err as Error).message}` };
  }
}

export async function readProgrammeSources(dir: string, displayDir = path.basename(dir)): Promise<ReadProgramme> {
  const sources: ProgrammeSource[] = [];
  const problems: ProgrammeProblem[] = [];
  const read = async (rel: string, kind: SourceKind) => {
    const file = `${displayDir}/${rel}`;
    let text: string;
    try {
      text = await fs.readFile(path.join(dir, rel), 'utf8');
    } catch (err) {
      // A missing top-level file is reported once by the validator ("is missing").
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      problems.push({ file, path: [], message: `cannot be read: ${(err as Error).message}` });
      return;
    }
    const s = sourceOf(file, kind, text);
    if ('kind' in s) sources.push(s);
    else problems.push(s);
  };
  await read(PROGRAMME_FILE, 'meta');
  await read(CLUSTERS_FILE, 'clusters');
  await read(SPEAKERS_FILE, 'speakers');
  let names: string[] = [];
  try {
    names = (await fs.readdir(path.join(dir, EVENTS_DIR))).filter(isEventFile).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  for (const name of names) await read(`${EVENTS_DIR}/${name}`, 'events');
  return { sources, problems };
}
