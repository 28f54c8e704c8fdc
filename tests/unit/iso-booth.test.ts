// Booth types in the 3D view follow from the layout: how many sides of a stand are open.
import { describe, expect, it } from 'vitest';
import { deriveBooth, wallsFor } from '../../shared/iso/booth.ts';
import { Level, type Stand } from '../../shared/level/schema.ts';

const stand = (id: string, x: number, y: number, w: number, h: number, entrance: Stand['entrance'] = 'south', size: Stand['size'] = 'M'): Stand => ({
  id,
  exhibitor: 'ex',
  x,
  y,
  w,
  h,
  entrance,
  size,
});

const floor = (stands: Stand[]) => ({ size: { width: 100, height: 60 }, stands });

describe('booth type derivation', () => {
  // A row of three 3×3 stands back to back with a second row: middle ones are inline.
  const row = [stand('a', 20, 20, 3, 3), stand('b', 23, 20, 3, 3), stand('c', 26, 20, 3, 3)];
  const back = [stand('d', 20, 17, 3, 3, 'north'), stand('e', 23, 17, 3, 3, 'north'), stand('f', 26, 17, 3, 3, 'north')];

  it('a stand closed on three sides is inline, with back and side walls', () => {
    const b = deriveBooth(floor([...row, ...back]), 1);
    expect(b.type).toBe('inline');
    expect(b.open).toEqual(['south']);
    expect(new Set(b.walls)).toEqual(new Set(['north', 'east', 'west']));
  });

  it('the end of a row is a corner; with no back neighbour it is a peninsula; alone an island', () => {
    expect(deriveBooth(floor([...row, ...back]), 0).type).toBe('corner');
    expect(deriveBooth(floor([...row, ...back]), 0).walls.sort()).toEqual(['east', 'north']);
    expect(deriveBooth(floor(row), 0).type).toBe('peninsula');
    expect(deriveBooth(floor([stand('solo', 40, 30, 6, 6, 'west', 'L')]), 0)).toMatchObject({ type: 'island', walls: [], screen: true, height: 3 });
  });

  it('the hall wall closes a side; the entrance stays open even against a neighbour', () => {
    const b = deriveBooth(floor([stand('w', 0, 20, 3, 3, 'south'), stand('n', 0, 23, 3, 3, 'north')]), 0);
    expect(b.open).toContain('south');
    expect(b.walls).toContain('west');
  });

  it('a corner touch is no neighbour', () => {
    expect(deriveBooth(floor([stand('a', 20, 20, 3, 3), stand('b', 23, 23, 3, 3)]), 0).type).toBe('island');
  });

  it('organisers may override type and height in the level file', () => {
    const s = { ...stand('x', 20, 20, 3, 3), booth: { type: 'island' as const, height: 4 } };
    const b = deriveBooth(floor([s, ...back]), 0);
    expect(b).toMatchObject({ type: 'island', height: 4, walls: [] });
    expect(wallsFor('peninsula', 'east')).toEqual(['west']);
  });

  it('the level schema accepts the override and refuses a bad one with its path', () => {
    const base = {
      version: 2,
      id: 'f',
      title: { ru: 'Ф', en: 'F' },
      category: 'school',
      order: 1,
      size: { width: 50, height: 50 },
      background: { style: 'carpet' },
      alleys: [{ id: 'a', points: [[0, 10], [50, 10]] }],
    };
    const ok = Level.safeParse({ ...base, stands: [{ ...stand('s', 1, 13, 3, 3, 'north'), booth: { type: 'corner', height: 3 } }] });
    expect(ok.success).toBe(true);
    const bad = Level.safeParse({ ...base, stands: [{ ...stand('s', 1, 13, 3, 3, 'north'), booth: { type: 'tower' } }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['stands', 0, 'booth', 'type']);
  });
});
