// UI strings of light mode (the hall drawn lighter on weak computers) in both languages;
// ru.ts and en.ts spread them in.
export const lightRu = {
  'light.toggle': 'Облегчённый режим',
  'light.toggleHint': 'Проще рисунок зала: без узора пола, логотипов и анимаций. Для слабых компьютеров.',
  'light.noticeAuto': 'Компьютер рисует зал медленно: включён облегчённый режим. Стенды можно смотреть и списком.',
  'light.openList': 'Открыть список',
  'light.turnOff': 'Выключить',
  'light.dismiss': 'Понятно',
};

export const lightEn: Record<keyof typeof lightRu, string> = {
  'light.toggle': 'Light mode',
  'light.toggleHint': 'A simpler hall picture: no floor pattern, logos or animations. For weak computers.',
  'light.noticeAuto': 'This computer draws the hall slowly: light mode is on. The stands can be browsed as a list too.',
  'light.openList': 'Open the list',
  'light.turnOff': 'Turn off',
  'light.dismiss': 'Got it',
};
