// UI strings of the cabinet's date fields (a calendar in the page's language) in both
// languages; ru.ts and en.ts spread them in.
export const datesRu = {
  'date.any': 'Любая дата',
  'date.open': '{label}: {value}. Открыть календарь',
  'date.dialog': 'Календарь: {label}',
  'date.prev': 'Предыдущий месяц',
  'date.next': 'Следующий месяц',
  'date.clear': 'Сбросить дату',
  'date.clearLabel': 'Сбросить: {label}',
  'date.close': 'Закрыть календарь',
  'date.keys': 'Стрелки — по дням, Page Up и Page Down — по месяцам, Enter — выбрать, Escape — закрыть.',
} as const;

export const datesEn: Record<keyof typeof datesRu, string> = {
  'date.any': 'Any date',
  'date.open': '{label}: {value}. Open the calendar',
  'date.dialog': 'Calendar: {label}',
  'date.prev': 'Previous month',
  'date.next': 'Next month',
  'date.clear': 'Clear the date',
  'date.clearLabel': 'Clear: {label}',
  'date.close': 'Close the calendar',
  'date.keys': 'Arrows move by day, Page Up and Page Down by month, Enter chooses, Escape closes.',
};
