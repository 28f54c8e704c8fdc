// Clashes in "my programme" (shared/programme/clashes.ts): overlapping starred events are
// marked on both sides, touching ones are not, and a clashing event that will be recorded is
// the one to "watch the recording instead".
import { describe, expect, it } from 'vitest';
import { type ClashInput, findClashes, willBeRecorded } from '../../shared/programme/clashes.ts';

const ev = (id: string, start: string, duration: number, over: Partial<ClashInput> = {}): ClashInput => ({
  id,
  start: `2026-04-14T${start}:00+03:00`,
  duration,
  ...over,
});

describe('findClashes', () => {
  it('marks overlapping events on both sides, in start order, and leaves touching ones alone', () => {
    const c = findClashes([ev('c', '11:00', 30), ev('a', '10:00', 60), ev('b', '10:30', 45), ev('d', '12:00', 30)]);
    expect(c.get('a')?.with).toEqual(['b']);
    expect(c.get('b')?.with).toEqual(['a', 'c']);
    expect(c.get('c')?.with).toEqual(['b']);
    // 'b' ends at 11:15, 'c' at 11:30; 'd' starts at 12:00: nothing.
    expect(c.has('d')).toBe(false);
    // a 10:00–11:00 and c 11:00–11:30 touch: no clash.
    expect(c.get('a')?.with).not.toContain('c');
  });

  it('finds every pair of a block of simultaneous events', () => {
    const c = findClashes([ev('x', '10:00', 45), ev('y', '10:00', 60), ev('z', '10:00', 30)]);
    expect(c.get('x')?.with.sort()).toEqual(['y', 'z']);
    expect(c.get('y')?.with.sort()).toEqual(['x', 'z']);
    expect(c.get('z')?.with.sort()).toEqual(['x', 'y']);
  });

  it('has nothing to say about one event, none, or events in different time zones that do not overlap', () => {
    expect(findClashes([]).size).toBe(0);
    expect(findClashes([ev('a', '10:00', 60)]).size).toBe(0);
    // 10:00 Moscow is 07:00 UTC; 07:30 UTC written with Z starts within it.
    const c = findClashes([ev('msk', '10:00', 60), { id: 'utc', start: '2026-04-14T07:30:00Z', duration: 15 }, { id: 'late', start: '2026-04-14T08:00:00Z', duration: 15 }]);
    expect(c.get('msk')?.with).toEqual(['utc']);
    expect(c.has('late')).toBe(false);
  });

  it('says which clashing events can be watched later as a recording', () => {
    const recorded = ev('rec', '10:00', 60, { recording: { media: { kind: 'file', url: 'video/talk.mp4' }, delayMinutes: 0 } });
    const stage = ev('stage', '10:15', 30, { source: { kind: 'stage', stage: 'hall-a' } });
    const live = ev('live', '10:20', 30, { source: { kind: 'embed', url: 'https://example.org/player' } });
    const c = findClashes([recorded, stage, live]);
    expect([c.get('rec')?.recordable, c.get('stage')?.recordable, c.get('live')?.recordable]).toEqual([true, true, false]);
    expect(willBeRecorded(live)).toBe(false);
  });
});
