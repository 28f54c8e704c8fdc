// `npm run programme:export [out.json] [--from programme/] [--base-url https://...] [--hhmm]`:
// writes the programme as schedule JSON (C3VOC schema; pretalx/frab readers) to the file or
// to standard output. Refuses a programme the server would refuse.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../server/config.ts';
import { readProgrammeSources } from '../server/programme/readProgramme.ts';
import { formatProblem } from '../shared/level/validate.ts';
import { exportSchedule } from '../shared/programme/scheduleExport.ts';
import { validateProgramme } from '../shared/programme/validate.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string' }, 'base-url': { type: 'string' }, hhmm: { type: 'boolean' } },
});
const dir = path.resolve(values.from ?? path.join(ROOT, 'programme'));
const read = await readProgrammeSources(dir);
const result = validateProgramme(read.sources, { displayDir: path.basename(dir), readProblems: read.problems });
if (!result.programme) {
  for (const p of result.problems) console.error(formatProblem(p));
  console.error('programme:export: the programme has problems; nothing exported');
  process.exitCode = 1;
} else {
  const out = `${JSON.stringify(exportSchedule(result.programme, { baseUrl: values['base-url'], start: values.hhmm ? 'hh:mm' : 'date-time' }), null, 2)}\n`;
  if (positionals[0]) {
    await fs.writeFile(path.resolve(positionals[0]), out);
    console.error(`wrote ${positionals[0]}: ${result.programme.events.length} events`);
  } else process.stdout.write(out);
}
