// Calendar arithmetic for the cabinet's date fields, on plain "YYYY-MM-DD" days (a local
// calendar day, no time and no zone: the lead filters compare local days). Pure; the names of
// months and weekdays come from the page language through i18n/locale.ts.
import type { Lang } from '../../../../../shared/text.ts';
import { dateFormat } from '../../../i18n/locale.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** Days are computed at UTC noon: no zone or daylight-saving change can move them. */
function ms(day: string): number {
  const m = DAY.exec(day);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
}

function dayOf(at: number): string {
  const d = new Date(at);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function isDay(value: string): boolean {
  const at = ms(value);
  return !Number.isNaN(at) && dayOf(at) === value;
}

/** The local calendar day of a moment, as the lead filters count it. */
export function localDay(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function addDays(day: string, n: number): string {
  return dayOf(ms(day) + n * 86_400_000);
}

/** The same day of another month, or that month's last day ("2026-01-31" + 1 → "2026-02-28"). */
export function addMonths(day: string, n: number): string {
  const d = new Date(ms(day));
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1, 12));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0, 12)).getUTCDate();
  return dayOf(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d.getUTCDate(), last), 12));
}

/** Monday 0 … Sunday 6: both languages' calendars start the week on Monday. */
export function weekdayIndex(day: string): number {
  return (new Date(ms(day)).getUTCDay() + 6) % 7;
}

/** The weeks of the month holding `day`, Monday first; cells outside the month are null. */
export function monthWeeks(day: string): (string | null)[][] {
  const d = new Date(ms(day));
  const first = dayOf(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1, 12));
  const days = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0, 12)).getUTCDate();
  const cells: (string | null)[] = Array.from({ length: weekdayIndex(first) }, () => null);
  for (let i = 0; i < days; i++) cells.push(addDays(first, i));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export function sameMonth(a: string, b: string): boolean {
  return a.slice(0, 7) === b.slice(0, 7);
}

/** Inside [min, max], either end open when empty. */
export function clampDay(day: string, min?: string, max?: string): string {
  if (min && day < min) return min;
  if (max && day > max) return max;
  return day;
}

export function inRange(day: string, min?: string, max?: string): boolean {
  return (!min || day >= min) && (!max || day <= max);
}

const UTC = { timeZone: 'UTC' } as const;

/** "April 2026" / "апрель 2026 г." */
export function monthTitle(lang: Lang, day: string): string {
  const text = dateFormat(lang, { ...UTC, month: 'long', year: 'numeric' }).format(ms(day));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Monday first: [short, long] names, e.g. ["Mon", "Monday"] / ["пн", "понедельник"]. */
export function weekdayNames(lang: Lang): [string, string][] {
  const monday = Date.UTC(2024, 0, 1, 12); // a Monday
  const short = dateFormat(lang, { ...UTC, weekday: 'short' });
  const long = dateFormat(lang, { ...UTC, weekday: 'long' });
  return Array.from({ length: 7 }, (_, i) => [short.format(monday + i * 86_400_000), long.format(monday + i * 86_400_000)]);
}

/** "10 Apr 2026" / "10 апр. 2026 г.": the field's value as shown. */
export function dayShort(lang: Lang, day: string): string {
  return dateFormat(lang, { ...UTC, day: 'numeric', month: 'short', year: 'numeric' }).format(ms(day));
}

/** "Friday, 10 April 2026": a day button's accessible name. */
export function dayLong(lang: Lang, day: string): string {
  return dateFormat(lang, { ...UTC, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(ms(day));
}
