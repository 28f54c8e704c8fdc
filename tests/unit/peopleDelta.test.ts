// The people-delta wire format: what the room writes, a mirror reads back exactly.
import { describe, expect, it } from 'vitest';
import { PeopleMirror, addEnter, addLeave, addMove, isEmptyDelta, packDm, unpackDm } from '../../shared/peopleDelta.ts';
import type { PeopleDelta } from '../../shared/protocol.ts';

describe('people deltas', () => {
  it('round-trips enters, relative moves and leaves', () => {
    const mirror = new PeopleMirror();
    const first: PeopleDelta = {};
    expect(isEmptyDelta(first)).toBe(true);
    addEnter(first, 7, 745, 1000, 3, 'Анна');
    addEnter(first, 9, 10, 20, 0, 'Борис');
    mirror.apply(first);
    expect(mirror.people.get(7)).toMatchObject({ x: 74.5, y: 100, colour: 3, name: 'Анна' });
    const second: PeopleDelta = {};
    addMove(second, 7, -5, 12);
    addLeave(second, 9);
    mirror.apply(second);
    expect(mirror.people.get(7)).toMatchObject({ x: 74, y: 101.2, xDm: 740, yDm: 1012 });
    expect(mirror.people.has(9)).toBe(false);
  });

  it('a rename (leave and enter in one delta) ends entered, with events in that order', () => {
    const mirror = new PeopleMirror();
    const a: PeopleDelta = {};
    addEnter(a, 1, 0, 0, 0, 'Old');
    mirror.apply(a);
    const b: PeopleDelta = {};
    addLeave(b, 1);
    addEnter(b, 1, 0, 0, 1, 'New');
    const seen: string[] = [];
    mirror.apply(b, { left: (p) => seen.push(`left ${p.name}`), entered: (p) => seen.push(`entered ${p.name}`) });
    expect(seen).toEqual(['left Old', 'entered New']);
    expect(mirror.people.get(1)?.name).toBe('New');
  });

  it('skips malformed entries instead of trusting them', () => {
    const mirror = new PeopleMirror();
    mirror.apply({ enter: [1, 'x', 2, 0, 'A', 2, 10, 10, 0, 'B', 3], move: [2, 0.5, 1, 99, 1, 1] });
    expect([...mirror.people.keys()]).toEqual([2]);
    expect(mirror.people.get(2)).toMatchObject({ xDm: 10, yDm: 10 });
  });

  it('packs positions losslessly', () => {
    for (const [x, y] of [[0, 0], [1500, 1000], [99_999, 65_535]] as const) expect(unpackDm(packDm(x, y))).toEqual({ xDm: x, yDm: y });
  });
});
