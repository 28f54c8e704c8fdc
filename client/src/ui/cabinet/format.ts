// How the cabinet (and the organisers' console) writes dates, sizes and media addresses: always
// in the page's language through i18n/locale.ts, never the browser's locale.
import { API } from '../../../../shared/api.ts';
import type { Lang } from '../../../../shared/text.ts';
import { dateFormat, numberFormat } from '../../i18n/locale.ts';

export function dateTimeText(lang: Lang, iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return dateFormat(lang, { dateStyle: 'short', timeStyle: 'short' }).format(at);
}

/** "14:05:09": a clock time of a moment (ms or ISO). */
export function timeText(lang: Lang, at: number | string): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(ms)) return String(at);
  return dateFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** "Wednesday, 25 November 2026, 14:00" / "среда, 25 ноября 2026 г., 14:00": a moment in full. */
export function longDateTimeText(lang: Lang, at: number): string {
  return dateFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** "2025-04-10" (UTC day of the analytics) as "10 апр." / "10 Apr". */
export function dayText(lang: Lang, day: string, withWeekday = false): string {
  const at = Date.parse(`${day}T12:00:00Z`);
  if (Number.isNaN(at)) return day;
  return dateFormat(lang, { day: 'numeric', month: 'short', weekday: withWeekday ? 'short' : undefined, timeZone: 'UTC' }).format(at);
}

export function numberText(lang: Lang, n: number): string {
  return numberFormat(lang).format(n);
}

const UNITS: Record<Lang, [string, string, string]> = { ru: ['Б', 'КБ', 'МБ'], en: ['B', 'KB', 'MB'] };

export function fileSizeText(lang: Lang, bytes: number): string {
  const [b, kb, mb] = UNITS[lang];
  const fmt = (n: number) => numberFormat(lang, { maximumFractionDigits: 1 }).format(n);
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
