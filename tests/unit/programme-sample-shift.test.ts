// The sample programme moves so that its "as of" instant is now; a real one never moves.
import { describe, expect, it } from 'vitest';
import { eventState } from '../../shared/programme/state.ts';
import { isoInOffsetOf, sampleProgrammeShiftMs, shiftProgramme } from '../../shared/programme/sampleShift.ts';
import type { Programme, ProgrammeEvent } from '../../shared/programme/schema.ts';

const AS_OF = '2026-04-15T12:10:00+03:00';
const ev = (id: string, start: string): ProgrammeEvent =>
  ({ id, title: { ru: id }, start, duration: 60, format: 'lecture', language: 'ru', cluster: 'c', stage: 'main', tags: [], speakers: [] }) as ProgrammeEvent;
const programme: Programme = {
  meta: { version: 1, title: { ru: 'x' }, timeZone: 'Europe/Moscow', sampleAsOf: AS_OF },
  clusters: [],
  speakers: [],
  events: [ev('before', '2026-04-15T10:00:00+03:00'), ev('now', '2026-04-15T12:00:00+03:00'), ev('after', '2026-04-15T14:00:00+03:00')],
};

describe('sample programme shift', () => {
  it('is zero when the clock already reads the sample instant (FAIR_CLOCK_START), within a quarter-hour', () => {
    expect(sampleProgrammeShiftMs(AS_OF, Date.parse(AS_OF))).toBe(0);
    expect(sampleProgrammeShiftMs(AS_OF, Date.parse(AS_OF) + 14 * 60_000)).toBe(0);
  });

  it('moves by whole half-hours, so a :00 start stays on :00 or :30, and keeps each start’s offset', () => {
    const now = Date.parse('2026-12-02T01:04:00Z');
    const shift = sampleProgrammeShiftMs(AS_OF, now);
    expect(shift % (30 * 60_000)).toBe(0);
    const moved = shiftProgramme(programme, shift);
    for (const e of moved.events) expect(e.start).toMatch(/T\d{2}:(00|30):00\+03:00$/);
    // Seen from now: one ended, one live, one ahead, whatever the real date.
    const states = moved.events.map((e) => eventState(e, now, null));
    expect(states[0]).not.toBe('upcoming');
    expect(states[1]).toBe('live');
    expect(states[2]).toBe('upcoming');
    // Nothing but the starts changes.
    expect(moved.events.map((e) => e.duration)).toEqual([60, 60, 60]);
    expect(moved.meta).toBe(programme.meta);
  });

  it('writes an instant in the offset of the original', () => {
    expect(isoInOffsetOf(Date.parse('2026-04-15T09:00:00Z'), '2026-01-01T00:00:00+03:00')).toBe('2026-04-15T12:00:00+03:00');
    expect(isoInOffsetOf(Date.parse('2026-04-15T09:00:00Z'), '2026-01-01T00:00:00-05:30')).toBe('2026-04-15T03:30:00-05:30');
    expect(isoInOffsetOf(Date.parse('2026-04-15T09:00:00Z'), '2026-01-01T00:00:00Z')).toBe('2026-04-15T09:00:00Z');
  });

  it('refuses a broken instant or clock reading', () => {
    expect(() => sampleProgrammeShiftMs('soon', 0)).toThrow(/sampleAsOf/);
    expect(() => sampleProgrammeShiftMs(AS_OF, Number.NaN)).toThrow(/now/);
  });
});
