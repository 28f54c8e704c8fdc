// How the stand page writes sizes, prices, file types and webinar times, in both languages
// and in visitors' time zones.
import { describe, expect, it } from 'vitest';
import type { Webinar } from '../../shared/standContent.ts';
import {
  fileTypeLabel,
  formatSize,
  priceLabel,
  priceText,
  swipeDirection,
  webinarSchedule,
  webinarTime,
  wrapIndex,
  zoneCity,
  zoneOffsetLabel,
} from '../../client/src/ui/stand/format.ts';

// Intl separates groups and units with no-break spaces; tests read better with plain ones.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatSize', () => {
  it('writes bytes, kilobytes and megabytes the Russian way', () => {
    expect(plain(formatSize(0, 'ru'))).toBe('0 Б');
    expect(plain(formatSize(900, 'ru'))).toBe('900 Б');
    expect(plain(formatSize(48_751, 'ru'))).toBe('48 КБ');
    expect(plain(formatSize(1_258_291, 'ru'))).toBe('1,2 МБ');
    expect(plain(formatSize(5 * 1024 ** 3, 'ru'))).toBe('5 ГБ');
  });
  it('and the English way', () => {
    expect(plain(formatSize(1_258_291, 'en'))).toBe('1.2 MB');
    expect(plain(formatSize(3 * 1024, 'en'))).toBe('3 KB');
  });
  it('keeps one decimal only below ten units', () => {
    expect(plain(formatSize(9.5 * 1024 * 1024, 'ru'))).toBe('9,5 МБ');
    expect(plain(formatSize(12.5 * 1024 * 1024, 'ru'))).toBe('13 МБ');
  });
});

describe('prices', () => {
  const t = (key: string) => `<${key}>`;
  it('formats roubles with the sign and grouped thousands', () => {
    expect(priceLabel(4900, 'ru')).toEqual({ kind: 'price', text: expect.any(String) });
    expect(plain(priceText(4900, 'ru', t as never))).toBe('4 900 ₽');
    expect(plain(priceText(329_000, 'ru', t as never))).toBe('329 000 ₽');
    expect(priceText(4900, 'en', t as never)).toBe('₽4,900');
  });
  it('says "on request" without a price and "free" for zero', () => {
    expect(priceText(undefined, 'ru', t as never)).toBe('<stand.priceOnRequest>');
    expect(priceText(0, 'ru', t as never)).toBe('<stand.priceFree>');
  });
});

describe('fileTypeLabel', () => {
  it('names common document types', () => {
    expect(fileTypeLabel('application/pdf', 'assets/materials/a.pdf')).toBe('PDF');
    expect(fileTypeLabel('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'uploads/x.pptx')).toBe('PPTX');
    expect(fileTypeLabel('Application/PDF; charset=binary', 'x')).toBe('PDF');
  });
  it('falls back to the extension, then to FILE', () => {
    expect(fileTypeLabel('application/octet-stream', 'uploads/price.odg')).toBe('ODG');
    expect(fileTypeLabel('', 'uploads/noext')).toBe('FILE');
  });
});

describe('webinar times', () => {
  const w: Webinar = {
    id: 'w1',
    kind: 'webinar',
    title: 'Новые учебники',
    speaker: 'Анна Смирнова, методист',
    start: '2026-11-27T14:00:00+03:00',
    durationMin: 90,
    link: 'https://webinar.example.ru/room/x',
  };

  it('shows the Moscow start in Moscow', () => {
    const t = webinarTime(w, 'ru', 'Europe/Moscow');
    expect(t.time).toBe('14:00–15:30');
    expect(t.day).toBe('пятница, 27 ноября');
    expect(t.dayKey).toBe('2026-11-27');
    expect(t.iso).toBe('2026-11-27T11:00:00.000Z');
  });

  it('moves to the visitor’s zone, across midnight too', () => {
    expect(webinarTime(w, 'ru', 'Asia/Vladivostok').time).toBe('21:00–22:30');
    const late = webinarTime({ ...w, start: '2026-11-27T18:00:00+03:00' }, 'en', 'Asia/Vladivostok');
    expect(late.time).toBe('01:00–02:30');
    expect(late.day).toBe('Saturday, November 28');
    expect(webinarTime(w, 'en', 'America/New_York').time).toBe('06:00–07:30');
  });

  it('names the zone and its offset', () => {
    expect(zoneOffsetLabel('Europe/Moscow', Date.parse(w.start), 'ru')).toBe('GMT+3');
    expect(zoneOffsetLabel('Asia/Kolkata', Date.parse(w.start), 'en')).toBe('GMT+5:30');
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneCity('UTC')).toBe('UTC');
  });

  it('groups the schedule by day in order, each with its status', () => {
    const list: Webinar[] = [
      { ...w, id: 'c', start: '2026-11-28T10:00:00+03:00' },
      { ...w, id: 'a', start: '2026-11-27T10:00:00+03:00', recording: 'https://video.example.ru/a' },
      { ...w, id: 'b', start: '2026-11-27T12:00:00+03:00' },
    ];
    const now = Date.parse('2026-11-27T12:30:00+03:00');
    const days = webinarSchedule(list, now, 'ru', 'Europe/Moscow');
    expect(days.map((d) => d.dayKey)).toEqual(['2026-11-27', '2026-11-28']);
    expect(days[0]!.items.map((i) => [i.webinar.id, i.status])).toEqual([
      ['a', 'recorded'],
      ['b', 'live'],
    ]);
    expect(days[1]!.items.map((i) => i.status)).toEqual(['upcoming']);
  });
});

describe('lightbox navigation', () => {
  it('wraps around both ends', () => {
    expect(wrapIndex(8, 8)).toBe(0);
    expect(wrapIndex(-1, 8)).toBe(7);
    expect(wrapIndex(3, 8)).toBe(3);
    expect(wrapIndex(5, 0)).toBe(0);
  });
  it('reads a swipe left as next, right as previous, and ignores taps and vertical drags', () => {
    expect(swipeDirection(-120, 10)).toBe(1);
    expect(swipeDirection(120, -5)).toBe(-1);
    expect(swipeDirection(20, 0)).toBe(0);
    expect(swipeDirection(-80, 200)).toBe(0);
  });
});
