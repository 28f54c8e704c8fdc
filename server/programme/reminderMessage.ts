// The reminder e-mail for one starred programme event: subject, plain text and HTML. Pure (no
// transport, no clock), so the wording can be checked without sending. Russian first, as the
// fair speaks it, with the English title when the event has one.
import type { ProgrammeEvent } from '../../shared/programme/schema.ts';
import { escapeHtml } from '../mail/materialsMessage.ts';
import type { NoticeMail } from '../mail/types.ts';

export interface ReminderMailInput {
  to: string;
  event: ProgrammeEvent;
  clusterTitle: string;
  /** The fair's time zone: times are written in it, and named. */
  timeZone: string;
  minutesBefore: number;
  eventUrl: string;
  myProgrammeUrl: string;
}

function timeIn(iso: string, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function composeReminderMail(m: ReminderMailInput): NoticeMail {
  const title = m.event.title.ru;
  const when = timeIn(m.event.start, m.timeZone, 'ru-RU');
  const subject = `Напоминание: «${title}» — ${when}`.replace(/[\r\n\t]+/g, ' ');
  const text = [
    `Через ${m.minutesBefore} мин начнётся событие из вашей программы:`,
    '',
    title,
    ...(m.event.title.en ? [m.event.title.en] : []),
    `${m.clusterTitle} · ${when} (${m.timeZone})`,
    '',
    `Смотреть: ${m.eventUrl}`,
    '',
    `Моя программа и настройки напоминаний: ${m.myProgrammeUrl}`,
    'Чтобы больше не получать напоминания, удалите адрес на этой странице.',
  ].join('\n');
  const html = [
    `<p>Через ${m.minutesBefore} мин начнётся событие из вашей программы:</p>`,
    `<p><strong>${escapeHtml(title)}</strong>${m.event.title.en ? `<br><span lang="en">${escapeHtml(m.event.title.en)}</span>` : ''}<br>`,
    `${escapeHtml(m.clusterTitle)} · ${escapeHtml(when)} (${escapeHtml(m.timeZone)})</p>`,
    `<p><a href="${escapeHtml(m.eventUrl)}">Смотреть</a></p>`,
    `<p style="color:#5b6b7a">Моя программа и настройки напоминаний: <a href="${escapeHtml(m.myProgrammeUrl)}">${escapeHtml(m.myProgrammeUrl)}</a>. `,
    'Чтобы больше не получать напоминания, удалите адрес на этой странице.</p>',
  ].join('\n');
  return { to: { address: m.to }, subject, text, html, headers: { 'X-Expo-Reminder': m.event.id } };
}
