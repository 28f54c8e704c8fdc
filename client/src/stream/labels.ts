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
    replay: 'Чат и вопросы эфира',
    chapters: 'Отвеченные вопросы',
    answeredAt: 'ответ на',
    noChapters: 'В эфире на вопросы не отвечали',
    comments: 'Чат',
    noComments: 'Комментариев к этому моменту нет',
    questions: 'Вопросы',
    noQuestions: 'Вопросов к этому моменту нет',
    anonymous: 'Аноним',
    answered: 'Отвечен',
    votes: 'голосов',
    replayError: 'Чат эфира не загрузился',
    replayLoading: 'Загружаем чат эфира…',
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
    replay: 'Chat and questions of the broadcast',
    chapters: 'Answered questions',
    answeredAt: 'answered at',
    noChapters: 'No questions were answered on air',
    comments: 'Chat',
    noComments: 'No comments up to this moment',
    questions: 'Questions',
    noQuestions: 'No questions up to this moment',
    anonymous: 'Anonymous',
    answered: 'Answered',
    votes: 'votes',
    replayError: 'The broadcast chat did not load',
    replayLoading: 'Loading the broadcast chat…',
  },
} as const;

export type PlayerWord = keyof (typeof WORDS)['ru'];

export function word(lang: PlayerLang, key: PlayerWord): string {
  return WORDS[lang][key];
}

const WATCHING: Record<PlayerLang, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }> = {
  ru: { one: '{n} зритель сейчас', few: '{n} зрителя сейчас', many: '{n} зрителей сейчас', other: '{n} зрителя сейчас' },
  en: { one: '{n} watching now', other: '{n} watching now' },
};

/** "123 зрителя сейчас" / "123 watching now": the live viewer count under the player. */
export function watchingLabel(lang: PlayerLang, n: number): string {
  const forms = WATCHING[lang];
  return (forms[new Intl.PluralRules(lang).select(n)] ?? forms.other).replace('{n}', n.toLocaleString(lang));
}
