// Old floor files keep loading: version 1 (straight alleys `from`/`to`, stands' `entry`) is
// upgraded to the current format before the schema, and a file from the future is refused.
import { describe, expect, it } from 'vitest';
import { migrateLevel } from '../../shared/level/migrate.ts';
import { LEVEL_VERSION, type LevelInput } from '../../shared/level/schema.ts';
import { formatProblem, validateLevels } from '../../shared/level/validate.ts';
import { fixtureExhibitorIds, miniFloor } from '../fixtures/fixtures.ts';

/** mini-a written in the version 1 format. */
function miniAv1(): Record<string, unknown> {
  const a = miniFloor('mini-a');
  return {
    ...a,
    version: 1,
    alleys: a.alleys.map(({ points, ...rest }) => ({ ...rest, from: points[0], to: points[points.length - 1] })),
    stands: a.stands.map(({ entrance, ...rest }) => ({ ...rest, entry: entrance })),
  };
}

describe('migrateLevel', () => {
  it('is at version 2', () => {
    expect(LEVEL_VERSION).toBe(2);
  });

  it('upgrades version 1 to the current format', () => {
    const result = migrateLevel(miniAv1());
    expect(result).toEqual({ ok: true, data: miniFloor('mini-a'), from: 1 });
  });

  it('leaves a current file as it is', () => {
    const a = miniFloor('mini-a');
    expect(migrateLevel(a)).toEqual({ ok: true, data: a, from: LEVEL_VERSION });
  });

  it('leaves what it does not understand for the schema to name', () => {
    const odd = { ...miniAv1(), alleys: [{ id: 'x', from: [0, 0] }, 'not an alley'], stands: 'none' };
    const result = migrateLevel(odd);
    expect(result.ok && result.data).toEqual({ ...odd, version: 2 });
    expect(migrateLevel([1, 2])).toEqual({ ok: true, data: [1, 2], from: NaN });
    expect(migrateLevel({ version: 'one' })).toEqual({ ok: true, data: { version: 'one' }, from: NaN });
  });

  it('refuses a version newer than this code', () => {
    expect(migrateLevel({ ...miniFloor('mini-a'), version: 3 })).toEqual({
      ok: false,
      message: 'version 3 is newer than this server understands (2)',
    });
  });
});

describe('validateLevels with old files', () => {
  const ids = fixtureExhibitorIds();

  it('serves a version 1 floor as if it were current', () => {
    const result = validateLevels(
      [
        { file: 'levels/mini-a.json', data: miniAv1() },
        { file: 'levels/mini-b.json', data: miniFloor('mini-b') },
      ],
      ids,
    );
    expect(result.problems).toEqual([]);
    expect(result.valid.get('levels/mini-a.json')?.stands[0]?.entrance).toBe('south');
    expect(result.valid.get('levels/mini-a.json')?.version).toBe(LEVEL_VERSION);
  });

  it('refuses a file from a newer version with one clear sentence', () => {
    const b = miniFloor('mini-b');
    b.portals = [];
    const result = validateLevels(
      [
        { file: 'levels/future.json', data: { ...miniFloor('mini-a'), version: 3 } },
        { file: 'levels/mini-b.json', data: b },
      ],
      ids,
    );
    expect(result.problems.map(formatProblem)).toEqual([
      'levels/future.json version: version 3 is newer than this server understands (2)',
    ]);
    expect([...result.valid.keys()]).toEqual(['levels/mini-b.json']);
  });

  it('still names a missing version', () => {
    const a: Partial<LevelInput> = miniFloor('mini-a');
    delete a.version;
    const result = validateLevels([{ file: 'levels/mini-a.json', data: a }], ids);
    expect(result.problems.map(formatProblem)).toEqual(['levels/mini-a.json version: Invalid input: expected 2']);
  });
});
