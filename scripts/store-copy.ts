// `npm run store:copy [-- --check | --replace]`: copies the embedded store (DATA_DIR, default
// data/) into PostgreSQL (DATABASE_URL), every domain with its ids and times, and prints what
// it copied per domain, read back from the database. Refuses a database that already holds
// store data unless --replace; --check reads both and writes nothing. Stop the servers first
// (docs/SCALING.md, "Moving an embedded store to PostgreSQL").
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../server/config.ts';
import { StorageFileError } from '../server/storage/lowdb/durableFile.ts';
import { type StoreCopyReport, StoreCopyError, copyStore, describeCounts, redactUrl } from '../server/storage/storeCopy.ts';

const USAGE = 'usage: DATABASE_URL=postgres://user@host:5432/expo [DATA_DIR=data] npm run store:copy [-- --check | --replace]';

export function formatReport(report: StoreCopyReport): string[] {
  const lines: string[] = [];
  const width = Math.max(...report.domains.map((d) => d.domain.length));
  if (report.copied) {
    lines.push(`copied${report.targetHadData ? ' (replacing what the database held)' : ''}, read back from the database:`);
    for (const d of report.domains) lines.push(`  ${d.domain.padEnd(width)}  ${describeCounts(d.target)}`);
  } else {
    lines.push('check only, nothing written. The embedded store holds:');
    for (const d of report.domains) lines.push(`  ${d.domain.padEnd(width)}  ${describeCounts(d.source)}`);
    lines.push(
      report.targetHadData
        ? 'The database already holds store data (a copy needs --replace):'
        : 'The database holds no store data: a copy would go ahead. It holds:',
    );
    for (const d of report.domains) lines.push(`  ${d.domain.padEnd(width)}  ${describeCounts(d.target)}`);
  }
  return lines;
}

export async function main(argv: string[], env: NodeJS.ProcessEnv, out: (line: string) => void): Promise<number> {
  let values: { check?: boolean; replace?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { check: { type: 'boolean' }, replace: { type: 'boolean' }, help: { type: 'boolean' } } }));
  } catch (e) {
    out(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  if (values.check && values.replace) {
    out(`--check and --replace do not go together\n${USAGE}`);
    return 2;
  }
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    out(`DATABASE_URL is not set: say which PostgreSQL database to copy into\n${USAGE}`);
    return 2;
  }
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(ROOT, 'data'));
  out(`copying ${dataDir} into ${redactUrl(databaseUrl)}${values.check ? ' (check only)' : ''}`);
  try {
    const report = await copyStore({ dataDir, databaseUrl, replace: values.replace === true, check: values.check === true, log: out });
    for (const line of formatReport(report)) out(line);
    return 0;
  } catch (e) {
    if (e instanceof StoreCopyError || e instanceof StorageFileError) {
      out(`store:copy: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  process.exitCode = await main(process.argv.slice(2), process.env, (l) => console.log(l));
}
