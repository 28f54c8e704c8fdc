// UI strings of the exhibitor content's English (the cabinet's language tabs) in both
// languages; ru.ts and en.ts spread them in.
export const contentLangRu = {
  'cabinet.lang.label': 'Язык текстов стенда',
  'cabinet.lang.ru': 'Русский',
  'cabinet.lang.en': 'English',
  'cabinet.lang.enIntro': 'Английский текст необязателен. Где его нет, посетители с английским интерфейсом увидят русский текст. Файлы, цены и даты общие для обоих языков.',
  'cabinet.lang.original': 'По-русски: {text}',
  'cabinet.lang.originalEmpty': 'По-русски пока пусто.',
} as const;

export const contentLangEn: Record<keyof typeof contentLangRu, string> = {
  'cabinet.lang.label': 'Language of the stand texts',
  'cabinet.lang.ru': 'Русский',
  'cabinet.lang.en': 'English',
  'cabinet.lang.enIntro': 'English text is optional. Where there is none, visitors using the English interface see the Russian text. Files, prices and dates are shared by both languages.',
  'cabinet.lang.original': 'In Russian: {text}',
  'cabinet.lang.originalEmpty': 'The Russian text is empty so far.',
};
