// Leads as a CSV file that Excel opens with Cyrillic intact: UTF-8 with a byte-order mark,
// CRLF line ends and ";" between fields (Excel in a Russian locale splits on ";", and reads
// the file as UTF-8 only when the BOM is there). Fields are quoted whenever they hold the
// separator, a quote or a line break; a leading = + - @ is defused so no cell runs a formula.
import type { Lead } from '../../shared/leads.ts';

export const CSV_SEPARATOR = ';';

const STATUS_RU: Record<Lead['status'], string> = { new: 'новая', called: 'звонок сделан', done: 'готово' };
const KIND_RU: Record<Lead['kind'], string> = { callback: 'обратный звонок', card: 'визитка' };
const MAIL_RU: Record<NonNullable<Lead['mail']>['status'], string> = {
  queued: 'в очереди',
  sent: 'отправлено',
  outbox: 'в папке исходящих',
  failed: 'не доставлено',
};

export function csvCell(value: string): string {
  // Spreadsheet formula injection: a cell starting with these would be evaluated.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const COLUMNS: [string, (l: Lead) => string][] = [
  ['Дата (UTC)', (l) => l.createdAt.slice(0, 19).replace('T', ' ')],
  ['Тип', (l) => KIND_RU[l.kind]],
  ['Статус', (l) => STATUS_RU[l.status]],
  ['Имя', (l) => l.callback?.name ?? l.card?.name ?? ''],
  ['Телефон', (l) => l.callback?.phone ?? l.card?.phone ?? ''],
  ['E-mail', (l) => l.card?.email ?? ''],
  ['Организация', (l) => l.card?.organisation ?? ''],
  ['Должность', (l) => l.card?.position ?? ''],
  ['Удобное время', (l) => l.callback?.preferredTime ?? ''],
  ['Вопрос', (l) => l.callback?.question ?? ''],
  ['Стенд', (l) => l.standId ?? ''],
  ['Письмо с материалами', (l) => (l.mail ? MAIL_RU[l.mail.status] : '')],
  ['Заметка', (l) => l.note],
  ['ID', (l) => l.id],
];

export function leadsCsv(leads: Lead[]): string {
  const rows = [COLUMNS.map(([title]) => title), ...leads.map((l) => COLUMNS.map(([, get]) => get(l)))];
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}
