// The floor file format and its validator: good floors pass, each kind of mistake is named
// with the organiser's sentence and the JSON path where it sits.
import { describe, expect, it } from 'vitest';
import type { LevelInput } from '../../shared/level/schema.ts';
import { type LevelProblem, formatPath, formatProblem, validateLevels } from '../../shared/level/validate.ts';
import { fixtureExhibitorIds, miniFloor } from '../fixtures/fixtures.ts';

const ids = fixtureExhibitorIds();

function check(a: unknown = miniFloor('mini-a'), b: unknown = miniFloor('mini-b')) {
  return validateLevels(
    [
      { file: 'levels/mini-a.json', data: a },
      { file: 'levels/mini-b.json', data: b },
    ],
    ids,
  );
}

/** The only problem of a run, asserting there is exactly one. */
function single(problems: LevelProblem[]): LevelProblem {
  expect(problems.map(formatProblem)).toHaveLength(1);
  return problems[0]!;
}

/**
 * Breaks floor A, checks it beside floor B, and expects A to be refused. Returns A's problems
 * only: when A does not even parse, B's portal to it is reported too (see "cross floors").
 */
function breakA(edit: (a: LevelInput) => void) {
  const a = miniFloor('mini-a');
  edit(a);
  const result = check(a);
  expect(result.valid.has('levels/mini-a.json')).toBe(false);
  return { ...result, problems: result.problems.filter((p) => p.file === 'levels/mini-a.json') };
}

describe('fixtures', () => {
  it('pass with no problems, ordered by `order`', () => {
    const result = check();
    expect(result.problems).toEqual([]);
    expect(result.levels.map((l) => l.id)).toEqual(['mini-b', 'mini-a']);
    expect([...result.valid.keys()].sort()).toEqual(['levels/mini-a.json', 'levels/mini-b.json']);
  });

  it('fill defaults (alley width, portals, landmarks)', () => {
    const b = check().valid.get('levels/mini-b.json')!;
    expect(b.alleys[0]!.width).toBe(4);
    const bare = miniFloor('mini-b');
    delete (bare as Partial<LevelInput>).landmarks;
    expect(check(undefined, bare).valid.get('levels/mini-b.json')!.landmarks).toEqual([]);
  });
});

describe('checks within a floor', () => {
  it('names an unknown exhibitor and suggests the closest id', () => {
    const p = single(breakA((a) => (a.stands[1]!.exhibitor = 'beta-universty')).problems);
    expect(p.path).toEqual(['stands', 1, 'exhibitor']);
    expect(p.message).toBe('"beta-universty" is not a known exhibitor (did you mean "beta-university"?)');
    expect(formatProblem(p)).toBe(
      'levels/mini-a.json stands[1].exhibitor: "beta-universty" is not a known exhibitor (did you mean "beta-university"?)',
    );
  });

  it('gives no hint for an unrelated exhibitor id', () => {
    const p = single(breakA((a) => (a.stands[0]!.exhibitor = 'completely-unrelated')).problems);
    expect(p.message).toBe('"completely-unrelated" is not a known exhibitor');
  });

  it('refuses a duplicate id, whatever the kind of object', () => {
    const p = single(breakA((a) => (a.landmarks![1]!.id = 'a-3')).problems);
    expect(p.path).toEqual(['landmarks', 1, 'id']);
    expect(p.message).toBe('duplicate id "a-3" (already used by stands[2])');
  });

  it('refuses overlapping stands, naming the later one', () => {
    // Overlaps a-2 from the east, entrance still on the main alley's edge.
    const p = single(breakA((a) => Object.assign(a.stands[3]!, { x: 28, y: 7, entrance: 'south' })).problems);
    expect(p.path).toEqual(['stands', 3]);
    expect(p.message).toBe('stand "a-4" overlaps stand "a-2" (stands[1])');
  });

  it('accepts stands that only touch along an edge', () => {
    const a = miniFloor('mini-a');
    Object.assign(a.stands[1]!, { x: 14, y: 7, w: 4 }); // shares the east wall of a-1, touches alley a-main-ns
    expect(check(a).problems).toEqual([]);
  });

  it('refuses a stand outside the hall', () => {
    const p = single(breakA((a) => (a.stands[0]!.x = 35)).problems);
    expect(p.path).toEqual(['stands', 0]);
    expect(p.message).toBe('stand "a-1" lies outside the hall (40 x 30 m)');
  });

  it('refuses alley points, portals and landmarks outside the hall', () => {
    const { problems } = breakA((a) => {
      a.alleys[0]!.points[1] = [41, 15];
      a.portals![0]!.y = -1;
      a.landmarks![0]!.x = 50;
    });
    expect(problems.map((p) => formatPath(p.path))).toEqual(['alleys[0].points[1]', 'portals[0]', 'landmarks[0]']);
    expect(problems[0]!.message).toBe('point (41, 15) lies outside the hall');
  });
});

describe('shape (zod)', () => {
  it('names a missing required field with its path', () => {
    const p = single(breakA((a) => delete (a.stands[2] as Partial<LevelInput['stands'][number]>).entrance).problems);
    expect(p.path).toEqual(['stands', 2, 'entrance']);
    expect(p.message).toMatch(/expected one of "north"\|"south"\|"east"\|"west"/);
  });

  it('names a wrong type with its path', () => {
    const p = single(breakA((a) => ((a.stands[0] as Record<string, unknown>).w = '8')).problems);
    expect(p.path).toEqual(['stands', 0, 'w']);
    expect(p.message).toMatch(/expected number, received string/);
  });

  it('uses the schema’s own sentences', () => {
    const p = single(breakA((a) => (a.stands[0]!.id = 'Stand 1')).problems);
    expect(p.path).toEqual(['stands', 0, 'id']);
    expect(p.message).toBe('ids use lowercase latin letters, digits and "-", e.g. "stand-12"');
    const q = single(breakA((a) => (a.alleys = [])).problems);
    expect(formatProblem(q)).toBe('levels/mini-a.json alleys: a floor needs at least one alley to walk on');
  });

  it('refuses unknown fields (strict objects)', () => {
    const p = single(breakA((a) => ((a.stands[4] as Record<string, unknown>).colour = '#ff0000')).problems);
    expect(p.path).toEqual(['stands', 4]);
    expect(p.message).toMatch(/Unrecognized key.*"colour"/);
    const top = single(breakA((a) => ((a as Record<string, unknown>).floorName = 'A')).problems);
    expect(formatPath(top.path)).toBe('(root)');
  });

  it('refuses something that is not a floor at all', () => {
    const result = check([1, 2, 3]);
    expect(result.valid.has('levels/mini-a.json')).toBe(false);
    expect(result.problems.length).toBeGreaterThan(0);
  });
});

describe('checks across floors', () => {
  it('refuses a portal to a missing floor, with a hint', () => {
    const { problems } = breakA((a) => (a.portals![0]!.to.floor = 'mini-bb'));
    // mini-b still points at a-stairs, which exists, so it stays valid.
    const p = single(problems);
    expect(p.path).toEqual(['portals', 0, 'to', 'floor']);
    expect(p.message).toBe('portal "a-stairs" leads to floor "mini-bb", which does not exist (did you mean "mini-b"?)');
  });

  it('refuses a portal to a portal the other floor does not have', () => {
    const p = single(breakA((a) => (a.portals![0]!.to.portal = 'b-lift')).problems);
    expect(p.path).toEqual(['portals', 0, 'to', 'portal']);
    expect(p.message).toBe('portal "a-stairs" leads to portal "b-lift", which floor "mini-b" does not have');
  });

  it('refuses a stand id already used on another floor', () => {
    const b = miniFloor('mini-b');
    b.stands[0]!.id = 'a-1';
    const result = check(undefined, b);
    const p = single(result.problems);
    expect(p.file).toBe('levels/mini-b.json');
    expect(p.path).toEqual(['stands', 0, 'id']);
    expect(p.message).toBe('stand id "a-1" is already used in levels/mini-a.json');
    expect([...result.valid.keys()]).toEqual(['levels/mini-a.json']);
  });

  it('refuses a floor id already used by another file', () => {
    const b = miniFloor('mini-b');
    b.id = 'mini-a';
    b.portals = [];
    const a = miniFloor('mini-a');
    a.portals = [];
    const result = check(a, b);
    const p = single(result.problems);
    expect(p).toEqual({ file: 'levels/mini-b.json', path: ['id'], message: 'floor id "mini-a" is already used by levels/mini-a.json' });
    expect([...result.valid.keys()]).toEqual(['levels/mini-a.json']);
  });

  it('judges each file on its own: a portal into a broken floor does not refuse its neighbour', () => {
    const a = miniFloor('mini-a');
    a.order = 1.5;
    const result = check(a);
    // Only mini-b is served; mini-a's own problem is the one reported.
    expect([...result.valid.keys()]).toEqual(['levels/mini-b.json']);
    const p = single(result.problems);
    expect(formatProblem(p)).toBe('levels/mini-a.json order: Invalid input: expected int, received number');
  });

  it('keeps serving the good file when another one is broken', () => {
    const b = miniFloor('mini-b');
    b.portals = [];
    const broken = { ...miniFloor('mini-a'), id: 'broken', portals: [], stands: [{ id: 'x' }] };
    const result = validateLevels(
      [
        { file: 'levels/broken.json', data: broken },
        { file: 'levels/mini-b.json', data: b },
      ],
      ids,
    );
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((p) => p.file === 'levels/broken.json')).toBe(true);
    expect([...result.valid.keys()]).toEqual(['levels/mini-b.json']);
    expect(result.levels.map((l) => l.id)).toEqual(['mini-b']);
  });

  it('reports every problem of a file at once', () => {
    const { problems } = breakA((a) => {
      a.stands[0]!.exhibitor = 'nobody-at-all';
      a.stands[1]!.x = 39;
      a.portals![0]!.to.portal = 'nowhere';
    });
    expect(problems.map((p) => formatPath(p.path))).toEqual(['stands[0].exhibitor', 'stands[1]', 'portals[0].to.portal']);
  });
});
