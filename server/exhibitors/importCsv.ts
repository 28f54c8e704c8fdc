// Bulk import of exhibitors from an organisers' spreadsheet (CSV). All or nothing: every row
// is checked with the `Exhibitor` schema and its logo file first, every problem is reported
// by line ("line 14: email: invalid email address"), and nothing is written if any row is
// bad. Good files create or update exhibitors by id, either in the server's store (through
// the Storage interface) or in the seed file the sample exhibition starts from.
import fs from 'node:fs/promises';
import path from 'node:path';
import { CsvError, parseCsvTable } from '../../shared/csv.ts';
import { type Exhibitor, ExhibitorList, Exhibitor as ExhibitorSchema } from '../../shared/exhibitor.ts';
import { closest } from '../../shared/level/suggest.ts';
import type { Storage } from '../storage/storage.ts';

export const REQUIRED_COLUMNS = ['id', 'name', 'category', 'description', 'site', 'email', 'phone', 'logo'] as const;
export const OPTIONAL_COLUMNS = ['short', 'colour', 'city', 'address'] as const;
const ALL_COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

export interface RowProblem {
  /** 1-based line in the CSV file where the row starts. */
  line: number;
  message: string;
}

export const formatRowProblem = (p: RowProblem) => `line ${p.line}: ${p.message}`;

/**
 * Brand colours for exhibitors without one: varied hues, each with at least 4.5:1 contrast
 * against white text (WCAG AA), as stand labels are white.
 */
export const DEFAULT_COLOURS = [
  '#1f5fa8', '#2b6e3f', '#8a3b12', '#6a3d9a', '#a1234f', '#0b6e6e', '#5b5f16', '#b03a2e',
  '#3949ab', '#00695c', '#7b4f00', '#8e24aa', '#c2185b', '#2e7d32', '#455a64', '#ad1457',
] as const;

/** A stable colour for an id (FNV-1a hash into the palette): re-importing keeps it. */
export function colourFor(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return DEFAULT_COLOURS[(h >>> 0) % DEFAULT_COLOURS.length]!;
}

/** The description's first sentence, cut to the 200 characters a `short` may have. */
export function firstSentence(description: string, max = 200): string {
  const text = description.trim().replace(/\s+/g, ' ');
  const end = /[.!?…](?=\s|$)/.exec(text);
  const sentence = end ? text.slice(0, end.index + 1) : text;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/, '')}…`;
}

/** "logos/x.svg" whether the organiser wrote that, "/logos/x.svg" or "assets/logos/x.svg". */
function normaliseLogo(value: string): string {
  return value.trim().replace(/\\/g, '/').replace(/^\/+/, '').replace(/^assets\//, '');
}

/** Organiser-friendly sentences for the schema rules whose own messages are technical. */
const COLUMN_HINTS: Record<string, string> = {
  id: 'use lowercase latin letters, digits and "-", e.g. "uchi-plus"',
  logo: 'a logo is a file under assets/ such as "logos/uchi-plus.svg" (svg, png, jpg or webp)',
};

function rowExhibitor(values: Record<string, string>): Record<string, unknown> {
  const cell = (name: string) => (values[name] ?? '').trim();
  const optional = (name: string) => (cell(name) === '' ? {} : { [name]: cell(name) });
  const id = cell('id');
  const description = cell('description');
  return {
    id,
    name: cell('name'),
    category: cell('category'),
    colour: cell('colour') || colourFor(id),
    logo: normaliseLogo(cell('logo')),
    short: cell('short') || firstSentence(description),
    description,
    contacts: { ...optional('site'), ...optional('email'), ...optional('phone'), ...optional('address') },
    ...optional('city'),
  };
}

/** The column an issue is about: contacts.email is the "email" column. */
function columnOf(issuePath: readonly PropertyKey[]): string {
  const last = issuePath[issuePath.length - 1];
  return typeof last === 'string' ? last : issuePath.map(String).join('.');
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export interface CsvExhibitors {
  exhibitors: Exhibitor[];
  problems: RowProblem[];
}

/**
 * Reads and checks a whole CSV file. `logoExists` is asked about each logo path (relative to
 * assets/) that is well formed. Exhibitors are returned only when there are no problems.
 */
export function exhibitorsFromCsv(text: string, logoExists: (logo: string) => boolean): CsvExhibitors {
  const problems: RowProblem[] = [];
  const broken = text.indexOf('\uFFFD');
  if (broken >= 0) {
    const line = text.slice(0, broken).split(/\r\n|\r|\n/).length;
    return {
      exhibitors: [],
      problems: [{ line, message: 'the file is not in UTF-8: in Excel save it as "CSV UTF-8 (comma delimited)"' }],
    };
  }
  let table: ReturnType<typeof parseCsvTable>;
  try {
    table = parseCsvTable(text);
  } catch (err) {
    if (err instanceof CsvError) return { exhibitors: [], problems: [{ line: err.line, message: err.message.replace(/^line \d+: /, '') }] };
    throw err;
  }
  if (table.columns.length === 0) return { exhibitors: [], problems: [{ line: 1, message: 'the file is empty' }] };

  const missing = REQUIRED_COLUMNS.filter((c) => !table.columns.includes(c));
  if (missing.length > 0) {
    problems.push({ line: 1, message: `missing ${missing.length === 1 ? 'column' : 'columns'} ${missing.map((c) => `"${c}"`).join(', ')}` });
  }
  for (const c of table.columns) {
    if (ALL_COLUMNS.includes(c)) continue;
    const hint = closest(c.toLowerCase(), ALL_COLUMNS);
    problems.push({ line: 1, message: `unknown column "${c}"${hint ? ` (did you mean "${hint}"?)` : ''}` });
  }
  if (problems.length > 0) return { exhibitors: [], problems };

  const exhibitors: Exhibitor[] = [];
  const firstLine = new Map<string, number>();
  for (const row of table.rows) {
    const candidate = rowExhibitor(row.values);
    const parsed = ExhibitorSchema.safeParse(candidate);
    const rowProblems: string[] = [];
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const column = columnOf(issue.path);
        if (seen.has(column)) continue;
        seen.add(column);
        const empty = (row.values[column] ?? '').trim() === '' && ALL_COLUMNS.includes(column);
        rowProblems.push(`${column}: ${empty ? 'is empty' : (COLUMN_HINTS[column] ?? lowerFirst(issue.message))}`);
      }
    }
    const logo = candidate.logo as string;
    if (ExhibitorSchema.shape.logo.safeParse(logo).success) {
      if (logo.split('/').includes('..')) rowProblems.push(`logo: "${logo}" must be a file inside assets/`);
      else if (!logoExists(logo)) rowProblems.push(`logo: "${logo}" does not exist under assets/`);
    }
    const id = candidate.id as string;
    const first = firstLine.get(id);
    if (id !== '' && first !== undefined) rowProblems.push(`id: "${id}" is already used on line ${first}`);
    else if (id !== '') firstLine.set(id, row.line);

    for (const message of rowProblems) problems.push({ line: row.line, message });
    if (parsed.success && rowProblems.length === 0) exhibitors.push(parsed.data);
  }
  if (table.rows.length === 0) problems.push({ line: 2, message: 'no exhibitors below the header' });
  return problems.length > 0 ? { exhibitors: [], problems } : { exhibitors, problems };
}

export interface ImportSummary {
  created: string[];
  updated: string[];
  unchanged: string[];
}

/** Key-order-independent equality of two JSON values. */
function sameJson(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, w]) => [k, canon(w)]))
        : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

function summarise(existing: ReadonlyMap<string, Exhibitor>, incoming: readonly Exhibitor[]): ImportSummary {
  const summary: ImportSummary = { created: [], updated: [], unchanged: [] };
  for (const e of incoming) {
    const old = existing.get(e.id);
    if (!old) summary.created.push(e.id);
    else if (sameJson(old, e)) summary.unchanged.push(e.id);
    else summary.updated.push(e.id);
  }
  return summary;
}

export type ImportTarget = { kind: 'storage'; storage: Storage } | { kind: 'seed'; file: string };

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: RowProblem[] };

/**
 * The CSV has no English columns: an updated exhibitor keeps the English its cabinet wrote
 * (shared/exhibitor.ts `en`) instead of losing it to a re-import of the Russian catalogue.
 */
function keepEnglish(existing: ReadonlyMap<string, Exhibitor>, incoming: readonly Exhibitor[]): Exhibitor[] {
  return incoming.map((e) => {
    const en = existing.get(e.id)?.en;
    return en && !e.en ? { ...e, en } : e;
  });
}

/** Writes exhibitors into the store or the seed file; the caller has checked them. */
async function write(target: ImportTarget, rows: Exhibitor[]): Promise<ImportSummary> {
  switch (target.kind) {
    case 'storage': {
      const existing = new Map((await target.storage.listExhibitors()).map((e) => [e.id, e]));
      const exhibitors = keepEnglish(existing, rows);
      const summary = summarise(existing, exhibitors);
      await target.storage.upsertExhibitors(exhibitors);
      return summary;
    }
    case 'seed': {
      const list = ExhibitorList.parse(JSON.parse(await fs.readFile(target.file, 'utf8')));
      const existing = new Map(list.map((e) => [e.id, e]));
      const exhibitors = keepEnglish(existing, rows);
      const summary = summarise(existing, exhibitors);
      const index = new Map(list.map((e, i) => [e.id, i]));
      for (const e of exhibitors) {
        const i = index.get(e.id);
        if (i === undefined) list.push(e);
        else list[i] = e;
      }
      // Temp file + rename: a crash leaves the old seed or the new one, never half of one.
      const tmp = path.join(path.dirname(target.file), `.${path.basename(target.file)}.${process.pid}.tmp`);
      await fs.writeFile(tmp, `${JSON.stringify(list, null, 2)}\n`);
      await fs.rename(tmp, target.file);
      return summary;
    }
  }
}

/** Checks the CSV, then (only if every row is good) creates or updates its exhibitors. */
export async function importExhibitorsCsv(text: string, options: { assetsDir: string; target: ImportTarget }): Promise<ImportResult> {
  const assets = path.resolve(options.assetsDir);
  const present = new Set<string>();
  for (const logo of new Set(exhibitorsLogos(text))) {
    const file = path.join(assets, logo);
    if (path.relative(assets, file).startsWith('..')) continue;
    if (await fs.stat(file).then((s) => s.isFile(), () => false)) present.add(logo);
  }
  const { exhibitors, problems } = exhibitorsFromCsv(text, (logo) => present.has(logo));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, summary: await write(options.target, exhibitors) };
}

/** Well-formed logo paths in a CSV, to look up on disk before the synchronous check. */
function exhibitorsLogos(text: string): string[] {
  try {
    return parseCsvTable(text)
      .rows.map((r) => normaliseLogo(r.values.logo ?? ''))
      .filter((logo) => ExhibitorSchema.shape.logo.safeParse(logo).success);
  } catch {
    return [];
  }
}
