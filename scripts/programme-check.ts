// `npm run programme:check [dir]`: validates the programme folder exactly as the server does
// on start and prints every problem, one `file:line:col path: sentence` line each, so
// organisers can fix the programme before publishing it. Exit code 1 when anything blocks;
// warnings (a person in two events at once) are printed but pass.
import path from 'node:path';
import { ROOT } from '../server/config.ts';
import { readProgrammeSources } from '../server/programme/readProgramme.ts';
import { formatProblem } from '../shared/level/validate.ts';
import { isBlocking, validateProgramme } from '../shared/programme/validate.ts';

const dir = path.resolve(process.argv[2] ?? path.join(ROOT, 'programme'));
const shown = (p: string) => {
  const rel = path.relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel || '.';
};

async function main(): Promise<number> {
  let read: Awaited<ReturnType<typeof readProgrammeSources>>;
  try {
    read = await readProgrammeSources(dir, shown(dir));
  } catch (err) {
    console.error(`programme:check: cannot read ${shown(dir)}: ${(err as Error).message}`);
    return 1;
  }
  const result = validateProgramme(read.sources, { displayDir: shown(dir), readProblems: read.problems });
  for (const p of result.problems) console.log(formatProblem(p));
  const blocking = result.problems.filter(isBlocking);
  const p = result.programme;
  if (p) {
    const warnings = result.problems.length;
    console.log(
      `${p.events.length} events, ${p.clusters.length} clusters, ${p.speakers.length} speakers: OK` +
        (warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''),
    );
    return 0;
  }
  const files = new Set(blocking.map((x) => x.file)).size;
  console.log(`${blocking.length} problem${blocking.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}: the server would refuse this programme`);
  return 1;
}

process.exitCode = await main();
