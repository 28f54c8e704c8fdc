// The stand page lists programme events with their times: ahead in time order, then over.
import { describe, expect, it } from 'vitest';
import { inReadingOrder } from '../../client/src/ui/stand/standProgrammeOrder.ts';

const ev = (id: string, start: string, state: 'upcoming' | 'live' | 'ended' | 'recording-ready') => ({ id, start, state });

describe('the stand page’s programme events', () => {
  it('reads as a schedule whatever order of fit the server chose', () => {
    // The order the server sent on korablik's stand (best fit first): 01:30, 03:45, 23:30, 02:45, next day 00:30.
    const fit = [
      ev('a', '2026-12-02T04:30:00+03:00', 'live'),
      ev('b', '2026-12-02T06:45:00+03:00', 'upcoming'),
      ev('c', '2026-12-03T02:30:00+03:00', 'upcoming'),
      ev('d', '2026-12-02T05:45:00+03:00', 'upcoming'),
      ev('e', '2026-12-03T03:30:00+03:00', 'upcoming'),
    ];
    expect(inReadingOrder(fit).map((e) => e.id)).toEqual(['a', 'd', 'b', 'c', 'e']);
    expect(fit.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e']); // the server's list is not changed
  });

  it('puts what is over after what is ahead, the newest first', () => {
    const list = [
      ev('old', '2026-12-01T10:00:00+03:00', 'recording-ready'),
      ev('soon', '2026-12-02T10:00:00+03:00', 'upcoming'),
      ev('new', '2026-12-01T15:00:00+03:00', 'ended'),
      ev('now', '2026-12-02T09:00:00+03:00', 'live'),
    ];
    expect(inReadingOrder(list).map((e) => e.id)).toEqual(['now', 'soon', 'new', 'old']);
  });
});
