// Programme files are checked like floors: shape, references with "did you mean", durations
// and clashes, each problem as `file:line:col path: sentence`; the committed sample passes.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../server/config.ts';
import { readProgrammeSources } from '../../server/programme/readProgramme.ts';
import { formatProblem } from '../../shared/level/validate.ts';
import { type ProgrammeSource, validateProgramme } from '../../shared/programme/validate.ts';

const META = { version: 1, title: { ru: 'Программа' }, timeZone: 'Europe/Moscow' };
const CLUSTERS = { clusters: [{ id: 'inclusion', title: { ru: 'Инклюзия' } }, { id: 'preschool', title: { ru: 'Дошкольное' } }] };
const SPEAKERS = {
  speakers: ['ivanova-anna', 'petrov-ivan', 'sidorova-olga', 'orlov-pavel'].map((id) => ({ id, name: { ru: id } })),
};
const ev = (id: string, start: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: { ru: id },
  start,
  duration: 45,
  format: 'panel',
  language: 'ru',
  cluster: 'inclusion',
  stage: 'main',
  moderator: 'ivanova-anna',
  speakers: ['petrov-ivan'],
  ...extra,
});

function sources(events: Record<string, unknown[]>): ProgrammeSource[] {
  const src = (file: string, kind: ProgrammeSource['kind'], data: unknown): ProgrammeSource => {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    return { file: `programme/${file}`, kind, data: JSON.parse(text), text };
  };
  return [
    src('programme.json', 'meta', META),
    src('clusters.json', 'clusters', CLUSTERS),
    src('speakers.json', 'speakers', SPEAKERS),
    ...Object.entries(events).map(([name, list]) => src(`events/${name}`, 'events', { events: list })),
  ];
}

const problemsOf = (events: Record<string, unknown[]>) => validateProgramme(sources(events)).problems.map(formatProblem);

describe('validateProgramme', () => {
  it('accepts a clean programme and sorts events by start', () => {
    const r = validateProgramme(
      sources({ 'b.json': [ev('late', '2026-04-14T12:00:00+03:00')], 'a.json': [ev('early', '2026-04-14T10:00:00+03:00')] }),
    );
    expect(r.problems).toEqual([]);
    expect(r.programme!.events.map((e) => e.id)).toEqual(['early', 'late']);
  });

  it('names unknown clusters and speakers with file:line:col and did-you-mean', () => {
    const out = problemsOf({
      'main-1.json': [ev('a', '2026-04-14T10:00:00+03:00', { cluster: 'inclusoin', moderator: 'ivanova-ana', speakers: ['petrov-ivan', 'nobody-at-all'] })],
    });
    expect(out).toEqual([
      expect.stringMatching(/^programme\/events\/main-1\.json:\d+:\d+ events\[0\]\.cluster: "inclusoin" is not a cluster in clusters\.json \(did you mean "inclusion"\?\)$/),
      expect.stringMatching(/^programme\/events\/main-1\.json:\d+:\d+ events\[0\]\.moderator: "ivanova-ana" is not a speaker in speakers\.json \(did you mean "ivanova-anna"\?\)$/),
      expect.stringMatching(/events\[0\]\.speakers\[1\]: "nobody-at-all" is not a speaker in speakers\.json$/),
    ]);
    // The line points at the value: "cluster" is on line 12 of that file as written above.
    expect(out[0]).toMatch(/^programme\/events\/main-1\.json:12:18 /);
  });

  it('refuses overlapping events in one cluster and stage, not across clusters or stages', () => {
    const out = problemsOf({
      'a.json': [
        ev('first', '2026-04-14T10:00:00+03:00'),
        ev('second', '2026-04-14T10:30:00+03:00', { moderator: 'sidorova-olga', speakers: ['orlov-pavel'] }),
        ev('other-room', '2026-04-14T10:00:00+03:00', { cluster: 'preschool', moderator: 'orlov-pavel', speakers: [] }),
        ev('other-stage', '2026-04-14T10:00:00+03:00', { stage: 'continuation', moderator: 'sidorova-olga', speakers: [] }),
      ],
    });
    expect(out.filter((p) => !p.includes('warning:'))).toEqual([
      expect.stringMatching(
        /events\[1\]\.start: event "second" \(10:30, 45 min\) overlaps "first" \(10:00, 45 min, programme\/events\/a\.json events\[0\]\) in cluster «Инклюзия» on the main stage/,
      ),
    ]);
  });

  it('holds events to 60 minutes unless marked long, and ids to one use', () => {
    const out = problemsOf({
      'a.json': [ev('a', '2026-04-14T10:00:00+03:00', { duration: 90 }), ev('b', '2026-04-14T12:00:00+03:00', { duration: 90, long: true })],
      'b.json': [ev('a', '2026-04-14T15:00:00+03:00')],
    });
    expect(out).toEqual([
      expect.stringMatching(/a\.json:\d+:\d+ events\[0\]\.duration: 90 minutes is longer than the 60 an event may last; shorten it or mark it "long": true$/),
      expect.stringMatching(/b\.json:\d+:\d+ events\[0\]\.id: duplicate event id "a" \(already used in programme\/events\/a\.json events\[0\]\)$/),
    ]);
  });

  it('refuses an event id that is the address of a programme page', () => {
    const out = problemsOf({ 'a.json': [ev('library', '2026-04-14T10:00:00+03:00'), ev('tracks', '2026-04-14T12:00:00+03:00')] });
    expect(out).toEqual([
      expect.stringMatching(/a\.json:\d+:\d+ events\[0\]\.id: "library" is the address of a programme page \(\/programme\/library\); choose another event id$/),
      expect.stringMatching(/events\[1\]\.id: "tracks" is the address of a programme page/),
    ]);
  });

  it('warns about a person in two events at once but serves the programme', () => {
    const r = validateProgramme(
      sources({ 'a.json': [ev('x', '2026-04-14T10:00:00+03:00'), ev('y', '2026-04-14T10:15:00+03:00', { cluster: 'preschool', moderator: 'orlov-pavel' })] }),
    );
    expect(r.programme).not.toBeNull();
    expect(r.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/events\[1\]\.speakers\[0\]: warning: "petrov-ivan" is also in "x" \(10:00, programme\/events\/a\.json events\[0\]\) at the same time/),
    ]);
  });

  it('reports schema mistakes and JSON syntax errors at their line and column', async () => {
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'programme-check-'));
    try {
      await fsp.mkdir(path.join(dir, 'events'));
      await fsp.writeFile(path.join(dir, 'programme.json'), JSON.stringify(META));
      await fsp.writeFile(path.join(dir, 'clusters.json'), JSON.stringify(CLUSTERS));
      await fsp.writeFile(path.join(dir, 'speakers.json'), '{\n  "speakers": [\n    { "id": "a", "name": { "ru": "А" } },\n  ]\n}\n');
      await fsp.writeFile(path.join(dir, 'events', 'a.json'), JSON.stringify({ events: [ev('a', '2026-04-14 10:00', { format: 'talk' })] }, null, 2));
      const read = await readProgrammeSources(dir, 'programme');
      const r = validateProgramme(read.sources, { readProblems: read.problems });
      expect(r.programme).toBeNull();
      expect(r.problems.map(formatProblem)).toEqual([
        'programme/speakers.json:3:41 (root): is not valid JSON: a trailing comma before "]" is not allowed in JSON',
        expect.stringMatching(/^programme\/events\/a\.json:8:16 events\[0\]\.start: a start is a date and time with its offset/),
        expect.stringMatching(/^programme\/events\/a\.json:10:17 events\[0\]\.format: Invalid option: expected one of "lecture"/),
      ]);
    } finally {
      await fsp.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the committed sample programme', () => {
  it('passes every check and has the size the issue asks for', async () => {
    const read = await readProgrammeSources(path.join(ROOT, 'programme'));
    const r = validateProgramme(read.sources, { readProblems: read.problems });
    expect(r.problems.map(formatProblem)).toEqual([]);
    const p = r.programme!;
    expect(p.clusters).toHaveLength(20);
    expect(p.events.length).toBeGreaterThanOrEqual(200);
    expect(new Set(p.events.map((e) => e.stage))).toEqual(new Set(['main', 'continuation']));
    expect(p.speakers.length).toBeGreaterThanOrEqual(900);
    const perDay = new Map<string, number>();
    for (const e of p.events) {
      expect(e.moderator).toBeDefined();
      expect(e.speakers.length).toBeGreaterThanOrEqual(e.stage === 'main' ? 3 : 2);
      expect(e.speakers.length).toBeLessThanOrEqual(4);
      const key = `${e.cluster} ${e.start.slice(0, 10)}`;
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(7);
    expect(new Set(p.events.filter((e) => e.stage === 'main').map((e) => e.start.slice(0, 10))).size).toBe(4);
    expect(new Set(p.events.filter((e) => e.stage === 'continuation').map((e) => e.start.slice(0, 10))).size).toBe(9);
    for (const s of p.speakers) expect(fs.existsSync(path.join(ROOT, 'assets', s.photo!)), s.photo).toBe(true);
  });
});
