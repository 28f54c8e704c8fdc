// The pure rules of "staff online / away / offline" (shared/staffPresence.ts).
import { describe, expect, it } from 'vitest';
import { STAFF_AWAY_AFTER_MS, activeStaff, pageAway, staffOnDuty, staffState } from '../../shared/staffPresence.ts';

const conn = (accountId: string, name: string, away: boolean, own = true) => ({ accountId, name, own, away });

describe('staffOnDuty', () => {
  it('lists own people once each, by name, away only when every page of theirs is', () => {
    const staff = staffOnDuty([conn('b', 'Борис', true), conn('a', 'Анна', true), conn('a', 'Анна', false), conn('m', 'Модератор', false, false)]);
    expect(staff).toEqual([{ name: 'Анна' }, { name: 'Борис', away: true }]);
    expect(staffState(staff)).toBe('online');
    expect(activeStaff(staff)).toEqual(['Анна']);
  });

  it('is away when everyone is away, offline with nobody (moderators do not count)', () => {
    const away = staffOnDuty([conn('a', 'Анна', true), conn('a', 'Анна', true)]);
    expect(away).toEqual([{ name: 'Анна', away: true }]);
    expect(staffState(away)).toBe('away');
    expect(activeStaff(away)).toEqual([]);
    const none = staffOnDuty([conn('m', 'Модератор', false, false)]);
    expect(none).toEqual([]);
    expect(staffState(none)).toBe('offline');
  });
});

describe('pageAway', () => {
  it('is away when hidden, or after the quiet time without input', () => {
    expect(pageAway(false, 1000, 1000 + STAFF_AWAY_AFTER_MS - 1)).toBe(false);
    expect(pageAway(false, 1000, 1000 + STAFF_AWAY_AFTER_MS)).toBe(true);
    expect(pageAway(true, 1000, 1000)).toBe(true);
    expect(pageAway(false, 0, 50, 40)).toBe(true);
  });
});
