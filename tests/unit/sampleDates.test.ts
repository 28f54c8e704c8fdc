// The sample's webinars are dated around one moment that becomes "now" at first seed, so a
// demo on any day, at any hour, opens with finished, live and upcoming webinars.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLE_SEED_DIR, configFromEnv } from '../../server/config.ts';
import { sampleWebinarShift } from '../../server/fairStart.ts';
import { SAMPLE_AS_OF, sampleShiftMs, shiftWebinars } from '../../shared/sampleDates.ts';
import { StandContent, webinarStatus } from '../../shared/standContent.ts';

const seed = Object.values(JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/seed/content.json'), 'utf8')) as Record<string, unknown>).map(
  (raw) => StandContent.parse(raw),
);

describe('sample webinar dates', () => {
  // A weekday morning, a late night a year on, and the fixed days the sample was written for.
  for (const at of ['2027-03-02T09:10:00+03:00', '2028-01-15T23:47:00+05:00', '2026-11-20T12:00:00Z']) {
    it(`seeded at ${at}: finished, live and upcoming webinars at that moment`, () => {
      const now = Date.parse(at);
      const shifted = seed.map((c) => shiftWebinars(c, sampleShiftMs(now)));
      const statuses = new Set(shifted.flatMap((c) => c.webinars.map((w) => webinarStatus(w, now))));
      for (const s of ['upcoming', 'live', 'recorded'] as const) expect(statuses.has(s), s).toBe(true);
      for (const c of shifted) expect(StandContent.safeParse(c).success).toBe(true);
    });
  }

  it('moves dates by whole half-hours and changes nothing else', () => {
    const shift = sampleShiftMs(Date.parse('2027-03-02T09:10:00+03:00'));
    expect(shift % (30 * 60_000)).toBe(0);
    const one = seed.find((c) => c.webinars.length >= 2)!;
    const moved = shiftWebinars(one, shift);
    expect(moved.webinars.map((w) => Date.parse(w.start) - shift)).toEqual(one.webinars.map((w) => Date.parse(w.start)));
    expect(moved.webinars.every((w) => /T\d{2}:(00|30):00\+03:00$/.test(w.start))).toBe(true);
    expect({ ...moved, webinars: [] }).toEqual({ ...one, webinars: [] });
    expect(moved.webinars.map(({ start: _s, ...rest }) => rest)).toEqual(one.webinars.map(({ start: _s, ...rest }) => rest));
  });

  it('puts the sample moment at now, on the fair clock when one is set', () => {
    const now = Date.parse('2027-03-02T09:10:00+03:00');
    const config = configFromEnv({});
    const sample = path.join(SAMPLE_SEED_DIR, 'content.json');
    expect(Date.parse(SAMPLE_AS_OF) + sampleWebinarShift(config, sample, now)).toBe(Date.parse('2027-03-02T09:00:00+03:00'));
    const dayAhead = { ...config, fairClockOffsetMs: 86_400_000 };
    expect(sampleWebinarShift(dayAhead, sample, now) - sampleWebinarShift(config, sample, now)).toBe(86_400_000);
  });

  it("leaves an organiser's own content file as written", () => {
    expect(sampleWebinarShift(configFromEnv({}), '/srv/expo/seed/content.json', Date.now())).toBe(0);
  });

  it('refuses times that are not times', () => {
    expect(() => sampleShiftMs(Number.NaN)).toThrow(RangeError);
    expect(() => shiftWebinars(seed[0]!, 0.5)).toThrow(RangeError);
  });
});
