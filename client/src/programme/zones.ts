// Times of the programme in the zone the visitor chose (their own by default, or the fair's),
// with the zone named. Intl formatters are slow to build, so each is built once and reused.
import type { Lang } from '../../../shared/text.ts';
import { localeOf } from '../i18n/locale.ts';

/** The browser's own time zone; "UTC" where Intl does not say. */
export function visitorZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(lang: Lang, timeZone: string, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(lang), { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

/** "YYYY-MM-DD" of the instant in the zone: the schedule's day key. */
export function dayKeyOf(ms: number, timeZone: string): string {
  const parts = fmt('en', timeZone, 'key', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "10:00" */
export function timeOf(ms: number, lang: Lang, timeZone: string): string {
  return fmt(lang, timeZone, 'time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** Minutes since the day's midnight in the zone (for the timeline's columns). */
export function minuteOfDay(ms: number, timeZone: string): number {
  const parts = fmt('en', timeZone, 'hm', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(ms);
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return n('hour') * 60 + n('minute');
}

/** "среда, 15 апреля" of a day key (noon UTC of that date never crosses into another date). */
export function dayLabel(dayKey: string, lang: Lang): string {
  const at = Date.parse(`${dayKey}T12:00:00Z`);
  return fmt(lang, 'UTC', 'day', { weekday: 'long', day: 'numeric', month: 'long' }).format(at);
}

/** "ср, 15 апр." of a day key: the day tabs. */
export function dayShort(dayKey: string, lang: Lang): string {
  const at = Date.parse(`${dayKey}T12:00:00Z`);
  return fmt(lang, 'UTC', 'dayShort', { weekday: 'short', day: 'numeric', month: 'short' }).format(at);
}

/** "15 апреля 2026, 10:00" */
export function dateTimeOf(ms: number, lang: Lang, timeZone: string): string {
  return fmt(lang, timeZone, 'dateTime', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** "среда, 15 апреля 2026" */
export function longDateOf(ms: number, lang: Lang, timeZone: string): string {
  return fmt(lang, timeZone, 'longDate', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(ms);
}

/** The zone named for people: "Екатеринбург, стандартное время (GMT+5)". */
export function zoneName(timeZone: string, lang: Lang, at: number): string {
  const part = (style: 'long' | 'shortOffset') =>
    fmt(lang, timeZone, `zone-${style}`, { timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
  const long = part('long');
  const offset = part('shortOffset');
  if (long && offset && long !== offset) return `${long} (${offset})`;
  return long ?? offset ?? timeZone;
}

const languageNames = new Map<string, string>();

/** A language code's name in the interface language ("русский", "English"). */
export function languageName(code: string, lang: Lang): string {
  const key = `${lang}|${code}`;
  let name = languageNames.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
    } catch {
      name = code;
    }
    languageNames.set(key, name);
  }
  return name;
}
