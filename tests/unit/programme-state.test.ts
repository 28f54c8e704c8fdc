// One pure function decides every event state; the fair clock shifts real time by a setting.
import { describe, expect, it } from 'vitest';
import { fairClockOffsetFrom } from '../../server/programme/fairClock.ts';
import { fairClock, parseClockOffset } from '../../shared/programme/clock.ts';
import { eventState, nextStateChange, recordingOf } from '../../shared/programme/state.ts';
import { eventView } from '../../shared/programme/views.ts';
import type { ProgrammeEvent } from '../../shared/programme/schema.ts';

const EVENT: ProgrammeEvent = {
  id: 'e1',
  title: { ru: 'Событие' },
  start: '2026-04-14T10:00:00+03:00',
  duration: 45,
  format: 'lecture',
  language: 'ru',
  cluster: 'c',
  stage: 'main',
  tags: [],
  speakers: [],
  recording: { media: { kind: 'file', url: 'video/x.webm' }, delayMinutes: 10 },
};
const START = Date.parse('2026-04-14T07:00:00Z');
const MIN = 60_000;

describe('eventState', () => {
  const rec = recordingOf(EVENT);

  it('is upcoming before the start, live from the start to the end (exclusive)', () => {
    expect(eventState(EVENT, START - 1, rec)).toBe('upcoming');
    expect(eventState(EVENT, START, rec)).toBe('live');
    expect(eventState(EVENT, START + 45 * MIN - 1, rec)).toBe('live');
    expect(eventState(EVENT, START + 45 * MIN, rec)).toBe('ended');
  });

  it('turns recording-ready when the recording is published, and stays ended without one', () => {
    expect(rec).toEqual({ readyAt: START + 55 * MIN });
    expect(eventState(EVENT, START + 55 * MIN - 1, rec)).toBe('ended');
    expect(eventState(EVENT, START + 55 * MIN, rec)).toBe('recording-ready');
    expect(eventState(EVENT, START + 1000 * MIN, null)).toBe('ended');
    // A recording "ready" before the event ends (a pre-recorded talk) does not skip "live".
    expect(eventState(EVENT, START + 10 * MIN, { readyAt: START })).toBe('live');
  });

  it('names the next change, and the view carries end and state at the offset written', () => {
    expect(nextStateChange(EVENT, START - 5, rec)).toBe(START);
    expect(nextStateChange(EVENT, START + 50 * MIN, rec)).toBe(START + 55 * MIN);
    expect(nextStateChange(EVENT, START + 60 * MIN, rec)).toBeNull();
    const v = eventView(EVENT, START + 50 * MIN);
    expect(v).toMatchObject({ end: '2026-04-14T10:45:00+03:00', state: 'ended', recordingReadyAt: '2026-04-14T10:55:00+03:00' });
  });
});

describe('the fair clock', () => {
  it('is real time by default and shifted by FAIR_CLOCK_OFFSET or FAIR_CLOCK_START', () => {
    const real = 1_000_000_000_000;
    expect(fairClockOffsetFrom({}, real)).toBe(0);
    expect(fairClockOffsetFrom({ FAIR_CLOCK_OFFSET: '-2d3h' }, real)).toBe(-(2 * 24 + 3) * 3_600_000);
    const offset = fairClockOffsetFrom({ FAIR_CLOCK_START: '2026-04-15T12:10:00+03:00' }, real);
    const clock = fairClock(offset, () => real);
    expect(new Date(clock.now()).toISOString()).toBe('2026-04-15T09:10:00.000Z');
    expect(fairClock(offset, () => real + 5000).now() - clock.now()).toBe(5000);
  });

  it('refuses settings it cannot read, with a sentence', () => {
    expect(parseClockOffset('90m')).toEqual({ ok: true, ms: 90 * MIN });
    expect(parseClockOffset('-3600000')).toEqual({ ok: true, ms: -3_600_000 });
    expect(() => fairClockOffsetFrom({ FAIR_CLOCK_OFFSET: 'soon' })).toThrow(/FAIR_CLOCK_OFFSET: "soon" is not an offset/);
    expect(() => fairClockOffsetFrom({ FAIR_CLOCK_START: '2026-04-15 12:10' })).toThrow(/FAIR_CLOCK_START/);
    expect(() => fairClockOffsetFrom({ FAIR_CLOCK_START: '2026-04-15T12:10:00Z', FAIR_CLOCK_OFFSET: '1d' })).toThrow(/not both/);
  });
});
