// How the cabinet writes dates, sizes and media addresses.
import { API } from '../../../../shared/api.ts';
import type { Lang } from '../../../../shared/text.ts';

const LOCALES: Record<Lang, string> = { ru: 'ru-RU', en: 'en-GB' };

export function dateTimeText(lang: Lang, iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeStyle: 'short' }).format(at);
}

/** "2025-04-10" (UTC day of the analytics) as "10 апр." / "10 Apr". */
export function dayText(lang: Lang, day: string, withWeekday = false): string {
  const at = Date.parse(`${day}T12:00:00Z`);
  if (Number.isNaN(at)) return day;
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'short', weekday: withWeekday ? 'short' : undefined, timeZone: 'UTC' }).format(at);
}

export function numberText(lang: Lang, n: number): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

const UNITS: Record<Lang, [string, string, string]> = { ru: ['Б', 'КБ', 'МБ'], en: ['B', 'KB', 'MB'] };

export function fileSizeText(lang: Lang, bytes: number): string {
  const [b, kb, mb] = UNITS[lang];
  const fmt = (n: number) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(n);
  if (bytes >= 1024 * 1024) return `${fmt(bytes / 1024 / 1024)} ${mb}`;
  if (bytes >= 1024) return `${fmt(bytes / 1024)} ${kb}`;
  return `${bytes} ${b}`;
}

/** A stand's media path ("assets/..." or "uploads/...") as an address on this server. */
export function mediaUrl(path: string): string {
  return `/${path}`;
}

/** Logos are sample assets ("logos/x.svg", under /assets) or uploads ("uploads/<id>/x.png"). */
export function logoUrl(logo: string): string {
  return logo.startsWith('uploads/') ? mediaUrl(logo) : `${API.assets}/${logo}`;
}

/** "PDF", "MP4": a short name for a MIME type. */
export function typeLabel(mime: string): string {
  const sub = mime.split('/')[1] ?? mime;
  return sub.replace(/^x-/, '').replace(/^vnd\..*/, 'file').toUpperCase();
}
