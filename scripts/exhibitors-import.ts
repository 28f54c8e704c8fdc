// `npm run exhibitors:import -- <file.csv> [--data <db dir>] [--seed]`: creates or updates
// exhibitors from an organisers' spreadsheet. Checks every row first and imports nothing if
// any row is wrong, printing "line 14: email: invalid email address" for each problem.
// By default writes into the server's store (data/db.json); with --seed into
// assets/seed/exhibitors.json, the content the sample exhibition starts from.
// Columns: id,name,category,description,site,email,phone,logo (+ optional short,colour,city,address).
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnv } from '../server/config.ts';
import { type ImportTarget, formatRowProblem, importExhibitorsCsv } from '../server/exhibitors/importCsv.ts';
import { openLowdbStorage } from '../server/storage/lowdbStorage.ts';
import { seedStorage } from '../server/storage/seed.ts';

const USAGE = 'usage: npm run exhibitors:import -- <file.csv> [--data <db dir>] [--seed]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { data: { type: 'string' }, seed: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  const csvFile = positionals[0];
  if (values.help || !csvFile || positionals.length > 1 || (values.seed && values.data)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const config = configFromEnv();
  let text: string;
  try {
    text = await fs.readFile(csvFile, 'utf8');
  } catch (err) {
    console.error(`exhibitors:import: cannot read ${csvFile}: ${(err as Error).message}`);
    return 1;
  }

  const storage = values.seed ? null : await openLowdbStorage(path.resolve(values.data ?? config.dataDir));
  // A fresh data folder starts from the seed, as the server would on its first start.
  if (storage) await seedStorage(storage, { exhibitors: config.seedFile });
  try {
    const target: ImportTarget = storage ? { kind: 'storage', storage } : { kind: 'seed', file: config.seedFile };
    const result = await importExhibitorsCsv(text, { assetsDir: config.assetsDir, target });
    if (!result.ok) {
      for (const p of result.problems) console.log(formatRowProblem(p));
      const n = result.problems.length;
      console.log(`${n} problem${n === 1 ? '' : 's'}: nothing was imported`);
      return 1;
    }
    const { created, updated, unchanged } = result.summary;
    const where = storage ? path.relative(process.cwd(), path.join(values.data ?? config.dataDir, 'db.json')) : path.relative(process.cwd(), config.seedFile);
    console.log(`${where}: ${created.length} created, ${updated.length} updated, ${unchanged.length} unchanged`);
    return 0;
  } finally {
    await storage?.close();
  }
}

process.exitCode = await main();
