// Schedule JSON (pretalx/frab/C3VOC) in and out: our export validates against the public
// C3VOC schema (checked by a JSON Schema validator), an export imports back to the same
// programme, real exports import with their time zones, and bad input gives line:col
// problems and writes nothing.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../scripts/programme-import.ts';
import { ROOT } from '../../server/config.ts';
import { readProgrammeSources } from '../../server/programme/readProgramme.ts';
import { formatProblem } from '../../shared/level/validate.ts';
import type { Programme } from '../../shared/programme/schema.ts';
import { exportSchedule } from '../../shared/programme/scheduleExport.ts';
import { importSchedule } from '../../shared/programme/scheduleImport.ts';
import { EXPO_META_KEY } from '../../shared/programme/scheduleJson.ts';
import { validateProgramme } from '../../shared/programme/validate.ts';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'schedule');
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

async function scheduleValidator() {
  const schema = JSON.parse(await fs.readFile(path.join(FIXTURES, 'schema.json'), 'utf8')) as Record<string, unknown>;
  expect(schema.$schema).toBe('http://json-schema.org/draft-06/schema#');
  // strict: false because the schema uses "$oneOf", "deprecated" and a "color" format of its own.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft06);
  addFormats(ajv);
  ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/);
  return ajv.compile(schema);
}

async function sample(): Promise<Programme> {
  const read = await readProgrammeSources(path.join(ROOT, 'programme'));
  const r = validateProgramme(read.sources, { readProblems: read.problems });
  expect(r.problems).toEqual([]);
  return r.programme!;
}

async function fixture(name: string) {
  const text = await fs.readFile(path.join(FIXTURES, name), 'utf8');
  return importSchedule({ file: name, data: JSON.parse(text), text });
}

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((d) => fs.rm(d, { recursive: true, force: true })));
});

describe('export', () => {
  it('gives a file that validates against the C3VOC schedule schema', async () => {
    const validate = await scheduleValidator();
    const out = exportSchedule(await sample());
    const ok = validate(out);
    expect(validate.errors?.slice(0, 5) ?? []).toEqual([]);
    expect(ok).toBe(true);
    const conf = (out.schedule as { conference: { days: { rooms: Record<string, unknown[]> }[]; time_zone_name: string } }).conference;
    expect(conf.time_zone_name).toBe('Europe/Moscow');
    expect(conf.days).toHaveLength(13);
  });

  it('with "HH:MM" starts, as frab writes them, breaks that schema (why date-time is the default)', async () => {
    const validate = await scheduleValidator();
    expect(validate(exportSchedule(await sample(), { start: 'hh:mm' }))).toBe(false);
    expect(validate.errors!.some((e) => e.instancePath.endsWith('/start') && e.keyword === 'format')).toBe(true);
  });

  it('imports back to the same programme (round trip)', async () => {
    const p = await sample();
    const out = exportSchedule(p);
    const text = JSON.stringify(out, null, 2);
    const back = importSchedule({ file: 'export.json', data: JSON.parse(text), text });
    expect(back.problems).toEqual([]);
    // "sampleAsOf" is our sample's own setting, not part of a schedule other tools read.
    const { sampleAsOf: _sampleOnly, ...meta } = p.meta;
    expect(back.programme).toEqual({ ...p, meta });
  });

  it('without our meta block, still brings back every event, time, room and person name', async () => {
    const p = await sample();
    const out = exportSchedule(p) as { schedule: { conference: { meta?: unknown } } };
    delete out.schedule.conference.meta?.[EXPO_META_KEY as keyof typeof out.schedule.conference.meta];
    const back = importSchedule({ file: 'export.json', data: out });
    expect(back.problems.map(formatProblem)).toEqual([]);
    // Ids are made anew from the file, so compare events as a visitor sees them.
    const seen = (prog: Programme) =>
      prog.events
        .map((e) => ({
          start: e.start,
          duration: e.duration,
          title: e.title.ru,
          room: prog.clusters.find((c) => c.id === e.cluster)!.title.ru,
          people: [e.moderator, ...e.speakers].flatMap((id) => (id ? [prog.speakers.find((s) => s.id === id)!.name.ru] : [])),
          track: e.tags[0],
          language: e.language,
        }))
        .sort((a, b) => a.start.localeCompare(b.start) || a.room.localeCompare(b.room));
    expect(seen(back.programme!)).toEqual(seen(p));
  });
});

describe('import of public exports', () => {
  it('frab (Camp 2019): rooms → clusters, tracks → tags, persons → speakers, time zone kept', async () => {
    const r = await fixture('frab-camp2019.trimmed.json');
    expect(r.problems).toEqual([]);
    const p = r.programme!;
    expect(p.meta.timeZone).toBe('Europe/Berlin');
    expect(p.clusters).toEqual([{ id: 'curie', title: { ru: 'Curie' } }]);
    expect(p.events.map((e) => [e.id, e.start, e.duration, e.tags, e.format])).toEqual([
      ['e-10386', '2019-08-21T11:00:00+02:00', 30, ['CCC'], 'lecture'],
      ['e-10365', '2019-08-21T12:00:00+02:00', 45, ['CCC'], 'lecture'],
      ['e-10178', '2019-08-22T13:00:00+02:00', 45, ['Security'], 'lecture'],
    ]);
    expect(p.events[0]!.speakers.map((id) => p.speakers.find((s) => s.id === id)!.name.ru)).toEqual(['jinxx', 'smtw']);
    expect(p.events[2]!.title.ru).toBe('Hacking Containers and Kubernetes — Exploiting and protecting containers with a few lines of scripting');
  });

  it('pretalx (DemoCon, rC3): listed rooms without events, long talks marked, languages kept', async () => {
    const demo = (await fixture('pretalx-democon.trimmed.json')).programme!;
    expect(demo.clusters.map((c) => c.title.ru)).toEqual(['Gray Room', 'Tan Room']);
    expect(demo.events[2]!.speakers).toHaveLength(2);
    const rc3 = await fixture('pretalx-rc3.trimmed.json');
    expect(rc3.problems).toEqual([]);
    expect(rc3.programme!.events.map((e) => [e.language, e.duration, e.long ?? false])).toEqual([
      ['de', 40, false],
      ['en', 120, true],
    ]);
  });
});

describe('npm run programme:import', () => {
  async function folderWithProgramme(): Promise<string> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'programme-import-'));
    temps.push(dir);
    await fs.cp(path.join(ROOT, 'programme'), dir, { recursive: true });
    return dir;
  }
  async function snapshot(dir: string): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const rel of await fs.readdir(dir, { recursive: true })) {
      const full = path.join(dir, rel);
      if ((await fs.stat(full)).isFile()) out[rel] = await fs.readFile(full, 'utf8');
    }
    return out;
  }
  async function badFile(text: string): Promise<string> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'schedule-bad-'));
    temps.push(dir);
    await fs.writeFile(path.join(dir, 'bad.json'), text);
    return path.join(dir, 'bad.json');
  }

  it('writes the imported programme, which the check then accepts', async () => {
    const dir = await folderWithProgramme();
    const lines: string[] = [];
    expect(await runImport(path.join(FIXTURES, 'frab-camp2019.trimmed.json'), dir, (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toMatch(/^imported 3 events in 1 rooms over 2 days, 4 speakers into /);
    expect((await fs.readdir(path.join(dir, 'events'))).filter((n) => n.endsWith('.json'))).toEqual(['camp2019.json']);
    const read = await readProgrammeSources(dir);
    expect(validateProgramme(read.sources, { readProblems: read.problems }).programme?.events).toHaveLength(3);
  });

  it('on a JSON syntax error prints its line and column and writes nothing', async () => {
    const dir = await folderWithProgramme();
    const before = await snapshot(dir);
    const text = (await fs.readFile(path.join(FIXTURES, 'frab-camp2019.trimmed.json'), 'utf8')).replace('"start": "11:00",', '"start": "11:00"');
    const lines: string[] = [];
    expect(await runImport(await badFile(text), dir, (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toMatch(/bad\.json:29:17 \(root\): is not valid JSON: expected "," or "}" after the value of "start", found "\\""/);
    expect(lines.at(-1)).toBe('nothing imported');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('on bad values points at each and imports nothing, not even the good events', async () => {
    const dir = await folderWithProgramme();
    const before = await snapshot(dir);
    const text = (await fs.readFile(path.join(FIXTURES, 'frab-camp2019.trimmed.json'), 'utf8'))
      .replace('"duration": "00:45",', '"duration": "45 min",')
      .replace('"date": "2019-08-22T13:00:00+02:00"', '"date": "2019-08-21T11:10:00+02:00"');
    const lines: string[] = [];
    expect(await runImport(await badFile(text), dir, (l) => lines.push(l))).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/bad\.json:55:29 schedule\.conference\.days\[0\]\.rooms\.Curie\[1\]\.duration: "45 min" is not a duration/),
      '1 problem: nothing imported',
    ]);
    expect(await snapshot(dir)).toEqual(before);

    // Fixed duration, but the moved talk now overlaps the opening in the same room.
    const overlap = text.replace('"duration": "45 min",', '"duration": "00:45",');
    lines.length = 0;
    expect(await runImport(await badFile(overlap), dir, (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toMatch(/bad\.json:\d+:\d+ schedule\.conference\.days\[1\]\.rooms\.Curie\[0\]\.date: event "e-10178" \(11:10, 45 min\) overlaps "e-10386"/);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses a "schedule 2" hub export with a sentence saying so', async () => {
    const r = importSchedule({ file: 'hub.json', data: { schedule: { version: '1', conference: { title: 'x', days: [{ date: '2024-12-27' }] }, events: [] } } });
    expect(r.files).toEqual([]);
    expect(r.problems.map(formatProblem)[0]).toMatch(/hub\.json schedule\.conference\.days\[0\]\.rooms: .*schedule 2/);
  });
});
