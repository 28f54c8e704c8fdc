// `npm run programme:import <schedule.json> [--into programme/]`: reads a schedule-JSON
// export (pretalx, frab, C3VOC) and writes it as the programme in the folder: programme.json,
// clusters.json, speakers.json and events/<acronym>.json (other event files there are
// removed: the import is the whole programme). All or nothing: on any problem it prints them
// as `file:line:col path: sentence` and writes nothing.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../server/config.ts';
import { sourceOf } from '../server/programme/readProgramme.ts';
import { formatProblem } from '../shared/level/validate.ts';
import { EVENTS_DIR, isEventFile } from '../shared/programme/files.ts';
import { importSchedule } from '../shared/programme/scheduleImport.ts';
import { formatProgrammeJson } from './programme-format.ts';

/** Writes each file through a temp file and a rename, so the server's watcher never reads half a file. */
export async function writeProgrammeFiles(dir: string, files: readonly { path: string; data: unknown }[]): Promise<void> {
  await fs.mkdir(path.join(dir, EVENTS_DIR), { recursive: true });
  const keep = new Set(files.map((f) => f.path));
  const staged: [string, string][] = [];
  for (const f of files) {
    const target = path.join(dir, f.path);
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.import-tmp`);
    await fs.writeFile(tmp, formatProgrammeJson(f.data));
    staged.push([tmp, target]);
  }
  for (const [tmp, target] of staged) await fs.rename(tmp, target);
  for (const name of await fs.readdir(path.join(dir, EVENTS_DIR))) {
    if (isEventFile(name) && !keep.has(`${EVENTS_DIR}/${name}`)) await fs.rm(path.join(dir, EVENTS_DIR, name));
  }
}

export async function runImport(file: string, into: string, log: (line: string) => void): Promise<number> {
  const shown = path.relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    log(`${shown}: cannot be read: ${(err as Error).message}`);
    return 1;
  }
  const source = sourceOf(shown, 'events', text);
  if (!('kind' in source)) {
    log(formatProblem(source));
    log('nothing imported');
    return 1;
  }
  const result = importSchedule({ file: shown, data: source.data, text });
  for (const p of result.problems) log(formatProblem(p));
  if (!result.programme) {
    log(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}: nothing imported`);
    return 1;
  }
  await writeProgrammeFiles(into, result.files);
  const c = result.counts;
  log(`imported ${c.events} events in ${c.rooms} rooms over ${c.days} days, ${c.persons} speakers into ${path.relative(process.cwd(), into) || into}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { into: { type: 'string' } } });
  if (positionals.length !== 1) {
    console.error('usage: npm run programme:import <schedule.json> [-- --into programme/]');
    process.exitCode = 2;
  } else {
    process.exitCode = await runImport(path.resolve(positionals[0]!), path.resolve(values.into ?? path.join(ROOT, 'programme')), (l) => console.log(l));
  }
}
