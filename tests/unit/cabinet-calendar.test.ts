// The cabinet's calendar (client/src/ui/cabinet/date/calendar.ts) and the page-language
// formatting it shares with the rest of the cabinet (client/src/i18n/locale.ts).
import { describe, expect, it } from 'vitest';
import { dateTimeText, dayText, numberText, timeText } from '../../client/src/ui/cabinet/format.ts';
import {
  addDays,
  addMonths,
  clampDay,
  dayLong,
  dayShort,
  isDay,
  monthTitle,
  monthWeeks,
  weekdayIndex,
  weekdayNames,
} from '../../client/src/ui/cabinet/date/calendar.ts';
import { localeOf } from '../../client/src/i18n/locale.ts';

describe('calendar arithmetic', () => {
  it('knows real days only', () => {
    expect(isDay('2026-04-10')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('')).toBe(false);
    expect(isDay('10.04.2026')).toBe(false);
  });
  it('adds days across months and years, and months to the last day that exists', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });
  it('lays a month out in weeks from Monday', () => {
    // April 2026 starts on a Wednesday and has 30 days.
    const weeks = monthWeeks('2026-04-17');
    expect(weeks[0]).toEqual([null, null, '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05']);
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weekdayIndex('2026-04-13')).toBe(0);
    expect(weekdayIndex('2026-04-19')).toBe(6);
  });
  it('keeps a day within its bounds', () => {
    expect(clampDay('2026-04-01', '2026-04-05', '2026-04-09')).toBe('2026-04-05');
    expect(clampDay('2026-04-20', '2026-04-05', '2026-04-09')).toBe('2026-04-09');
    expect(clampDay('2026-04-07', undefined, undefined)).toBe('2026-04-07');
  });
});

describe('names follow the page language, not the computer', () => {
  it('months and weekdays', () => {
    expect(monthTitle('en', '2026-04-10')).toBe('April 2026');
    expect(monthTitle('ru', '2026-04-10')).toMatch(/^Апрель 2026/);
    expect(weekdayNames('en')[0]).toEqual(['Mon', 'Monday']);
    expect(weekdayNames('ru')[6]![1]).toBe('воскресенье');
    expect(dayShort('en', '2026-04-10')).toBe('10 Apr 2026');
    // ICU versions differ on the comma after the weekday.
    expect(dayLong('en', '2026-04-10')).toMatch(/^Friday,? 10 April 2026$/);
    expect(dayShort('ru', '2026-04-10')).toMatch(/^10 апр\. 2026/);
  });
  it('dates, times and numbers of the cabinet', () => {
    expect(localeOf('en')).toBe('en-GB');
    expect(numberText('en', 12345)).toBe('12,345');
    expect(numberText('ru', 12345)).toBe('12\u00a0345');
    expect(dayText('en', '2026-04-10')).toBe('10 Apr');
    expect(timeText('en', new Date(2026, 3, 10, 9, 5, 7).getTime())).toBe('09:05:07');
    expect(dateTimeText('en', 'not a date')).toBe('not a date');
  });
});
