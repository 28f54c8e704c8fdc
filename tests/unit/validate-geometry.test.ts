// The validator's geometry against alleys: stands in alleys, entrances no alley reaches,
// alleys cut off from the network, portals and landmarks off the alleys, portals that do not
// lead back, and the line:column every problem gets when the file's text is known.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LevelInput } from '../../shared/level/schema.ts';
import { type LevelProblem, formatPath, formatProblem, validateLevels } from '../../shared/level/validate.ts';
import { FIXTURE_LEVELS_DIR, fixtureExhibitorIds, miniFloor } from '../fixtures/fixtures.ts';

const ids = fixtureExhibitorIds();

function check(a: unknown, b: unknown = miniFloor('mini-b')) {
  return validateLevels(
    [
      { file: 'levels/mini-a.json', data: a },
      { file: 'levels/mini-b.json', data: b },
    ],
    ids,
  );
}

function problemsOfA(edit: (a: LevelInput) => void): LevelProblem[] {
  const a = miniFloor('mini-a');
  edit(a);
  const result = check(a);
  expect(result.valid.has('levels/mini-a.json')).toBe(false);
  return result.problems.filter((p) => p.file === 'levels/mini-a.json');
}

describe('stands against alleys', () => {
  it('refuses a stand that reaches into an alley, saying how far', () => {
    const problems = problemsOfA((a) => (a.stands[0]!.y = 8));
    expect(problems.map(formatProblem)).toEqual([
      'levels/mini-a.json stands[0]: stand "a-1" reaches 1 m into alley "a-main-ew" (4 m wide): a stand may touch an alley’s edge but not stand in it',
    ]);
  });

  it('lets a stand touch an alley’s edge, within 5 cm', () => {
    const a = miniFloor('mini-a');
    a.stands[0]!.y = 7.04;
    expect(check(a).problems).toEqual([]);
  });

  it('refuses an entrance that no alley reaches', () => {
    const problems = problemsOfA((a) => (a.stands[0]!.entrance = 'north'));
    expect(problems).toHaveLength(1);
    expect(formatPath(problems[0]!.path)).toBe('stands[0].entrance');
    expect(problems[0]!.message).toBe(
      'stand "a-1" opens to the north, but no alley passes within 1 m of that side (the nearest, alley "a-main-ew", is 6 m away): ' +
        'turn the entrance towards an alley or move the stand',
    );
  });

  it('accepts an entrance up to 1 m from an alley’s edge', () => {
    const a = miniFloor('mini-a');
    a.stands[0]!.y = 6; // entrance 1 m short of the alley
    expect(check(a).problems).toEqual([]);
  });

  it('refuses an entrance whose way to the alley is blocked by another stand', () => {
    const problems = problemsOfA((a) => {
      a.stands[0]!.y = 6;
      Object.assign(a.stands[4]!, { x: 9, y: 12.5, w: 2, h: 1 });
    });
    expect(problems.map((p) => p.message)).toContain(
      'stand "a-1" cannot be reached: the way from its entrance to alley "a-main-ew" is blocked by stand "a-5" (stands[4])',
    );
  });

  it('refuses a thin stand whose entrance faces away from the alley', () => {
    const problems = problemsOfA((a) => Object.assign(a.stands[0]!, { y: 12, h: 1, entrance: 'north' }));
    expect(problems.map((p) => p.message)).toEqual([
      'stand "a-1" cannot be reached: the way from its entrance to alley "a-main-ew" is blocked by the stand itself (does the entrance face the alley?)',
    ]);
  });
});

describe('the walk network', () => {
  it('names an alley cut off from the others', () => {
    const problems = problemsOfA((a) => a.alleys.push({ id: 'a-island', points: [[30, 25], [38, 25]], width: 2 }));
    expect(problems.map(formatProblem)).toEqual([
      'levels/mini-a.json alleys[2]: alley "a-island" is not connected to the rest of the floor: visitors cannot walk there ' +
        '(let a centre line end on or cross another alley’s centre line)',
    ]);
  });

  it('names every alley of a cut-off group at once', () => {
    const problems = problemsOfA((a) =>
      a.alleys.push(
        { id: 'a-island', points: [[30, 25], [38, 25]], width: 2 },
        { id: 'a-island-2', points: [[34, 24], [34, 29]], width: 2 },
      ),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^alleys "a-island", "a-island-2" are not connected/);
  });

  it('refuses portals and landmarks away from every alley', () => {
    const problems = problemsOfA((a) => {
      a.portals![0]!.y = 25;
      Object.assign(a.landmarks![1]!, { x: 16, y: 11 });
    });
    expect(problems.map(formatProblem)).toEqual([
      'levels/mini-a.json portals[0]: portal "a-stairs" at (36, 25) is 8 m from the nearest alley (alley "a-main-ew"): ' +
        'put it on an alley or within 1 m of its edge so visitors can reach it',
      'levels/mini-a.json landmarks[1]: landmark "a-info" at (16, 11) is 2 m from the nearest alley (alley "a-main-ew"): ' +
        'put it on an alley or within 1 m of its edge so visitors can reach it',
    ]);
  });
});

describe('portal pairs', () => {
  it('refuses a portal whose target leads somewhere else, and only on its own floor', () => {
    const a = miniFloor('mini-a');
    a.portals!.push({ id: 'a-lift', kind: 'lift', x: 20, y: 26, to: { floor: 'mini-b', portal: 'b-stairs' } });
    const result = check(a);
    expect(result.problems.map(formatProblem)).toEqual([
      'levels/mini-a.json portals[1].to: portal "a-lift" leads to "b-stairs" on floor "mini-b", but that portal leads back to ' +
        '"a-stairs" on floor "mini-a": a pair of portals must lead to each other',
    ]);
    expect([...result.valid.keys()]).toEqual(['levels/mini-b.json']);
  });

  it('does not blame the other floor for a portal that leads nowhere', () => {
    const a = miniFloor('mini-a');
    a.portals![0]!.to.portal = 'b-nowhere';
    const result = check(a);
    expect(result.problems.map((p) => p.file)).toEqual(['levels/mini-a.json']);
    expect(result.valid.has('levels/mini-b.json')).toBe(true);
  });
});

describe('line and column', () => {
  const text = fs.readFileSync(path.join(FIXTURE_LEVELS_DIR, 'mini-a.json'), 'utf8');

  it('are added when the source text is known', () => {
    const broken = text.replace('"beta-university"', '"beta-universty"');
    const result = validateLevels(
      [
        { file: 'levels/mini-a.json', data: JSON.parse(broken), text: broken },
        { file: 'levels/mini-b.json', data: miniFloor('mini-b') },
      ],
      ids,
    );
    expect(result.problems.map(formatProblem)).toEqual([
      'levels/mini-a.json:15:33 stands[1].exhibitor: "beta-universty" is not a known exhibitor (did you mean "beta-university"?)',
    ]);
  });

  it('point at the nearest existing value when the path names a missing field', () => {
    const edited = text.replace('"x": 6, "y": 17, "w": 8, "h": 6, "entrance": "north",', '"x": 6, "y": 17, "w": 8, "h": 6,');
    const result = validateLevels([{ file: 'levels/mini-a.json', data: JSON.parse(edited), text: edited }], ids);
    const p = result.problems.find((q) => formatPath(q.path) === 'stands[2].entrance')!;
    expect([p.line, p.column]).toEqual([16, 5]);
  });
});
