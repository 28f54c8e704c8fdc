// A small RFC 4180 CSV reader for organisers' spreadsheets: quoted fields with commas, quotes
// ("") and line breaks inside, CRLF or LF line ends, a UTF-8 byte-order mark (Excel's
// "CSV UTF-8"), and `;` as the separator (Excel in Russian locales) when asked.
// Every record keeps the line it starts on, so problems can be reported as "line 14: ...".

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

export interface CsvOptions {
  /** Field separator, one character; default ",". */
  delimiter?: string;
}

/**
 * Splits CSV text into records. Blank lines are skipped; a final line break is optional.
 * Throws CsvError on a quote that is not closed or stray text after a closing quote.
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvRecord[] {
  const sep = options.delimiter ?? ',';
  if (sep.length !== 1 || sep === '"' || sep === '\n' || sep === '\r') throw new Error(`bad CSV delimiter ${JSON.stringify(sep)}`);
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  /** The current field was quoted (so `""` is an empty field, not nothing). */
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === '' && !quoted;
    endField();
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < src.length) {
    const c = src[i]!;
    if (c === '"' && field === '' && !quoted) {
      const startLine = line;
      i++;
      for (;;) {
        if (i >= src.length) throw new CsvError(startLine, 'a quoted field is not closed (a " is missing)');
        const q = src[i]!;
        if (q === '"') {
          if (src[i + 1] !== '"') break;
          field += '"';
          i += 2;
          continue;
        }
        if (q === '\n' || (q === '\r' && src[i + 1] !== '\n')) line++;
        field += q;
        i++;
      }
      i++;
      quoted = true;
      const next = src[i];
      if (next !== undefined && next !== sep && next !== '\n' && next !== '\r') {
        throw new CsvError(line, 'unexpected text after a closing quote: write a quote inside a quoted field as ""');
      }
    } else if (c === sep) {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else if (c === '"') {
      throw new CsvError(line, 'a quote inside an unquoted field: quote the whole field and write the quote as ""');
    } else {
      field += c;
      i++;
    }
  }
  endRecord();
  return records;
}

/** Guesses the separator from the header line: ";" when it has semicolons and no commas. */
export function sniffDelimiter(text: string): ',' | ';' {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = src.search(/\r|\n/);
  const header = end < 0 ? src : src.slice(0, end);
  return !header.includes(',') && header.includes(';') ? ';' : ',';
}

export interface CsvRow {
  line: number;
  /** Values by column name (header names trimmed); missing trailing cells are "". */
  values: Record<string, string>;
}

/**
 * Records with a header line turned into objects; rows whose cells are all empty are skipped.
 * The separator is sniffed from the header unless given. Throws CsvError when the header has an
 * empty or repeated name, or a row has more cells than the header.
 */
export function parseCsvTable(text: string, options: CsvOptions = {}): { columns: string[]; rows: CsvRow[] } {
  const [head, ...body] = parseCsv(text, { delimiter: options.delimiter ?? sniffDelimiter(text) });
  if (!head) return { columns: [], rows: [] };
  const columns = head.fields.map((f) => f.trim());
  columns.forEach((name, k) => {
    if (name === '') throw new CsvError(head.line, `column ${k + 1} has no name in the header`);
    if (columns.indexOf(name) !== k) throw new CsvError(head.line, `column "${name}" appears twice in the header`);
  });
  // Spreadsheets often end with rows of empty cells (",,,,"); they are not exhibitors.
  const filled = body.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const rows = filled.map((r) => {
    if (r.fields.length > columns.length) {
      throw new CsvError(r.line, `${r.fields.length} cells but the header names ${columns.length} columns`);
    }
    const values: Record<string, string> = {};
    columns.forEach((name, k) => (values[name] = r.fields[k] ?? ''));
    return { line: r.line, values };
  });
  return { columns, rows };
}
