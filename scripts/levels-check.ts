// `npm run levels:check [dir] [--exhibitors <file>]`: validates the floor files exactly as
// the server does on start and prints every problem, one line each, so organisers can fix a
// floor before publishing it. Exit code 1 when anything is wrong.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../server/config.ts';
import { readLevelSources } from '../server/levels/readLevels.ts';
import { ExhibitorList } from '../shared/exhibitor.ts';
import { type LevelProblem, formatProblem, validateLevels } from '../shared/level/validate.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { exhibitors: { type: 'string' } },
});

const levelsDir = path.resolve(positionals[0] ?? path.join(ROOT, 'levels'));
const exhibitorsFile = path.resolve(values.exhibitors ?? path.join(ROOT, 'assets', 'seed', 'exhibitors.json'));
/** A path as the organiser typed it: relative to where they stand, unless that is far away. */
const shown = (p: string) => {
  const rel = path.relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel || '.';
};

/** Exhibitor ids from the seed file; its own problems are reported like a floor's. */
async function readExhibitorIds(file: string): Promise<{ ids: Set<string> | null; problems: LevelProblem[] }> {
  const name = shown(file);
  let data: unknown;
  try {
    data = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (err) {
    return { ids: null, problems: [{ file: name, path: [], message: `cannot be read: ${(err as Error).message}` }] };
  }
  const parsed = ExhibitorList.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      file: name,
      path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
      message: issue.message,
    }));
    // Ids still help to check the floors when only some other field is wrong.
    const ids = Array.isArray(data)
      ? data.flatMap((e: unknown) => (e && typeof e === 'object' && 'id' in e && typeof e.id === 'string' ? [e.id] : []))
      : [];
    return { ids: new Set(ids), problems };
  }
  return { ids: new Set(parsed.data.map((e) => e.id)), problems: [] };
}

async function main(): Promise<number> {
  const exhibitors = await readExhibitorIds(exhibitorsFile);
  if (!exhibitors.ids) {
    // Without exhibitor ids every stand would be reported; the one real problem is enough.
    for (const p of exhibitors.problems) console.log(formatProblem(p));
    return 1;
  }
  let read: Awaited<ReturnType<typeof readLevelSources>>;
  try {
    read = await readLevelSources(levelsDir, shown(levelsDir));
  } catch (err) {
    console.error(`levels:check: cannot read ${shown(levelsDir)}: ${(err as Error).message}`);
    return 1;
  }
  if (read.sources.length + read.problems.length === 0) {
    console.error(`levels:check: no floor files (*.json) in ${shown(levelsDir)}`);
    return 1;
  }

  const result = validateLevels(read.sources, exhibitors.ids);
  const problems = [...exhibitors.problems, ...read.problems, ...result.problems];
  for (const p of problems) console.log(formatProblem(p));

  if (problems.length === 0) {
    const stands = result.levels.reduce((n, l) => n + l.stands.length, 0);
    const floors = result.levels.length;
    console.log(`${floors} floor${floors === 1 ? '' : 's'}, ${stands} stand${stands === 1 ? '' : 's'}: OK`);
    return 0;
  }
  const files = new Set(problems.map((p) => p.file)).size;
  console.log(
    `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}` +
      ` (${result.valid.size} of ${read.sources.length + read.problems.length} floor files are fine)`,
  );
  return 1;
}

process.exitCode = await main();
