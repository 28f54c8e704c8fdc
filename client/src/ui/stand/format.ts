// How the stand page writes sizes, prices, file types and webinar times. Pure functions of
// their inputs (language and time zone included), so tests pin them down.
import type { Lang } from '../../../../shared/text.ts';
import type { Translate } from '../../i18n/index.ts';
import { type Webinar, type WebinarStatus, webinarStatus } from '../../../../shared/standContent.ts';

const SIZE_UNITS: Record<Lang, string[]> = {
  ru: ['Б', 'КБ', 'МБ', 'ГБ'],
  en: ['B', 'KB', 'MB', 'GB'],
};

/** "1,2 МБ" / "1.2 MB": one decimal below 10 units, none above. */
export function formatSize(bytes: number, lang: Lang): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS[lang].length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
  return `${number}\u00a0${SIZE_UNITS[lang][unit]}`;
}

/** "4 900 ₽" in Russian, "₽4,900" in English: whole roubles. */
export function formatRoubles(price: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'RUB', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(price);
}

export type PriceLabel = { kind: 'onRequest' } | { kind: 'free' } | { kind: 'price'; text: string };

export function priceLabel(price: number | undefined, lang: Lang): PriceLabel {
  if (price === undefined) return { kind: 'onRequest' };
  if (price === 0) return { kind: 'free' };
  return { kind: 'price', text: formatRoubles(price, lang) };
}

/** The price as the visitor reads it: "4 900 ₽", "Бесплатно" or "Цена по запросу". */
export function priceText(price: number | undefined, lang: Lang, t: Translate): string {
  const label = priceLabel(price, lang);
  switch (label.kind) {
    case 'onRequest':
      return t('stand.priceOnRequest');
    case 'free':
      return t('stand.priceFree');
    case 'price':
      return label.text;
  }
}

const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-powerpoint': 'PPT',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.presentation': 'ODP',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/zip': 'ZIP',
  'text/plain': 'TXT',
  'text/csv': 'CSV',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/webp': 'WEBP',
  'video/mp4': 'MP4',
  'video/webm': 'WEBM',
};

/** A short type badge ("PDF", "DOCX") from the MIME type, else the file's extension. */
export function fileTypeLabel(mime: string, file: string): string {
  const known = TYPE_LABELS[mime.split(';')[0]!.trim().toLowerCase()];
  if (known) return known;
  const ext = /\.([a-z0-9]{1,5})$/i.exec(file)?.[1];
  return ext ? ext.toUpperCase() : 'FILE';
}

/** The visitor's time zone, as the browser reports it. */
export function visitorTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** "GMT+3" for a zone at a moment (offsets change with daylight saving). */
export function zoneOffsetLabel(timeZone: string, at: number, lang: Lang): string {
  const parts = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** "Europe/Moscow" → "Moscow"; "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

export interface WebinarTime {
  /** Calendar day in the zone, used to group the schedule: "2026-11-25". */
  dayKey: string;
  /** "среда, 25 ноября" / "Wednesday, 25 November". */
  day: string;
  /** "14:00–15:30". */
  time: string;
  /** Machine-readable start for <time dateTime>. */
  iso: string;
}

export function webinarTime(w: Pick<Webinar, 'start' | 'durationMin'>, lang: Lang, timeZone: string): WebinarTime {
  const start = Date.parse(w.start);
  const end = start + w.durationMin * 60_000;
  const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(start);
  const day = new Intl.DateTimeFormat(lang, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(start);
  const clock = new Intl.DateTimeFormat(lang, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return { dayKey, day, time: `${clock.format(start)}–${clock.format(end)}`, iso: new Date(start).toISOString() };
}

export interface WebinarDay {
  dayKey: string;
  day: string;
  items: { webinar: Webinar; time: WebinarTime; status: WebinarStatus }[];
}

/** The schedule by day in the visitor's zone, earliest first, each with its status at `now`. */
export function webinarSchedule(webinars: readonly Webinar[], now: number, lang: Lang, timeZone: string): WebinarDay[] {
  const days = new Map<string, WebinarDay>();
  const sorted = [...webinars].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const webinar of sorted) {
    const time = webinarTime(webinar, lang, timeZone);
    let day = days.get(time.dayKey);
    if (!day) {
      day = { dayKey: time.dayKey, day: time.day, items: [] };
      days.set(time.dayKey, day);
    }
    day.items.push({ webinar, time, status: webinarStatus(webinar, now) });
  }
  return [...days.values()];
}

/** Wraps an index into [0, length): the lightbox goes round from the last picture to the first. */
export function wrapIndex(index: number, length: number): number {
  return length <= 0 ? 0 : ((index % length) + length) % length;
}

/** What a horizontal swipe means: -1 previous, 1 next, 0 a tap or a mostly vertical drag. */
export function swipeDirection(dx: number, dy: number, threshold = 50): -1 | 0 | 1 {
  if (Math.abs(dx) < threshold || Math.abs(dx) < Math.abs(dy) * 1.5) return 0;
  return dx < 0 ? 1 : -1;
}
