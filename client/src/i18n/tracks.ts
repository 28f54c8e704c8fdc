// UI strings of learning tracks ("University") and of stage two (webinars beside the
// programme, programme events on a stand page), Russian first and English complete. Their own
// dictionary, as the Q&A's (i18n/qa.ts), so the feature adds no lines to the shared files;
// `{name}` is a parameter and "|" separates plural forms (ru one|few|many, en one|other).
import type { Lang } from '../../../shared/text.ts';
import { useStore } from '../store/index.ts';

export const tracksRu = {
  'tracks.nav': 'Треки роста',
  'tracks.title': 'Треки профессионального роста',
  'tracks.intro':
    'Выберите темы, которые вам важны, и свой уровень — мы соберём трек: записи прошедших событий, ближайшие события программы, вебинары и мастер-классы экспонентов и стенды по тем же темам. Отмечайте пройденное, меняйте порядок и делитесь треком ссылкой.',
  'tracks.build.title': 'Собрать новый трек',
  'tracks.build.topics': 'Темы (не больше {max})',
  'tracks.build.topicsHint': 'Выбрано: {count}',
  'tracks.build.level': 'Уровень',
  'tracks.level.beginner': 'Начинающий',
  'tracks.level.practitioner': 'Практик',
  'tracks.level.expert': 'Эксперт',
  'tracks.level.beginner.hint': 'лекции, презентации, мастер-классы',
  'tracks.level.practitioner.hint': 'практикумы, мастер-классы, дискуссии',
  'tracks.level.expert.hint': 'дискуссии, круглые столы, интервью',
  'tracks.build.name': 'Название (необязательно)',
  'tracks.build.submit': 'Собрать трек',
  'tracks.build.busy': 'Собираем…',
  'tracks.build.needTopic': 'Выберите хотя бы одну тему.',
  'tracks.mine.title': 'Мои треки',
  'tracks.mine.empty': 'Треков пока нет: соберите первый выше.',
  'tracks.mine.progress': 'пройдено {done} из {total}',
  'tracks.error': 'Не получилось: {message}',
  'tracks.loadError': 'Не удалось загрузить трек.',
  'tracks.notFound': 'Такого трека нет: возможно, владелец его удалил.',
  'tracks.back': '← Все треки',
  'tracks.level': 'Уровень: {level}',
  'tracks.topics': 'Темы: {topics}',
  'tracks.progress': 'Пройдено {done} из {total}',
  'tracks.items': 'Шаги трека',
  'tracks.empty': 'В треке ничего нет. Добавьте шаги из предложений ниже.',
  'tracks.kind.recording': 'Запись',
  'tracks.kind.event': 'Событие программы',
  'tracks.kind.webinar': 'Вебинар',
  'tracks.kind.stand': 'Стенд',
  'tracks.kind.missing': 'Больше недоступно',
  'tracks.state.upcoming': 'скоро',
  'tracks.state.live': 'идёт сейчас',
  'tracks.state.ended': 'завершилось',
  'tracks.state.recording-ready': 'запись готова',
  'tracks.state.recorded': 'есть запись',
  'tracks.state.past': 'прошёл',
  'tracks.done': 'Пройдено: {title}',
  'tracks.up': 'Выше: {title}',
  'tracks.down': 'Ниже: {title}',
  'tracks.remove': 'Убрать: {title}',
  'tracks.open': 'Открыть',
  'tracks.join': 'Ссылка на трансляцию',
  'tracks.watch': 'Смотреть запись',
  'tracks.newTab': '(в новой вкладке)',
  'tracks.moved': '«{title}» теперь на месте {n}',
  'tracks.removed': '«{title}» убран из трека',
  'tracks.added': '«{title}» добавлен в трек',
  'tracks.saved': 'Сохранено',
  'tracks.suggest.title': 'Добавить в трек',
  'tracks.suggest.none': 'Больше предложений по этим темам нет.',
  'tracks.suggest.add': 'Добавить: {title}',
  'tracks.share.title': 'Поделиться',
  'tracks.share.hint': 'По этой ссылке трек увидят только для чтения; любой сможет сделать себе копию.',
  'tracks.share.label': 'Ссылка на трек',
  'tracks.share.copy': 'Скопировать ссылку',
  'tracks.share.copied': 'Ссылка скопирована',
  'tracks.rename': 'Название трека',
  'tracks.renameSave': 'Переименовать',
  'tracks.delete': 'Удалить трек',
  'tracks.deleteConfirm': 'Удалить трек «{title}»?',
  'tracks.shared': 'Это чужой трек: вы видите его только для чтения.',
  'tracks.copy': 'Сделать своим',
  'tracks.copiedFrom': 'Копия чужого трека',

  'beside.title': 'Вебинары рядом с программой',
  'beside.intro': 'Вебинары и мастер-классы экспонентов на темы этих событий.',
  'beside.eventTitle': 'Вебинары экспонентов на эти темы',
  'beside.none': 'Вебинаров на эти темы пока нет.',
  'beside.loading': 'Ищем вебинары…',
  'beside.error': 'Вебинары не загрузились.',
  'beside.kind.webinar': 'Вебинар',
  'beside.kind.masterclass': 'Мастер-класс',
  'beside.stand': 'Стенд «{name}»',
  'beside.topics': 'Общие темы: {topics}',
  'beside.more': 'Показать ещё {count}',
  'beside.forEvents': 'к событиям: {count}',
  'standProgramme.title': 'События программы на эти темы',
  'standProgramme.all': 'Вся деловая программа',
} as const;

export type TracksKey = keyof typeof tracksRu;

export const tracksEn: Record<TracksKey, string> = {
  'tracks.nav': 'Growth tracks',
  'tracks.title': 'Professional growth tracks',
  'tracks.intro':
    'Pick the topics that matter to you and your level, and we put a track together: recordings of past events, the programme’s coming events, exhibitors’ webinars and master classes, and stands on the same topics. Tick what you have done, change the order and share the track by link.',
  'tracks.build.title': 'Build a new track',
  'tracks.build.topics': 'Topics (at most {max})',
  'tracks.build.topicsHint': '{count} chosen',
  'tracks.build.level': 'Level',
  'tracks.level.beginner': 'Beginner',
  'tracks.level.practitioner': 'Practitioner',
  'tracks.level.expert': 'Expert',
  'tracks.level.beginner.hint': 'lectures, presentations, master classes',
  'tracks.level.practitioner.hint': 'workshops, master classes, discussions',
  'tracks.level.expert.hint': 'discussions, round tables, interviews',
  'tracks.build.name': 'Title (optional)',
  'tracks.build.submit': 'Build the track',
  'tracks.build.busy': 'Building…',
  'tracks.build.needTopic': 'Pick at least one topic.',
  'tracks.mine.title': 'My tracks',
  'tracks.mine.empty': 'No tracks yet: build the first one above.',
  'tracks.mine.progress': '{done} of {total} done',
  'tracks.error': 'That did not work: {message}',
  'tracks.loadError': 'The track could not be loaded.',
  'tracks.notFound': 'There is no such track: its owner may have deleted it.',
  'tracks.back': '← All tracks',
  'tracks.level': 'Level: {level}',
  'tracks.topics': 'Topics: {topics}',
  'tracks.progress': '{done} of {total} done',
  'tracks.items': 'Steps of the track',
  'tracks.empty': 'The track is empty. Add steps from the suggestions below.',
  'tracks.kind.recording': 'Recording',
  'tracks.kind.event': 'Programme event',
  'tracks.kind.webinar': 'Webinar',
  'tracks.kind.stand': 'Stand',
  'tracks.kind.missing': 'No longer available',
  'tracks.state.upcoming': 'upcoming',
  'tracks.state.live': 'live now',
  'tracks.state.ended': 'ended',
  'tracks.state.recording-ready': 'recording ready',
  'tracks.state.recorded': 'recorded',
  'tracks.state.past': 'over',
  'tracks.done': 'Done: {title}',
  'tracks.up': 'Move up: {title}',
  'tracks.down': 'Move down: {title}',
  'tracks.remove': 'Remove: {title}',
  'tracks.open': 'Open',
  'tracks.join': 'Stream link',
  'tracks.watch': 'Watch the recording',
  'tracks.newTab': '(opens in a new tab)',
  'tracks.moved': '“{title}” is now at place {n}',
  'tracks.removed': '“{title}” removed from the track',
  'tracks.added': '“{title}” added to the track',
  'tracks.saved': 'Saved',
  'tracks.suggest.title': 'Add to the track',
  'tracks.suggest.none': 'No more suggestions on these topics.',
  'tracks.suggest.add': 'Add: {title}',
  'tracks.share.title': 'Share',
  'tracks.share.hint': 'Others see the track read-only through this link; anyone can make a copy of their own.',
  'tracks.share.label': 'Link to the track',
  'tracks.share.copy': 'Copy the link',
  'tracks.share.copied': 'Link copied',
  'tracks.rename': 'Track title',
  'tracks.renameSave': 'Rename',
  'tracks.delete': 'Delete the track',
  'tracks.deleteConfirm': 'Delete the track “{title}”?',
  'tracks.shared': 'This is someone else’s track: you see it read-only.',
  'tracks.copy': 'Make it mine',
  'tracks.copiedFrom': 'A copy of someone else’s track',

  'beside.title': 'Webinars beside the programme',
  'beside.intro': 'Exhibitors’ webinars and master classes on the topics of these events.',
  'beside.eventTitle': 'Exhibitors’ webinars on these topics',
  'beside.none': 'No webinars on these topics yet.',
  'beside.loading': 'Looking for webinars…',
  'beside.error': 'The webinars could not be loaded.',
  'beside.kind.webinar': 'Webinar',
  'beside.kind.masterclass': 'Master class',
  'beside.stand': '“{name}” stand',
  'beside.topics': 'Shared topics: {topics}',
  'beside.more': 'Show {count} more',
  'beside.forEvents': 'for {count} event|for {count} events',
  'standProgramme.title': 'Programme events on these topics',
  'standProgramme.all': 'The whole business programme',
};

const DICTS: Record<Lang, Record<TracksKey, string>> = { ru: tracksRu, en: tracksEn };
const FORM_INDEX: Record<Lang, Partial<Record<Intl.LDMLPluralRule, number>>> = { ru: { one: 0, few: 1, many: 2, other: 1 }, en: { one: 0, other: 1 } };

export type TracksT = (key: TracksKey, params?: Record<string, string | number>) => string;

export function tracksTranslator(lang: Lang): TracksT {
  const rules = new Intl.PluralRules(lang);
  return (key, params) => {
    let text = DICTS[lang][key];
    if (text.includes('|')) {
      const forms = text.split('|');
      const count = typeof params?.count === 'number' ? params.count : 0;
      text = forms[FORM_INDEX[lang][rules.select(count)] ?? forms.length - 1] ?? forms[0]!;
    }
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
  };
}

/** The tracks' and stage two's strings in the page's language. */
export function useTracksT(): TracksT {
  return tracksTranslator(useStore((s) => s.lang));
}
