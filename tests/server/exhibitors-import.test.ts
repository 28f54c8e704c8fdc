// Bulk import of exhibitors from CSV into a real lowdb store in a temp folder: a good file
// creates and updates, a bad file is refused line by line and changes nothing.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_COLOURS,
  colourFor,
  exhibitorsFromCsv,
  firstSentence,
  formatRowProblem,
  importExhibitorsCsv,
} from '../../server/exhibitors/importCsv.ts';
import { openLowdbStorage } from '../../server/storage/lowdbStorage.ts';
import { seedStorage } from '../../server/storage/seed.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { ExhibitorList } from '../../shared/exhibitor.ts';
import { FIXTURE_EXHIBITORS } from '../fixtures/fixtures.ts';

const HEADER = 'id,name,category,description,site,email,phone,logo,city';

const GOOD = [
  HEADER,
  'new-school,"Школа ""Новая"", Казань",school,"Лицей с углублённым изучением математики. Открыт в 2020 году.",https://new.example.ru,info@new.example.ru,+7 843 000-00-00,logos/new-school.svg,Казань',
  'gamma-lab,Gamma Lab (renamed),edtech,"An EdTech lab,',
  'now on two lines.",,,,/logos/gamma-lab.svg,',
].join('\r\n');

const BAD = [
  HEADER,
  'ok-one,Fine,school,Fine.,,,,logos/new-school.svg,',
  'bad-mail,Bad mail,school,Text.,,not-an-email,,logos/new-school.svg,',
  'Bad Id,Bad id,nowhere,Text.,,,,logos/missing.svg,',
  'ok-one,Again,school,Text.,,,,logos/new-school.svg,',
].join('\n');

let dir: string;
let assetsDir: string;
let storage: Storage;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vx-import-'));
  assetsDir = path.join(dir, 'assets');
  await fs.mkdir(path.join(assetsDir, 'logos'), { recursive: true });
  for (const name of ['new-school.svg', 'gamma-lab.svg']) await fs.writeFile(path.join(assetsDir, 'logos', name), '<svg/>');
  storage = await openLowdbStorage(path.join(dir, 'data'));
  await seedStorage(storage, { exhibitors: FIXTURE_EXHIBITORS });
});

afterEach(async () => {
  await storage.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('importExhibitorsCsv into the store', () => {
  it('creates and updates exhibitors from a good file', async () => {
    const before = await storage.listExhibitors();
    const result = await importExhibitorsCsv(GOOD, { assetsDir, target: { kind: 'storage', storage } });
    expect(result).toEqual({ ok: true, summary: { created: ['new-school'], updated: ['gamma-lab'], unchanged: [] } });

    const created = await storage.getExhibitor('new-school');
    expect(created).toEqual({
      id: 'new-school',
      name: 'Школа "Новая", Казань',
      category: 'school',
      colour: colourFor('new-school'),
      logo: 'logos/new-school.svg',
      short: 'Лицей с углублённым изучением математики.',
      description: 'Лицей с углублённым изучением математики. Открыт в 2020 году.',
      contacts: { site: 'https://new.example.ru', email: 'info@new.example.ru', phone: '+7 843 000-00-00' },
      city: 'Казань',
    });
    const gamma = await storage.getExhibitor('gamma-lab');
    expect(gamma?.name).toBe('Gamma Lab (renamed)');
    expect(gamma?.description).toBe('An EdTech lab,\r\nnow on two lines.');
    expect(gamma?.logo).toBe('logos/gamma-lab.svg');
    expect(gamma?.contacts).toEqual({});
    expect((await storage.listExhibitors()).length).toBe(before.length + 1);

    const again = await importExhibitorsCsv(GOOD, { assetsDir, target: { kind: 'storage', storage } });
    expect(again).toEqual({ ok: true, summary: { created: [], updated: [], unchanged: ['new-school', 'gamma-lab'] } });
  });

  it('keeps the English a cabinet wrote when the CSV (Russian only) updates the exhibitor', async () => {
    const gamma = (await storage.getExhibitor('gamma-lab'))!;
    await storage.upsertExhibitors([{ ...gamma, en: { short: 'A lab in English' } }]);
    const result = await importExhibitorsCsv(GOOD, { assetsDir, target: { kind: 'storage', storage } });
    expect(result.ok).toBe(true);
    const after = await storage.getExhibitor('gamma-lab');
    expect(after?.name).toBe('Gamma Lab (renamed)');
    expect(after?.en).toEqual({ short: 'A lab in English' });
    expect((await storage.getExhibitor('new-school'))?.en).toBeUndefined();
  });

  it('refuses a bad file line by line and changes nothing', async () => {
    const db = path.join(dir, 'data', 'db.json');
    const before = await fs.readFile(db, 'utf8');
    const result = await importExhibitorsCsv(BAD, { assetsDir, target: { kind: 'storage', storage } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map(formatRowProblem)).toEqual([
      'line 3: email: invalid email address',
      'line 4: id: use lowercase latin letters, digits and "-", e.g. "uchi-plus"',
      'line 4: category: invalid option: expected one of "preschool"|"school"|"higher"|"professional"|"additional"|"edtech"|"platforms"|"equipment"|"publishers"|"regions"',
      'line 4: logo: "logos/missing.svg" does not exist under assets/',
      'line 5: id: "ok-one" is already used on line 2',
    ]);
    expect(await fs.readFile(db, 'utf8')).toBe(before);
    expect(await storage.getExhibitor('ok-one')).toBeUndefined();
  });
});

describe('importExhibitorsCsv into the seed file', () => {
  it('updates in place and appends, keeping the file parseable', async () => {
    const seed = path.join(dir, 'exhibitors.json');
    await fs.copyFile(FIXTURE_EXHIBITORS, seed);
    const ids = ExhibitorList.parse(JSON.parse(await fs.readFile(seed, 'utf8'))).map((e) => e.id);
    const result = await importExhibitorsCsv(GOOD, { assetsDir, target: { kind: 'seed', file: seed } });
    expect(result.ok).toBe(true);
    const after = ExhibitorList.parse(JSON.parse(await fs.readFile(seed, 'utf8')));
    expect(after.map((e) => e.id)).toEqual([...ids, 'new-school']);
    expect(after.find((e) => e.id === 'gamma-lab')?.name).toBe('Gamma Lab (renamed)');
  });

  it('leaves the seed file alone when a row is bad', async () => {
    const seed = path.join(dir, 'exhibitors.json');
    await fs.copyFile(FIXTURE_EXHIBITORS, seed);
    const before = await fs.readFile(seed, 'utf8');
    expect((await importExhibitorsCsv(BAD, { assetsDir, target: { kind: 'seed', file: seed } })).ok).toBe(false);
    expect(await fs.readFile(seed, 'utf8')).toBe(before);
  });
});

describe('exhibitorsFromCsv', () => {
  const exists = () => true;
  const problems = (text: string) => exhibitorsFromCsv(text, exists).problems.map(formatRowProblem);

  it('names missing and misspelt columns', () => {
    expect(problems('id,name,category,description,site,phone,logo,color\n')).toEqual([
      'line 1: missing column "email"',
      'line 1: unknown column "color" (did you mean "colour"?)',
    ]);
  });

  it('names empty required cells, broken quoting and non-UTF-8 files', () => {
    expect(problems(`${HEADER}\nx,,school,Text.,,,,logos/x.svg,\n`)).toEqual(['line 2: name: is empty']);
    expect(problems(`${HEADER}\nx,"open,school\n`)).toEqual(['line 2: a quoted field is not closed (a " is missing)']);
    expect(problems(`${HEADER}\nx,\uFFFD\n`)).toEqual(['line 2: the file is not in UTF-8: in Excel save it as "CSV UTF-8 (comma delimited)"']);
    expect(problems(`${HEADER}\n`)).toEqual(['line 2: no exhibitors below the header']);
  });

  it('refuses logos outside assets/', () => {
    expect(problems(`${HEADER}\nx,X,school,Text.,,,,../secret/x.svg,\n`)).toEqual(['line 2: logo: "../secret/x.svg" must be a file inside assets/']);
  });

  it('reads Excel’s semicolon files', () => {
    const text = `${HEADER.replaceAll(',', ';')}\nx;X;school;Text, with a comma.;;;;logos/x.svg;\n`;
    expect(exhibitorsFromCsv(text, exists).exhibitors.map((e) => e.short)).toEqual(['Text, with a comma.']);
  });
});

describe('defaults', () => {
  it('short is the first sentence, cut to 200 characters', () => {
    expect(firstSentence('One two. Three!')).toBe('One two.');
    expect(firstSentence('No full stop')).toBe('No full stop');
    const long = firstSentence(`${'слово '.repeat(60)}end.`);
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith('слово…')).toBe(true);
  });

  it('colour is stable per id and readable under white text', () => {
    expect(colourFor('uchi-plus')).toBe(colourFor('uchi-plus'));
    expect(new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(colourFor)).size).toBeGreaterThan(3);
    const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    for (const hex of DEFAULT_COLOURS) {
      const [r, g, b] = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16) / 255) as [number, number, number];
      const contrast = 1.05 / (0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) + 0.05);
      expect(contrast, hex).toBeGreaterThanOrEqual(4.5);
    }
  });
});
