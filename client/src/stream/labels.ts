// The player's few words in the fair's two languages (kept beside the player, which other
// pages embed without loading their dictionaries).
export type PlayerLang = 'ru' | 'en';

const WORDS = {
  ru: {
    live: 'В эфире',
    recording: 'Запись',
    play: 'Смотреть',
    pause: 'Пауза',
    toLive: 'К прямому эфиру',
    mute: 'Выключить звук',
    unmute: 'Включить звук',
    position: 'Позиция',
    quality: 'Качество',
    auto: 'Авто',
    captions: 'Субтитры',
    off: 'Выкл.',
    waiting: 'Трансляция ещё не началась',
    error: 'Видео не загрузилось',
    behind: 'отставание',
  },
  en: {
    live: 'Live',
    recording: 'Recording',
    play: 'Play',
    pause: 'Pause',
    toLive: 'Go to live',
    mute: 'Mute',
    unmute: 'Unmute',
    position: 'Position',
    quality: 'Quality',
    auto: 'Auto',
    captions: 'Captions',
    off: 'Off',
    waiting: 'The broadcast has not started yet',
    error: 'The video did not load',
    behind: 'behind',
  },
} as const;

export type PlayerWord = keyof (typeof WORDS)['ru'];

export function word(lang: PlayerLang, key: PlayerWord): string {
  return WORDS[lang][key];
}
