// The CSV reader behind the exhibitors' import: RFC 4180 quoting, line ends, BOM, Excel's
// semicolons, and line numbers that stay right when quoted cells span lines.
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, parseCsvTable, sniffDelimiter } from '../../shared/csv.ts';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv', () => {
  it('splits plain fields and records', () => {
    expect(fields('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(fields('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields, including quoted ones', () => {
    expect(fields('a,,c,\n"",x,"",')).toEqual([
      ['a', '', 'c', ''],
      ['', 'x', '', ''],
    ]);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    expect(fields('"Школа ""Ромашка"", Москва","one\ntwo",3')).toEqual([['Школа "Ромашка", Москва', 'one\ntwo', '3']]);
  });

  it('accepts CRLF, LF and CR line ends and a byte-order mark', () => {
    expect(fields('\uFEFFid,name\r\n1,"a\r\nb"\r\n2,c\r3,d')).toEqual([
      ['id', 'name'],
      ['1', 'a\r\nb'],
      ['2', 'c'],
      ['3', 'd'],
    ]);
  });

  it('skips blank lines and numbers records by the line they start on', () => {
    const records = parseCsv('h1,h2\n\n"multi\nline",x\r\n\r\nlast,y\n');
    expect(records.map((r) => r.line)).toEqual([1, 3, 6]);
  });

  it('reads semicolon-separated files when asked', () => {
    expect(parseCsv('a;"b;c"\n1;2', { delimiter: ';' }).map((r) => r.fields)).toEqual([
      ['a', 'b;c'],
      ['1', '2'],
    ]);
    expect(sniffDelimiter('\uFEFFid;name;email\n1,2;3')).toBe(';');
    expect(sniffDelimiter('id,name\n')).toBe(',');
  });

  it('names broken quoting with its line', () => {
    expect(() => parseCsv('a,b\n"open,x\ny,z')).toThrow(new CsvError(2, 'a quoted field is not closed (a " is missing)'));
    expect(() => parseCsv('a,b\nx"y,z')).toThrow('line 2: a quote inside an unquoted field');
    expect(() => parseCsv('a\n"x"y')).toThrow('line 2: unexpected text after a closing quote');
  });
});

describe('parseCsvTable', () => {
  it('maps rows by header name, filling missing trailing cells and skipping empty rows', () => {
    const table = parseCsvTable('id, name ,city\n1,Alpha\n,,\n2,Beta,Kazan\n');
    expect(table.columns).toEqual(['id', 'name', 'city']);
    expect(table.rows).toEqual([
      { line: 2, values: { id: '1', name: 'Alpha', city: '' } },
      { line: 4, values: { id: '2', name: 'Beta', city: 'Kazan' } },
    ]);
  });

  it('sniffs semicolons from the header', () => {
    expect(parseCsvTable('id;name\n1;"A; B"').rows[0]!.values).toEqual({ id: '1', name: 'A; B' });
  });

  it('refuses a bad header and rows with too many cells', () => {
    expect(() => parseCsvTable('id,,name\n')).toThrow('line 1: column 2 has no name in the header');
    expect(() => parseCsvTable('id,id\n')).toThrow('line 1: column "id" appears twice in the header');
    expect(() => parseCsvTable('id,name\n1,a,extra\n')).toThrow('line 2: 3 cells but the header names 2 columns');
  });

  it('is empty for an empty file', () => {
    expect(parseCsvTable('')).toEqual({ columns: [], rows: [] });
  });
});
